import { Show, type JSX } from "solid-js";
import { renderMarkdown } from "../markdown.ts";
import type { LeafElementProps } from "../types.ts";

/** An uncaught error of the script (or `st.exception`): "<type>: <message>" and its stack. */
export function Exception(props: LeafElementProps<"exception">): JSX.Element {
  return (
    <div class="stException" data-testid="stException" role="alert">
      <div class="alert" classList={{ "alert-error": !props.node.props.is_warning, "alert-warning": props.node.props.is_warning }}>
        <div class="exception-message" data-testid="stExceptionMessage">
          {/* "<type>: " (the colon from CSS): with client.showErrorDetails = "none" there is no type. */}
          <strong class="exception-type">{props.node.props.type}</strong>
          <Show when={props.node.props.message_is_markdown} fallback={props.node.props.message}>
            <span class="exception-markdown" innerHTML={renderMarkdown(props.node.props.message, { inline: true })} />
          </Show>
        </div>
        <Show when={props.node.props.stack.length > 0}>
          <div class="exception-traceback" data-testid="stExceptionTraceback">
            <div class="exception-traceback-title">Traceback:</div>
            <pre>
              <code>{props.node.props.stack.join("\n")}</code>
            </pre>
          </div>
        </Show>
      </div>
    </div>
  );
}
