import { createSignal, For, type Accessor, type JSX } from "solid-js";

export interface Toast {
  id: number;
  message: string;
}

export interface ToastList {
  toasts: Accessor<Toast[]>;
  push(message: string): void;
  dismiss(id: number): void;
}

const TOAST_LIFETIME_MS = 8000;

export function createToasts(): ToastList {
  const [toasts, setToasts] = createSignal<Toast[]>([]);
  let nextId = 1;
  const dismiss = (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id));
  return {
    toasts,
    dismiss,
    push(message) {
      const id = nextId++;
      setToasts((list) => [...list.slice(-4), { id, message }]);
      setTimeout(() => dismiss(id), TOAST_LIFETIME_MS);
    },
  };
}

/** Small dismissable notices, e.g. a frame the session refused. */
export function Toasts(props: { list: ToastList }): JSX.Element {
  return (
    <div class="toasts" aria-live="polite">
      <For each={props.list.toasts()}>
        {(toast) => (
          <div class="toast" data-testid="stToast" role="status">
            <span class="toast-message">{toast.message}</span>
            <button
              type="button"
              class="toast-close"
              aria-label="Dismiss"
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
