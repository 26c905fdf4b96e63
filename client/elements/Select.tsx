import { createUniqueId, For, Index, Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import { hiddenLabel, sendWidgetValue } from "../widget.ts";
import { MarkdownHtml, WidgetLabel } from "./parts.tsx";

const CHOOSE = "Choose an option";

/** `st.selectbox`: sends the chosen option's index. */
export function Selectbox(props: LeafElementProps<"selectbox">): JSX.Element {
  const selectId = createUniqueId();
  const p = () => props.node.props;
  return (
    <div class="stSelectbox" data-testid="stSelectbox">
      <WidgetLabel label={p().label} for={selectId} help={p().help} visibility={p().label_visibility} />
      <div class="input-box select-box">
        <select
          id={selectId}
          disabled={p().disabled}
          aria-label={hiddenLabel(p())}
          onChange={(event) => sendWidgetValue(props, Number(event.currentTarget.value))}
        >
          <Show when={p().index === null}>
            <option value="" disabled selected>
              {p().placeholder || CHOOSE}
            </option>
          </Show>
          {/* `selected` per option rather than select.value: options render after the select. */}
          <Index each={p().options}>
            {(option, i) => (
              <option value={i} selected={p().index === i}>
                {option()}
              </option>
            )}
          </Index>
        </select>
      </div>
    </div>
  );
}

/** `st.radio`: sends the chosen option's index. */
export function Radio(props: LeafElementProps<"radio">): JSX.Element {
  const groupName = createUniqueId();
  const p = () => props.node.props;
  return (
    <div class="stRadio" data-testid="stRadio">
      <WidgetLabel label={p().label} help={p().help} visibility={p().label_visibility} />
      <div
        class="radio-group"
        classList={{ horizontal: p().horizontal }}
        role="radiogroup"
        aria-label={p().label}
      >
        <Index each={p().options}>
          {(option, i) => (
            <label class="radio-option" classList={{ disabled: p().disabled }}>
              <input
                type="radio"
                name={groupName}
                value={i}
                checked={p().index === i}
                disabled={p().disabled}
                onChange={() => sendWidgetValue(props, i)}
              />
              <span class="radio-option-text">
                <MarkdownHtml body={option()} inline />
                <Show when={p().captions?.[i]}>
                  {(caption) => <MarkdownHtml class="stCaption radio-caption" testid="stCaptionContainer" body={caption()} inline />}
                </Show>
              </span>
            </label>
          )}
        </Index>
      </div>
    </div>
  );
}

/** `st.multiselect`: chips for the chosen options, a select to add one; sends the indexes. */
export function MultiSelect(props: LeafElementProps<"multiselect">): JSX.Element {
  const selectId = createUniqueId();
  const p = () => props.node.props;
  const atMax = () => p().max_selections !== undefined && p().indexes.length >= p().max_selections!;
  const unchosen = () => p().options.map((_, i) => i).filter((i) => !p().indexes.includes(i));
  const add = (index: number) => sendWidgetValue(props, [...p().indexes, index]);
  const remove = (index: number) => sendWidgetValue(props, p().indexes.filter((i) => i !== index));
  return (
    <div class="stMultiSelect" data-testid="stMultiSelect">
      <WidgetLabel label={p().label} for={selectId} help={p().help} visibility={p().label_visibility} />
      <div class="input-box multiselect-box" classList={{ disabled: p().disabled }}>
        <For each={[...p().indexes]}>
          {(index) => (
            <span class="chip" data-testid="stMultiSelectTag">
              <span class="chip-label">{p().options[index]}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${p().options[index]}`}
                disabled={p().disabled}
                onClick={() => remove(index)}
              >
                ×
              </button>
            </span>
          )}
        </For>
        <select
          id={selectId}
          disabled={p().disabled || atMax() || unchosen().length === 0}
          aria-label={hiddenLabel(p())}
          onChange={(event) => {
            const value = event.currentTarget.value;
            event.currentTarget.value = "";
            if (value !== "") add(Number(value));
          }}
        >
          <option value="" selected>
            {atMax()
              ? `You can only select up to ${p().max_selections} option${p().max_selections === 1 ? "" : "s"}. Remove an option first.`
              : p().placeholder || CHOOSE}
          </option>
          <For each={unchosen()}>{(i) => <option value={i}>{p().options[i]}</option>}</For>
        </select>
      </div>
    </div>
  );
}
