import { Index, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import { sendWidgetValue } from "../widget.ts";
import { MarkdownHtml, WidgetLabel } from "./parts.tsx";

/**
 * `st.pills` and `st.segmented_control`: a row of option buttons. A click toggles its
 * option: in "single" mode it replaces the selection (or clears it when already chosen).
 * Sends the selected option indexes. As in Streamlit, a single-select group is a radio
 * group (its options checked or not), a multi-select one a group of toggle buttons (pressed).
 */
export function ButtonGroup(props: LeafElementProps<"pills" | "segmented_control">): JSX.Element {
  const p = () => props.node.props;
  const single = () => p().selection_mode === "single";
  const selected = (index: number) => p().indexes.includes(index);
  const toggle = (index: number) => {
    const chosen = selected(index);
    if (single()) return sendWidgetValue(props, chosen ? [] : [index]);
    sendWidgetValue(props, chosen ? p().indexes.filter((i) => i !== index) : [...p().indexes, index]);
  };
  return (
    <div class="stButtonGroup" data-testid="stButtonGroup">
      <WidgetLabel label={p().label} help={p().help} visibility={p().label_visibility} />
      <div class={`button-group button-group-${props.node.kind}`} role={single() ? "radiogroup" : "group"} aria-label={p().label}>
        <Index each={p().options}>
          {(option, index) => (
            <button
              type="button"
              class="button-group-option"
              classList={{ active: selected(index) }}
              data-testid={`stBaseButton-${props.node.kind}${selected(index) ? "Active" : ""}`}
              role={single() ? "radio" : undefined}
              aria-checked={single() ? selected(index) : undefined}
              aria-pressed={single() ? undefined : selected(index)}
              disabled={p().disabled}
              onClick={() => toggle(index)}
            >
              <MarkdownHtml body={option()} inline />
            </button>
          )}
        </Index>
      </div>
    </div>
  );
}
