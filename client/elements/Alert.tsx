import { Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import { MarkdownHtml } from "./parts.tsx";

const CONTENT_TESTIDS = {
  success: "stAlertContentSuccess",
  info: "stAlertContentInfo",
  warning: "stAlertContentWarning",
  error: "stAlertContentError",
} as const;

/** `st.success`, `st.info`, `st.warning` and `st.error`. */
export function Alert(props: LeafElementProps<"success" | "info" | "warning" | "error">): JSX.Element {
  return (
    <div class="stAlert" data-testid="stAlert">
      <div
        class={`alert alert-${props.node.kind}`}
        data-testid="stAlertContainer"
        data-kind={props.node.kind}
        role="alert"
      >
        <div class="alert-content" data-testid={CONTENT_TESTIDS[props.node.kind]}>
          <Show when={props.node.props.icon}>
            {(icon) => (
              <span class="alert-icon" data-testid="stAlertDynamicIcon">
                {icon()}
              </span>
            )}
          </Show>
          <MarkdownHtml body={props.node.props.body} />
        </div>
      </div>
    </div>
  );
}
