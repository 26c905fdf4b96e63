import { Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";

/** An uncaught error of the script (or `st.exception`): "<type>: <message>" and its stack. */
export function Exception(props: LeafElementProps<"exception">): JSX.Element {
  return (
    <div class="stException" data-testid="stException" role="alert">
      <div class="alert" classList={{ "alert-error": !props.node.props.is_warning, "alert-warning": props.node.props.is_warning }}>
        <div class="exception-message" data-testid="stExceptionMessage">
          <strong>{props.node.props.type}</strong>: {props.node.props.message}
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
