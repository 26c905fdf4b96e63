/** st.form and st.form_submit_button: widgets inside a form send their values only on submit. */
import { defineWidgetKind } from "../engine/widgets.ts";
import { DuplicateWidgetKey, StreamlitInvalidLayoutContextError, StreamlitValueAssignmentNotAllowedError } from "../errors.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { buttonSpec, type ButtonOptions } from "./button.ts";
import { showWidget } from "./widget.ts";

export interface FormOptions {
  clear_on_submit?: boolean;
  /** Show a border around the form (default true). */
  border?: boolean;
  enter_to_submit?: boolean;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** A form: its widgets rerun the script only when its `form_submit_button` is clicked. */
    form(key: string, options?: FormOptions): DeltaGenerator;
    /** True on the run its click triggers, like a button; only valid inside `st.form`. */
    form_submit_button(label?: string, options?: ButtonOptions): boolean;
  }
}

defineWidgetKind({
  kind: "form_submit_button",
  validate: (wire) => (wire === true ? null : "A submit button can only be clicked (value true)."),
});

export const formMethods = {
  form(this: DeltaGenerator, key: string, options: FormOptions = {}): DeltaGenerator {
    const ctx = this._context("st.form");
    if (ctx.run.containerOf(this._target(ctx)).formId !== undefined) {
      throw new StreamlitInvalidLayoutContextError("Forms cannot be nested in other forms.");
    }
    // As in Streamlit, a form's key only has to differ from other forms' keys, and takes no value from session state.
    if (ctx.run.session.state.isNewValue(key)) throw new StreamlitValueAssignmentNotAllowedError(key);
    if (ctx.run.forms.has(key)) throw new DuplicateWidgetKey(key);
    const clearOnSubmit = options.clear_on_submit ?? false;
    ctx.run.forms.set(key, { clearOnSubmit });
    return this._block("form", { form_id: key, clear_on_submit: clearOnSubmit, border: options.border ?? true });
  },

  form_submit_button(this: DeltaGenerator, label = "Submit", options: ButtonOptions = {}): boolean {
    const ctx = this._context("st.form_submit_button");
    const formId = ctx.run.containerOf(this._target(ctx)).formId;
    if (formId === undefined) throw StreamlitInvalidLayoutContextError.submitOutsideForm();
    return showWidget(this, buttonSpec("form_submit_button", label, options, { form: formId }));
  },
};
