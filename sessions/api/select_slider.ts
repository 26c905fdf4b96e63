/** st.select_slider: a slider over any options; one option, or a [low, high] pair when `value` is a pair. */
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import { StreamlitAPIException, StreamlitDefaultNotInOptionsError, StreamlitMissingRequiredParameterError } from "../errors.ts";
import type { WidgetWireValue } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { indexOfOption, isOptionIndex, optionLabels } from "./options.ts";
import { baseProps, callbackOf, identityOf, showWidget, type OnChange, type WidgetOptions } from "./widget.ts";

export interface SelectSliderOptions<T, V = T | readonly [T, T]> extends WidgetOptions, OnChange {
  /** The option selected at first (default: the first), or a [low, high] pair for a range. */
  value?: V;
  format_func?: (option: T) => unknown;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    select_slider<T>(label: string, options: Iterable<T>, settings: SelectSliderOptions<T, readonly [T, T]> & { value: readonly [T, T] }): [T, T];
    select_slider<T>(label: string, options: Iterable<T>, settings?: SelectSliderOptions<T, T>): T;
  }
}

// The browser sends an option index, or a [low, high] pair of them for a range.
defineWidgetKind({
  kind: "select_slider",
  validate: (wire, props) => {
    const count = props.options.length;
    if (props.value.length === 2) {
      if (!Array.isArray(wire) || wire.length !== 2 || !wire.every((i) => isOptionIndex(i, count))) {
        return `Expected a [low, high] pair of option indexes below ${count}.`;
      }
      return (wire[0] as number) > (wire[1] as number) ? "The low end of the range is above the high end." : null;
    }
    return isOptionIndex(wire, count) ? null : `Expected an option index below ${count}.`;
  },
});

export const selectSliderMethods = {
  select_slider<T>(this: DeltaGenerator, label: string, source: Iterable<T>, settings: SelectSliderOptions<T> = {}): any {
    const options = [...source];
    if (options.length === 0) throw new StreamlitMissingRequiredParameterError("options", "Provide at least one option.");
    const labels = optionLabels(options, settings.format_func);
    const isRange = Array.isArray(settings.value);
    const indexOf = (value: unknown, what: (value: unknown) => never): number => {
      const index = indexOfOption(options, value);
      return index >= 0 ? index : what(value);
    };
    const notAnOption = (value: unknown): never => {
      throw new StreamlitDefaultNotInOptionsError(value);
    };
    let defaults: number[];
    if (isRange) {
      const pair = settings.value as readonly T[];
      if (pair.length !== 2) throw new StreamlitAPIException("A range `value` of st.select_slider must be a pair: [low, high].");
      defaults = pair.map((v) => indexOf(v, notAnOption)).sort((a, b) => a - b);
    } else {
      defaults = [settings.value === undefined ? 0 : indexOf(settings.value, notAnOption)];
    }
    const toWire = (value: unknown): WidgetWireValue => {
      const stateError = (v: unknown): never => invalidStateValue("st.select_slider", v, "it is not one of the options");
      if (!isRange) return indexOf(value, stateError);
      if (!Array.isArray(value) || value.length !== 2) return invalidStateValue("st.select_slider", value, "expected a [low, high] pair");
      return value.map((v) => indexOf(v, stateError)).sort((a, b) => a - b);
    };
    return showWidget(this, {
      kind: "select_slider",
      key: settings.key,
      identity: identityOf(label, settings, { options: labels, value: defaults, format_func: undefined }),
      defaultValue: isRange ? defaults.map((i) => options[i]!) : options[defaults[0]!]!,
      props: (wire) => ({
        ...baseProps(label, settings),
        options: labels,
        value: typeof wire === "number" ? [wire] : (wire as number[]),
      }),
      toWire,
      fromWire: (wire) => (Array.isArray(wire) ? wire.map((i) => options[i as number]!) : options[wire as number]!),
      callback: callbackOf(settings.on_change, settings.args, settings.kwargs),
    });
  },
};
