/**
 * st.pills and st.segmented_control: a row of option buttons. One option or none
 * (`selection_mode: "single"`, the default), or several (`"multi"`).
 */
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import { StreamlitAPIException, StreamlitDefaultNotInOptionsError, StreamlitValueError } from "../errors.ts";
import type { LeafProps, WidgetWireValue } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { indexOfOption, isOptionIndex, optionLabels } from "./options.ts";
import { baseProps, callbackOf, identityOf, showWidget, wireIndexes, type OnChange, type WidgetOptions } from "./widget.ts";

export type SelectionMode = "single" | "multi";

export interface ButtonGroupOptions<T, M extends SelectionMode = SelectionMode> extends WidgetOptions, OnChange {
  selection_mode?: M;
  /** Selected at first: an option (or, in "multi" mode, a list of them), or null for none. */
  default?: M extends "multi" ? readonly T[] | T | null : T | null;
  format_func?: (option: T) => unknown;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    pills<T>(label: string, options: Iterable<T>, settings: ButtonGroupOptions<T, "multi"> & { selection_mode: "multi" }): T[];
    pills<T>(label: string, options: Iterable<T>, settings?: ButtonGroupOptions<T, "single">): T | null;
    segmented_control<T>(label: string, options: Iterable<T>, settings: ButtonGroupOptions<T, "multi"> & { selection_mode: "multi" }): T[];
    segmented_control<T>(label: string, options: Iterable<T>, settings?: ButtonGroupOptions<T, "single">): T | null;
  }
}

type Kind = "pills" | "segmented_control";

// The browser sends the selected option indexes: at most one in "single" mode.
const validate = (wire: WidgetWireValue, props: LeafProps[Kind]): string | null => {
  const count = props.options.length;
  if (!Array.isArray(wire) || !wire.every((i) => isOptionIndex(i, count))) return `Expected an array of option indexes below ${count}.`;
  if (new Set(wire as number[]).size !== wire.length) return "An option can be selected only once.";
  return props.selection_mode === "single" && wire.length > 1 ? "Only one option can be selected." : null;
};
defineWidgetKind({ kind: "pills", validate });
defineWidgetKind({ kind: "segmented_control", validate });

function buttonGroup<T>(dg: DeltaGenerator, kind: Kind, label: string, source: Iterable<T>, settings: ButtonGroupOptions<T>): T | T[] | null {
  const mode = settings.selection_mode ?? "single";
  if (mode !== "single" && mode !== "multi") throw new StreamlitValueError("selection_mode", ["'single'", "'multi'"]);
  const options = [...source];
  const labels = optionLabels(options, settings.format_func);
  const indexesOf = (value: unknown, notFound: (value: unknown) => never): number[] => {
    const values = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
    return values.map((v) => {
      const index = indexOfOption(options, v);
      return index >= 0 ? index : notFound(v);
    });
  };
  const defaults = indexesOf(settings.default, (v) => {
    throw new StreamlitDefaultNotInOptionsError(v);
  });
  if (mode === "single" && defaults.length > 1) {
    throw new StreamlitAPIException(`The default argument to \`st.${kind}\` must be a single value when \`selection_mode='single'\`.`);
  }
  const fromWire = (wire: WidgetWireValue) => {
    const chosen = wireIndexes(wire).map((i) => options[i]!);
    return mode === "multi" ? chosen : (chosen[0] ?? null);
  };
  return showWidget(dg, {
    kind,
    key: settings.key,
    identity: identityOf(label, settings, { options: labels, default: defaults, selection_mode: mode, format_func: undefined }),
    defaultValue: fromWire(defaults),
    props: (wire) => ({ ...baseProps(label, settings), options: labels, indexes: wireIndexes(wire), selection_mode: mode }),
    toWire: (value) => {
      if (mode === "single" && Array.isArray(value)) return invalidStateValue(`st.${kind}`, value, "expected one option or null");
      const wire = indexesOf(value, (v) => invalidStateValue(`st.${kind}`, v, "it is not one of the options"));
      return new Set(wire).size === wire.length ? wire : invalidStateValue(`st.${kind}`, value, "an option can be selected only once");
    },
    fromWire,
    callback: callbackOf(settings.on_change, settings.args, settings.kwargs),
  });
}

export const pillsMethods = {
  pills<T>(this: DeltaGenerator, label: string, options: Iterable<T>, settings: ButtonGroupOptions<T> = {}): any {
    return buttonGroup(this, "pills", label, options, settings);
  },
  segmented_control<T>(this: DeltaGenerator, label: string, options: Iterable<T>, settings: ButtonGroupOptions<T> = {}): any {
    return buttonGroup(this, "segmented_control", label, options, settings);
  },
};
