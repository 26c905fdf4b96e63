/** st.button: true for the one run its click triggers. */
import { defineWidgetKind, type WidgetProps, type WidgetSpec } from "../engine/widgets.ts";
import { StreamlitInvalidLayoutContextError } from "../errors.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { baseProps, callbackOf, identityOf, showWidget, type WidgetOptions } from "./widget.ts";

export interface ButtonOptions extends WidgetOptions {
  on_click?: (...args: any[]) => unknown;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
  type?: "primary" | "secondary" | "tertiary";
  icon?: string;
  use_container_width?: boolean;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    button(label: string, options?: ButtonOptions): boolean;
  }
}

defineWidgetKind({
  kind: "button",
  validate: (wire) => (wire === true ? null : "A button can only be clicked (value true)."),
});

export const buttonMethods = {
  button(this: DeltaGenerator, label: string, options: ButtonOptions = {}): boolean {
    const ctx = this._context("st.button");
    if (ctx.run.containerOf(this._target(ctx)).formId !== undefined) throw StreamlitInvalidLayoutContextError.buttonInForm();
    return showWidget(this, buttonSpec("button", label, options, {}));
  },
};

/** What st.button and st.form_submit_button share: a click is true for one run. */
export function buttonSpec<K extends "button" | "form_submit_button">(
  kind: K,
  label: string,
  options: ButtonOptions,
  identity: Record<string, unknown>,
): WidgetSpec<K, boolean> {
  return {
    kind,
    key: options.key,
    identity: identityOf(label, options, identity),
    defaultValue: false,
    trigger: true,
    props: () =>
      ({
        ...baseProps(label, options),
        type: options.type ?? "secondary",
        ...(options.icon !== undefined ? { icon: options.icon } : {}),
        ...(options.use_container_width ? { use_container_width: true } : {}),
      }) as WidgetProps<K>,
    toWire: (value) => value,
    fromWire: (wire) => wire === true,
    callback: callbackOf(options.on_click, options.args, options.kwargs),
  };
}
