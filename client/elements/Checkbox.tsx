import type { JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import { hiddenLabel, sendWidgetValue } from "../widget.ts";
import { HelpIcon, MarkdownHtml } from "./parts.tsx";

/** `st.checkbox` and `st.toggle` (Streamlit tests find both as stCheckbox). */
export function Checkbox(props: LeafElementProps<"checkbox" | "toggle">): JSX.Element {
  const isToggle = () => props.node.kind === "toggle";
  return (
    <div class="stCheckbox" data-testid="stCheckbox" classList={{ toggle: isToggle() }}>
      <label class="checkbox-label" classList={{ disabled: props.node.props.disabled }}>
        <input
          type="checkbox"
          role={isToggle() ? "switch" : undefined}
          checked={props.node.props.value}
          disabled={props.node.props.disabled}
          aria-label={hiddenLabel(props.node.props)}
          onChange={(event) => sendWidgetValue(props, event.currentTarget.checked)}
        />
        <span
          class="widget-label"
          data-testid="stWidgetLabel"
          data-visibility={props.node.props.label_visibility ?? "visible"}
        >
          <MarkdownHtml body={props.node.props.label} inline />
        </span>
      </label>
      <HelpIcon help={props.node.props.help} />
    </div>
  );
}
