import { createEffect, untrack, type JSX } from "solid-js";
import { useTree } from "../tree.tsx";
import type { LeafElementProps } from "../types.ts";
import { MarkdownHtml } from "./parts.tsx";

/** How long an `st.toast` shows (Streamlit's default duration, "short"). */
const TOAST_LIFETIME_MS = 4000;

/** `st.spinner`: a turning circle next to its text, while the block it wraps runs. */
export function Spinner(props: LeafElementProps<"spinner">): JSX.Element {
  return (
    <div class="stSpinner" data-testid="stSpinner">
      <div class="spinner-container">
        <span class="spinner st-spinner-icon" role="img" aria-label="Running" />
        <MarkdownHtml body={props.node.props.text} />
      </div>
    </div>
  );
}

/**
 * `st.toast`: shows in the page's corner for a few seconds; its place in the page holds
 * nothing. The same element changed in place changes its text and starts its time again.
 */
export function Toast(props: LeafElementProps<"toast">): JSX.Element {
  const { toasts } = useTree();
  let id: number | undefined;
  createEffect(() => {
    const toast = { message: props.node.props.body, icon: props.node.props.icon, markdown: true, lifetime: TOAST_LIFETIME_MS };
    untrack(() => {
      if (id === undefined) id = toasts.push(toast);
      else toasts.update(id, toast);
    });
  });
  // No cleanup: the toast outlives its element and leaves when its time is up.
  return null;
}
