/** st.text_input and st.text_area: a string (or null when `value: null` and nothing typed yet). */
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import type { LeafProps, WidgetWireValue } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { baseProps, callbackOf, identityOf, showWidget, type OnChange, type WidgetOptions } from "./widget.ts";

interface TextOptions extends WidgetOptions, OnChange {
  value?: string | null;
  max_chars?: number;
  placeholder?: string;
}
export interface TextInputOptions extends TextOptions {
  type?: "default" | "password";
}
export interface TextAreaOptions extends TextOptions {
  height?: number;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    text_input<O extends TextInputOptions>(label: string, options?: O): O extends { value: null } ? string | null : string;
    text_area<O extends TextAreaOptions>(label: string, options?: O): O extends { value: null } ? string | null : string;
  }
}

/**
 * Text the user typed. Null only while the field is empty (created with `value: None`, or set so
 * by the script), as in Streamlit: once typed in, the field holds a string, "" when emptied.
 */
function validate(wire: WidgetWireValue, props: LeafProps["text_input"] | LeafProps["text_area"]): string | null {
  if (wire === null) return props.value === null ? null : "Expected a string: a text field once typed in is never None.";
  if (typeof wire !== "string") return "Expected a string.";
  if (props.max_chars !== undefined && [...wire].length > props.max_chars) {
    return `Text is longer than max_chars (${props.max_chars}).`;
  }
  return null;
}
defineWidgetKind({ kind: "text_input", validate });
defineWidgetKind({ kind: "text_area", validate });

function textWidget(
  dg: DeltaGenerator,
  kind: "text_input" | "text_area",
  label: string,
  options: TextInputOptions & TextAreaOptions,
  extra: Record<string, unknown>,
): string | null {
  const defaultValue = options.value === undefined ? "" : options.value;
  return showWidget(dg, {
    kind,
    key: options.key,
    identity: identityOf(label, options),
    defaultValue,
    props: (wire) =>
      ({
        ...baseProps(label, options),
        value: typeof wire === "string" ? wire : null,
        ...(options.placeholder !== undefined ? { placeholder: options.placeholder } : {}),
        ...(options.max_chars !== undefined ? { max_chars: options.max_chars } : {}),
        ...extra,
      }) as Omit<LeafProps["text_input"], "id">,
    toWire: (value) => {
      if (value !== null && typeof value !== "string") invalidStateValue(`st.${kind}`, value, "expected a string");
      if (typeof value === "string" && options.max_chars !== undefined && [...value].length > options.max_chars) {
        invalidStateValue(`st.${kind}`, value, `longer than max_chars (${options.max_chars})`);
      }
      return value;
    },
    fromWire: (wire) => (typeof wire === "string" ? wire : null),
    callback: callbackOf(options.on_change, options.args, options.kwargs),
  });
}

export const textInputMethods = {
  text_input(this: DeltaGenerator, label: string, options: TextInputOptions = {}): any {
    return textWidget(this, "text_input", label, options, { type: options.type ?? "default" });
  },
  text_area(this: DeltaGenerator, label: string, options: TextAreaOptions = {}): any {
    return textWidget(this, "text_area", label, options, options.height !== undefined ? { height: options.height } : {});
  },
};
