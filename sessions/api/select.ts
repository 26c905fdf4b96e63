/** Choosing among options: st.selectbox, st.radio (one or none) and st.multiselect (several). */
import { StreamlitAPIException } from "../errors.ts";
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import type { LeafProps, WidgetWireValue } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { baseProps, callbackOf, identityOf, showWidget, wireIndexes, type OnChange, type WidgetOptions } from "./widget.ts";

interface ChoiceOptions<T> extends WidgetOptions, OnChange {
  format_func?: (option: T) => unknown;
  placeholder?: string;
}
export interface SelectboxOptions<T> extends ChoiceOptions<T> {
  /** Index of the preselected option; null preselects nothing. Default 0. */
  index?: number | null;
}
export interface RadioOptions<T> extends SelectboxOptions<T> {
  horizontal?: boolean;
  captions?: string[];
}
export interface MultiselectOptions<T> extends ChoiceOptions<T> {
  default?: readonly T[] | T | null;
  max_selections?: number;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    selectbox<T>(label: string, options: Iterable<T>, settings?: SelectboxOptions<T>): T | null;
    radio<T>(label: string, options: Iterable<T>, settings?: RadioOptions<T>): T | null;
    multiselect<T>(label: string, options: Iterable<T>, settings?: MultiselectOptions<T>): T[];
  }
}

function validIndex(wire: unknown, count: number): boolean {
  return typeof wire === "number" && Number.isInteger(wire) && wire >= 0 && wire < count;
}

/**
 * One option's index; null only while nothing is chosen, or, for a selectbox created with
 * `index: None` (`clearable`), when the user clears it, as in Streamlit. A radio cannot be unset.
 */
const validateOne = (wire: WidgetWireValue, props: LeafProps["selectbox"] | LeafProps["radio"]) => {
  if (wire === null) return props.index === null || ("clearable" in props && props.clearable) ? null : "This widget always has an option chosen.";
  return validIndex(wire, props.options.length) ? null : `Expected an option index below ${props.options.length}.`;
};
defineWidgetKind({ kind: "selectbox", validate: validateOne });
defineWidgetKind({ kind: "radio", validate: validateOne });
defineWidgetKind({
  kind: "multiselect",
  validate: (wire, props) => {
    if (!Array.isArray(wire) || !wire.every((i) => validIndex(i, props.options.length))) {
      return `Expected an array of option indexes below ${props.options.length}.`;
    }
    if (new Set(wire as number[]).size !== wire.length) return "An option can be selected only once.";
    if (props.max_selections !== undefined && wire.length > props.max_selections) {
      return `At most ${props.max_selections} options can be selected.`;
    }
    return null;
  },
});

function sameOption(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "object" && a !== null && JSON.stringify(a) === JSON.stringify(b));
}

function singleChoice<T>(dg: DeltaGenerator, kind: "selectbox" | "radio", label: string, source: Iterable<T>, settings: RadioOptions<T>): T | null {
  const options = [...source];
  const format = settings.format_func ?? String;
  const labels = options.map((o) => String(format(o)));
  const index = settings.index === undefined ? (options.length > 0 ? 0 : null) : settings.index;
  if (index !== null && !validIndex(index, options.length)) {
    throw new StreamlitAPIException(`Selectbox index must be greater than or equal to 0 and less than the length of options.`);
  }
  return showWidget(dg, {
    kind,
    key: settings.key,
    identity: identityOf(label, settings, { options: labels }),
    defaultValue: index === null ? null : options[index]!,
    props: (wire) => ({
      ...baseProps(label, settings),
      options: labels,
      index: typeof wire === "number" ? wire : null,
      ...(kind === "selectbox" && index === null ? { clearable: true } : {}),
      ...(settings.placeholder !== undefined ? { placeholder: settings.placeholder } : {}),
      ...(kind === "radio" && settings.horizontal ? { horizontal: true } : {}),
      ...(kind === "radio" && settings.captions ? { captions: settings.captions } : {}),
    }),
    toWire: (value) => {
      if (value === null) return null;
      const found = options.findIndex((o) => sameOption(o, value));
      return found >= 0 ? found : invalidStateValue(`st.${kind}`, value, "it is not one of the options");
    },
    fromWire: (wire) => (typeof wire === "number" ? options[wire]! : null),
    callback: callbackOf(settings.on_change, settings.args, settings.kwargs),
  });
}

export const selectMethods = {
  selectbox<T>(this: DeltaGenerator, label: string, options: Iterable<T>, settings: SelectboxOptions<T> = {}): T | null {
    return singleChoice(this, "selectbox", label, options, settings);
  },
  radio<T>(this: DeltaGenerator, label: string, options: Iterable<T>, settings: RadioOptions<T> = {}): T | null {
    return singleChoice(this, "radio", label, options, settings);
  },
  multiselect<T>(this: DeltaGenerator, label: string, source: Iterable<T>, settings: MultiselectOptions<T> = {}): T[] {
    const options = [...source];
    const labels = options.map((o) => String((settings.format_func ?? String)(o)));
    const toWire = (value: unknown): WidgetWireValue => {
      const values = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
      return values.map((v) => {
        const found = options.findIndex((o) => sameOption(o, v));
        if (found < 0) {
          throw new StreamlitAPIException(`The default value '${String(v)}' is not part of the options. Please make sure that every default value also exists in the options.`);
        }
        return found;
      });
    };
    const defaults = toWire(settings.default ?? null) as number[];
    if (settings.max_selections !== undefined && defaults.length > settings.max_selections) {
      throw new StreamlitAPIException(`Multiselect has ${defaults.length} options selected but \`max_selections\` is set to ${settings.max_selections}.`);
    }
    return showWidget<"multiselect", T[]>(this, {
      kind: "multiselect",
      key: settings.key,
      identity: identityOf(label, settings, { options: labels }),
      defaultValue: defaults.map((i) => options[i]!),
      props: (wire) => ({
        ...baseProps(label, settings),
        options: labels,
        indexes: wireIndexes(wire),
        ...(settings.max_selections !== undefined ? { max_selections: settings.max_selections } : {}),
        ...(settings.placeholder !== undefined ? { placeholder: settings.placeholder } : {}),
      }),
      toWire,
      fromWire: (wire) => wireIndexes(wire).map((i) => options[i]!),
      callback: callbackOf(settings.on_change, settings.args, settings.kwargs),
    });
  },
};
