import { onCleanup, Show, type JSX } from "solid-js";
import { hasSubmitButton, registerSubmitButton, submitForm } from "../forms.ts";
import { BlockChildren, useTree } from "../tree.tsx";
import type { BlockElementProps, LeafElementProps } from "../types.ts";
import { Alert } from "./Alert.tsx";
import { HelpIcon, MarkdownHtml } from "./parts.tsx";

const MISSING_SUBMIT_BUTTON =
  "**Missing Submit Button**" +
  "\n\nThis form has no submit button, which means that user interactions will never be sent to your Streamlit app." +
  "\n\nTo create a submit button, use the `st.form_submit_button()` function." +
  "\n\nFor more information, refer to the [documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).";

/**
 * `st.form`: its widgets hold their values until a submit button sends them together.
 * A form without a submit button says so, once the run has had the chance to add one.
 */
export function Form(props: BlockElementProps<"form">): JSX.Element {
  const tree = useTree();
  const missingButton = () => !tree.store.state.running && !hasSubmitButton(props.node.props.form_id);
  return (
    <div class="stForm" data-testid="stForm" classList={{ "form-bordered": props.node.props.border !== false }}>
      <div class="vertical-block" data-testid="stVerticalBlock">
        <BlockChildren node={props.node} path={props.path} />
      </div>
      <Show when={missingButton()}>
        <div class="form-error">
          <Alert node={{ kind: "error", props: { body: MISSING_SUBMIT_BUTTON } }} path={props.path} send={props.send} />
        </div>
      </Show>
    </div>
  );
}

/** `st.form_submit_button`: sends the form's held values with its own `true`. */
export function FormSubmitButton(props: LeafElementProps<"form_submit_button">): JSX.Element {
  const p = () => props.node.props;
  const formId = p().form_id;
  if (formId) onCleanup(registerSubmitButton(formId, { id: p().id, disabled: () => !!p().disabled }));
  const submit = () => {
    if (p().disabled) return;
    if (formId) submitForm(formId, props.send, p().id);
    else props.send({ t: "widget", id: p().id, value: true });
  };
  return (
    <div class="stFormSubmitButton" data-testid="stFormSubmitButton" classList={{ "full-width": p().use_container_width }}>
      <button
        type="button"
        class={`button button-${p().type}`}
        data-testid={`stBaseButton-${p().type}FormSubmit`}
        disabled={p().disabled}
        onClick={submit}
      >
        <Show when={p().icon}>{(icon) => <span class="button-icon">{icon()}</span>}</Show>
        <MarkdownHtml body={p().label} inline />
      </button>
      <HelpIcon help={p().help} />
    </div>
  );
}
