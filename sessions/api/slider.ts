/** st.slider: one number, or a [low, high] range when `value` is a pair. */
import { StreamlitAPIException } from "../errors.ts";
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import type { WidgetWireValue } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { checkInRange, isIntegerWidget, numberMismatch } from "./numbers.ts";
import { baseProps, callbackOf, identityOf, showWidget, type OnChange, type WidgetOptions } from "./widget.ts";

export interface SliderOptions<V extends number | readonly [number, number]> extends WidgetOptions, OnChange {
  min_value?: number;
  max_value?: number;
  value?: V;
  step?: number;
  format?: string;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    slider(label: string, options: SliderOptions<readonly [number, number]> & { value: readonly [number, number] }): [number, number];
    slider(label: string, options?: SliderOptions<number>): number;
  }
}

defineWidgetKind({
  kind: "slider",
  validate: (wire, props) => {
    // One thumb sends a number, a range its [low, high] pair (the script gets the same shapes).
    const isRange = props.value.length === 2;
    const values = !isRange && typeof wire === "number" ? [wire] : isRange && Array.isArray(wire) && wire.length === 2 ? wire : null;
    if (!values) return isRange ? "Expected a [low, high] pair of numbers." : "Expected a number.";
    for (const v of values) {
      const problem = numberMismatch(v, props.min, props.max, props.int);
      if (problem) return problem;
    }
    if (values.length === 2 && values[0]! > values[1]!) return "The low end of the range is above the high end.";
    return null;
  },
});

export const sliderMethods = {
  slider(this: DeltaGenerator, label: string, options: SliderOptions<number | readonly [number, number]> = {}): any {
    const given = options.value;
    const givenValues = given === undefined ? [] : typeof given === "number" ? [given] : [...given];
    const int = isIntegerWidget([...givenValues, options.min_value, options.max_value, options.step], options.format);
    const min = options.min_value ?? (int ? 0 : 0.0);
    const max = options.max_value ?? (int ? 100 : 1.0);
    const step = options.step ?? (int ? 1 : 0.01);
    if (min > max) {
      throw new StreamlitAPIException(`Slider \`min_value\` (${min}) must be less than or equal to its \`max_value\` (${max}).`);
    }
    const isRange = Array.isArray(given);
    const defaults = givenValues.length > 0 ? givenValues : [min];
    for (const v of defaults) checkInRange("default `value` of", v, min, max);
    const toWire = (value: unknown): WidgetWireValue => {
      const values = typeof value === "number" ? [value] : Array.isArray(value) ? [...value] : null;
      if (!values || values.length !== (isRange ? 2 : 1)) {
        return invalidStateValue("st.slider", value, isRange ? "expected a [low, high] pair" : "expected a number");
      }
      for (const v of values) {
        const problem = numberMismatch(v, min, max, int);
        if (problem) invalidStateValue("st.slider", value, problem);
      }
      return isRange ? values : values[0]!;
    };
    return showWidget(this, {
      kind: "slider",
      key: options.key,
      identity: identityOf(label, options, { min, max, step }),
      defaultValue: isRange ? defaults : defaults[0],
      props: (wire) => ({
        ...baseProps(label, options),
        value: typeof wire === "number" ? [wire] : (wire as number[]),
        min,
        max,
        step,
        int,
        ...(options.format !== undefined ? { format: options.format } : {}),
      }),
      toWire,
      fromWire: (wire) => (Array.isArray(wire) ? [...wire] : wire),
      callback: callbackOf(options.on_change, options.args, options.kwargs),
    });
  },
};
