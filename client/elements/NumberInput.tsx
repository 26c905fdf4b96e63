import { createSignal, createUniqueId, type JSX } from "solid-js";
import { decimalsOf, formatNumber } from "../format.ts";
import { formIdOf } from "../forms.ts";
import type { LeafElementProps } from "../types.ts";
import { createLocalEdit, hiddenLabel, sendWidgetValue, typingHandlers } from "../widget.ts";
import { InputInstructions, WidgetLabel } from "./parts.tsx";
import { enterHint } from "./TextInput.tsx";

/**
 * `st.number_input`: applies on Enter or blur, and at once from the step buttons. A
 * `clearable` one (created with `value: null`) may be emptied, which sends null. Inside a
 * form, Enter also submits the form.
 */
export function NumberInput(props: LeafElementProps<"number_input">): JSX.Element {
  const inputId = createUniqueId();
  const p = () => props.node.props;
  /** Clamps to [min, max], rounds ints and float noise from stepping (0.1 + 0.2). */
  const normalize = (value: number): number => {
    const { min, max, int, step } = p();
    let result = Math.min(max ?? Infinity, Math.max(min ?? -Infinity, value));
    result = int ? Math.round(result) : Number(result.toFixed(Math.max(decimalsOf(step), 8)));
    return result;
  };
  const shown = (value: number | null): string => {
    if (value === null) return "";
    const formatted = formatNumber(value, p().format, p().int);
    // Only a plain number fits in <input type=number>; "%d%%" and the like show unformatted.
    return /^[+-]?\d*\.?\d+(e[+-]?\d+)?$/i.test(formatted.trim()) ? formatted.trim() : String(value);
  };
  const edit = createLocalEdit(
    () => shown(p().value),
    (text) => sendWidgetValue(props, text === "" ? null : Number(text)),
  );
  const [focused, setFocused] = createSignal(false);
  const hint = () => enterHint(formIdOf(props.node), edit.dirty(), "Enter");
  const apply = () => {
    const text = edit.draft().trim();
    const value = Number(text);
    if (text === "" && p().clearable) {
      edit.setDraft("");
      edit.commit();
      return;
    }
    if (text === "" || !Number.isFinite(value)) return edit.reset();
    edit.setDraft(shown(normalize(value)));
    edit.commit();
  };
  const current = () => {
    const value = Number(edit.draft());
    return edit.draft().trim() !== "" && Number.isFinite(value) ? value : p().value;
  };
  const stepBy = (direction: 1 | -1) => {
    const start = current() ?? p().min ?? 0;
    edit.setDraft(shown(normalize(start + direction * p().step)));
    edit.commit();
  };
  const atMin = () => p().min !== undefined && (current() ?? -Infinity) <= p().min!;
  const atMax = () => p().max !== undefined && (current() ?? Infinity) >= p().max!;

  const typing = typingHandlers(props, edit, setFocused, apply, (event) => event.key === "Enter", false);
  return (
    <div class="stNumberInput" data-testid="stNumberInput">
      <WidgetLabel label={p().label} for={inputId} help={p().help} visibility={p().label_visibility} />
      <div class="input-box number-input" data-testid="stNumberInputContainer">
        <input
          id={inputId}
          type="number"
          data-testid="stNumberInputField"
          value={edit.draft()}
          min={p().min}
          max={p().max}
          step={p().step}
          placeholder={p().placeholder}
          disabled={p().disabled}
          aria-label={hiddenLabel(p())}
          onInput={typing.onInput}
          onKeyDown={typing.onKeyDown}
          onFocus={typing.onFocus}
          onBlur={typing.onBlur}
        />
        <button
          type="button"
          class="step-button"
          data-testid="stNumberInputStepDown"
          aria-label="Decrement"
          disabled={p().disabled || atMin()}
          onClick={() => stepBy(-1)}
        >
          −
        </button>
        <button
          type="button"
          class="step-button"
          data-testid="stNumberInputStepUp"
          aria-label="Increment"
          disabled={p().disabled || atMax()}
          onClick={() => stepBy(1)}
        >
          +
        </button>
      </div>
      <InputInstructions show={focused() && hint() !== ""} text={hint()} />
    </div>
  );
}
