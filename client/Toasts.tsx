import { createSignal, For, Show, type Accessor, type JSX } from "solid-js";
import { MarkdownHtml } from "./elements/parts.tsx";

export interface ToastContent {
  message: string;
  icon?: string;
  /** Render `message` as markdown (an `st.toast`) rather than as plain text (a notice). */
  markdown?: boolean;
  /** How long it shows, in milliseconds. */
  lifetime?: number;
}

export interface Toast extends ToastContent {
  id: number;
}

export interface ToastList {
  toasts: Accessor<Toast[]>;
  /** Shows a toast (a plain message, or the full content); returns its id. */
  push(content: string | ToastContent): number;
  /** Changes a toast and starts its time again; shows it again if it had gone. */
  update(id: number, content: ToastContent): void;
  dismiss(id: number): void;
}

const TOAST_LIFETIME_MS = 8000;
const MAX_TOASTS = 5;

export function createToasts(): ToastList {
  const [toasts, setToasts] = createSignal<Toast[]>([]);
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let nextId = 1;
  const dismiss = (id: number) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    setToasts((list) => list.filter((toast) => toast.id !== id));
  };
  const startTimer = (toast: Toast) => {
    clearTimeout(timers.get(toast.id));
    timers.set(toast.id, setTimeout(() => dismiss(toast.id), toast.lifetime ?? TOAST_LIFETIME_MS));
  };
  const show = (toast: Toast) => {
    setToasts((list) => {
      const dropped = list.slice(0, Math.max(0, list.length - (MAX_TOASTS - 1)));
      dropped.forEach((old) => (clearTimeout(timers.get(old.id)), timers.delete(old.id)));
      return [...list.slice(dropped.length), toast];
    });
    startTimer(toast);
  };
  return {
    toasts,
    dismiss,
    push(content) {
      const toast = { ...(typeof content === "string" ? { message: content } : content), id: nextId++ };
      show(toast);
      return toast.id;
    },
    update(id, content) {
      const toast = { ...content, id };
      if (!toasts().some((t) => t.id === id)) return show(toast);
      setToasts((list) => list.map((t) => (t.id === id ? toast : t)));
      startTimer(toast);
    },
  };
}

/** The toasts in the page's bottom-right corner: `st.toast`, and notices such as a refused frame. */
export function Toasts(props: { list: ToastList }): JSX.Element {
  return (
    <div class="toasts" data-testid="stToastContainer" aria-live="polite">
      <For each={props.list.toasts()}>
        {(toast) => (
          <div class="toast" data-testid="stToast" role="status">
            <Show when={toast.icon}>
              {(icon) => (
                <span class="toast-icon" data-testid="stToastDynamicIcon">
                  {icon()}
                </span>
              )}
            </Show>
            <div class="toast-message" data-testid="stToastText">
              <Show when={toast.markdown} fallback={toast.message}>
                <MarkdownHtml body={toast.message} />
              </Show>
            </div>
            <button
              type="button"
              class="toast-close"
              aria-label="Close"
              data-testid="stToastDismiss"
              onClick={() => props.list.dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
