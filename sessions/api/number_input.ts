/** st.number_input: a number within optional bounds (or null when `value: null`). */
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { checkInRange, isIntegerWidget, numberMismatch } from "./numbers.ts";
import { baseProps, callbackOf, identityOf, showWidget, type OnChange, type WidgetOptions } from "./widget.ts";

export interface NumberInputOptions extends WidgetOptions, OnChange {
  min_value?: number;
  max_value?: number;
  /** A number, `"min"` (the default: min_value, or 0) or null for an empty input. */
  value?: number | "min" | null;
  step?: number;
  format?: string;
  placeholder?: string;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    number_input<O extends NumberInputOptions>(label: string, options?: O): O extends { value: null } ? number | null : number;
  }
}

/** A number in bounds; null only for one the user may empty (`clearable`), or that is empty now. */
defineWidgetKind({
  kind: "number_input",
  validate: (wire, props) => {
    if (wire === null) return props.clearable || props.value === null ? null : "This number input cannot be empty.";
    return numberMismatch(wire, props.min, props.max, props.int);
  },
});

export const numberInputMethods = {
  number_input(this: DeltaGenerator, label: string, options: NumberInputOptions = {}): any {
    const { min_value: min, max_value: max, format } = options;
    const given = options.value === "min" || options.value === undefined ? (min ?? 0) : options.value;
    // Like Streamlit: a number input given no numbers is a float one (0.0, step 0.01).
    const numbers = [options.value === "min" ? undefined : options.value, min, max, options.step];
    const int = numbers.some((n) => typeof n === "number") && isIntegerWidget([given, min, max, options.step], format);
    const step = options.step ?? (int ? 1 : 0.01);
    if (given !== null) checkInRange("default `value` of", given, min, max);
    return showWidget(this, {
      kind: "number_input",
      key: options.key,
      identity: identityOf(label, options),
      defaultValue: given,
      props: (wire) => ({
        ...baseProps(label, options),
        value: typeof wire === "number" ? wire : null,
        // As in Streamlit: an input created empty may be emptied again.
        ...(given === null ? { clearable: true } : {}),
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        step,
        int,
        ...(format !== undefined ? { format } : {}),
        ...(options.placeholder !== undefined ? { placeholder: options.placeholder } : {}),
      }),
      toWire: (value) => {
        if (value === null) return null;
        const problem = numberMismatch(value, min, max, int);
        return problem ? invalidStateValue("st.number_input", value, problem) : value;
      },
      fromWire: (wire) => (typeof wire === "number" ? wire : null),
      callback: callbackOf(options.on_change, options.args, options.kwargs),
    });
  },
};
