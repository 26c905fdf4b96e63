import { createSignal, createUniqueId, type JSX } from "solid-js";
import { canSubmitWithEnter, formIdOf } from "../forms.ts";
import type { LeafElementProps } from "../types.ts";
import { createLocalEdit, hiddenLabel, sendWidgetValue, typingHandlers } from "../widget.ts";
import { InputInstructions, WidgetLabel } from "./parts.tsx";

/**
 * `st.text_input`: applies on Enter or when focus leaves, not per keystroke. Inside a form
 * every keystroke goes to the form's held values, and Enter submits the form.
 */
export function TextInput(props: LeafElementProps<"text_input">): JSX.Element {
  const inputId = createUniqueId();
  const edit = createLocalEdit(() => props.node.props.value ?? "", (value) => sendWidgetValue(props, value));
  const [focused, setFocused] = createSignal(false);
  const formId = () => formIdOf(props.node);
  const hint = () => enterHint(formId(), edit.dirty(), "Enter");
  const typing = typingHandlers(props, edit, setFocused, () => void edit.commit(), (event) => event.key === "Enter" && !event.isComposing, true);
  return (
    <div class="stTextInput" data-testid="stTextInput">
      <WidgetLabel
        label={props.node.props.label}
        for={inputId}
        help={props.node.props.help}
        visibility={props.node.props.label_visibility}
      />
      <div class="input-box" data-testid="stTextInputRootElement">
        <input
          id={inputId}
          type={props.node.props.type === "password" ? "password" : "text"}
          value={edit.draft()}
          placeholder={props.node.props.placeholder}
          maxLength={props.node.props.max_chars}
          disabled={props.node.props.disabled}
          autocomplete="off"
          aria-label={hiddenLabel(props.node.props)}
          onInput={typing.onInput}
          onKeyDown={typing.onKeyDown}
          onFocus={typing.onFocus}
          onBlur={typing.onBlur}
        />
      </div>
      <InputInstructions
        show={focused() && (hint() !== "" || props.node.props.max_chars !== undefined)}
        text={instructions(hint(), edit.draft(), props.node.props.max_chars)}
      />
    </div>
  );
}

/** `st.text_area`: applies when focus leaves or on Ctrl/Cmd+Enter. */
export function TextArea(props: LeafElementProps<"text_area">): JSX.Element {
  const inputId = createUniqueId();
  const edit = createLocalEdit(() => props.node.props.value ?? "", (value) => sendWidgetValue(props, value));
  const [focused, setFocused] = createSignal(false);
  const applyKeys = /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘+Enter" : "Ctrl+Enter";
  const formId = () => formIdOf(props.node);
  const hint = () => enterHint(formId(), edit.dirty(), applyKeys);
  const typing = typingHandlers(props, edit, setFocused, () => void edit.commit(), (event) => event.key === "Enter" && (event.ctrlKey || event.metaKey), true);
  return (
    <div class="stTextArea" data-testid="stTextArea">
      <WidgetLabel
        label={props.node.props.label}
        for={inputId}
        help={props.node.props.help}
        visibility={props.node.props.label_visibility}
      />
      <div class="input-box" data-testid="stTextAreaRootElement">
        <textarea
          id={inputId}
          value={edit.draft()}
          placeholder={props.node.props.placeholder}
          maxLength={props.node.props.max_chars}
          disabled={props.node.props.disabled}
          aria-label={hiddenLabel(props.node.props)}
          style={props.node.props.height ? { height: `${props.node.props.height}px` } : undefined}
          onInput={typing.onInput}
          onKeyDown={typing.onKeyDown}
          onFocus={typing.onFocus}
          onBlur={typing.onBlur}
        />
      </div>
      <InputInstructions
        show={focused() && (hint() !== "" || props.node.props.max_chars !== undefined)}
        text={instructions(hint(), edit.draft(), props.node.props.max_chars)}
      />
    </div>
  );
}

/**
 * The key hint under a text-like input: "Press Enter to apply" while an edit is pending, or,
 * inside a form that Enter can submit, "Press Enter to submit form".
 */
export function enterHint(formId: string | undefined, dirty: boolean, keys: string): string {
  if (formId) return canSubmitWithEnter(formId) ? `Press ${keys} to submit form` : "";
  return dirty ? `Press ${keys} to apply` : "";
}

function instructions(hint: string, draft: string, maxChars: number | undefined): string {
  const count = maxChars === undefined ? "" : `${draft.length}/${maxChars}`;
  return [hint, count].filter(Boolean).join("  ");
}
