/** st.checkbox and st.toggle: a boolean. */
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { baseProps, callbackOf, identityOf, showWidget, type OnChange, type WidgetOptions } from "./widget.ts";

export interface CheckboxOptions extends WidgetOptions, OnChange {
  value?: boolean;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    checkbox(label: string, options?: CheckboxOptions): boolean;
    toggle(label: string, options?: CheckboxOptions): boolean;
  }
}

const validate = (wire: unknown) => (typeof wire === "boolean" ? null : "Expected true or false.");
defineWidgetKind({ kind: "checkbox", validate });
defineWidgetKind({ kind: "toggle", validate });

function booleanWidget(dg: DeltaGenerator, kind: "checkbox" | "toggle", label: string, options: CheckboxOptions): boolean {
  return showWidget(dg, {
    kind,
    key: options.key,
    identity: identityOf(label, options),
    defaultValue: options.value ?? false,
    props: (wire) => ({ ...baseProps(label, options), value: wire === true }),
    toWire: (value) => (typeof value === "boolean" ? value : invalidStateValue(`st.${kind}`, value, "expected a boolean")),
    fromWire: (wire) => wire === true,
    callback: callbackOf(options.on_change, options.args, options.kwargs),
  });
}

export const checkboxMethods = {
  checkbox(this: DeltaGenerator, label: string, options: CheckboxOptions = {}): boolean {
    return booleanWidget(this, "checkbox", label, options);
  },
  toggle(this: DeltaGenerator, label: string, options: CheckboxOptions = {}): boolean {
    return booleanWidget(this, "toggle", label, options);
  },
};
