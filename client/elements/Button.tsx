import { Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import { sendWidgetValue } from "../widget.ts";
import { HelpIcon, MarkdownHtml } from "./parts.tsx";

/** `st.button`: a click sends `true`; the session resets it after the run. */
export function Button(props: LeafElementProps<"button">): JSX.Element {
  return (
    <div class="stButton" data-testid="stButton" classList={{ "full-width": props.node.props.use_container_width }}>
      <button
        type="button"
        class={`button button-${props.node.props.type}`}
        data-testid={`stBaseButton-${props.node.props.type}`}
        disabled={props.node.props.disabled}
        onClick={() => sendWidgetValue(props, true)}
      >
        <Show when={props.node.props.icon}>{(icon) => <span class="button-icon">{icon()}</span>}</Show>
        <MarkdownHtml body={props.node.props.label} inline />
      </button>
      <HelpIcon help={props.node.props.help} />
    </div>
  );
}
