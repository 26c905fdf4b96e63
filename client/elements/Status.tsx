import { createEffect, createSignal, on, Show, untrack, type JSX } from "solid-js";
import type { BlockElementProps, LeafElementProps } from "../types.ts";
import { ExpanderContent } from "./Layout.tsx";
import { MarkdownHtml } from "./parts.tsx";

/**
 * `st.status`: an expander whose header shows the state (a spinner while running, a check,
 * an error sign). When the session changes `expanded` the container follows it; the user's
 * clicks win in between.
 */
export function Status(props: BlockElementProps<"status">): JSX.Element {
  const [open, setOpen] = createSignal(untrack(() => props.node.props.expanded));
  createEffect(on(() => props.node.props.expanded, (expanded) => setOpen(expanded), { defer: true }));
  return (
    <details
      class="expander status-container"
      data-testid="stExpander"
      data-state={props.node.props.state}
      open={open()}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <ExpanderContent node={props.node} path={props.path} label={props.node.props.label}>
        <StatusIcon state={props.node.props.state} />
      </ExpanderContent>
    </details>
  );
}

// Material icons "check" and "error_outline", as Streamlit shows them.
const CHECK_PATH = "M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z";
const ERROR_PATH =
  "M11 15h2v2h-2zm0-8h2v6h-2zm.99-5C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2zM12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8z";

function StatusIcon(props: { state: "running" | "complete" | "error" }): JSX.Element {
  return (
    <Show
      when={props.state !== "running"}
      fallback={<span class="spinner status-icon" data-testid="stExpanderIconSpinner" role="img" aria-label="Running" />}
    >
      <svg
        class="status-icon"
        classList={{ "status-icon-error": props.state === "error" }}
        data-testid={props.state === "error" ? "stExpanderIconError" : "stExpanderIconCheck"}
        viewBox="0 0 24 24"
        aria-hidden="true"
      >
        <path fill="currentColor" d={props.state === "error" ? ERROR_PATH : CHECK_PATH} />
      </svg>
    </Show>
  );
}

/** `st.progress`: a bar filled to `value` percent, its text above it. */
export function Progress(props: LeafElementProps<"progress">): JSX.Element {
  const percent = () => Math.min(100, Math.max(0, Number(props.node.props.value) || 0));
  return (
    <div class="stProgress" data-testid="stProgress">
      <Show when={props.node.props.text}>
        {(text) => (
          <div class="progress-text">
            <MarkdownHtml body={text()} inline />
          </div>
        )}
      </Show>
      <div
        class="progress-track"
        role="progressbar"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow={percent()}
        aria-label={props.node.props.text || undefined}
      >
        <div class="progress-bar" style={{ width: `${percent()}%` }} />
      </div>
    </div>
  );
}

