import { createEffect, createSignal, onCleanup, onMount, type JSX } from "solid-js";
import type { RowsAnswer } from "../sessions/protocol.ts";
import { AppFrame } from "./AppFrame.tsx";
import { createPages, type Pages } from "./pages.ts";
import { attachForms, formsSawFrame } from "./forms.ts";
import { registry } from "./registry.ts";
import { createConnection, leaveForSignIn, type PaintedSession } from "./socket.ts";
import { renderersLoaded } from "./take_over.ts";
import { createTreeStore } from "./store.ts";
import { createToasts } from "./Toasts.tsx";
import { TreeContext } from "./tree.tsx";
import type { Send } from "./types.ts";

/**
 * The whole page of one app session: header, sidebar, main area and notices. `painted`: the
 * session the server's first paint showed; `onDrawn` hears once, when the first snapshot and
 * its renderers are drawn (the client then takes the server's page over, take_over.ts).
 */
export function App(props: { slug: string; painted?: PaintedSession; onDrawn?: () => void }): JSX.Element {
  const toasts = createToasts();
  // One notice for a burst of refusals of the same kind (a flood of frames met the rate limit).
  const noticed = new Map<string, number>();
  const store = createTreeStore((frame) => {
    console.warn(`edgelit: the session refused a frame (${frame.code}): ${frame.message}`);
    const now = Date.now();
    if (now - (noticed.get(frame.code) ?? -Infinity) < NOTICE_GAP_MS) return;
    noticed.set(frame.code, now);
    toasts.push(frame.message);
  });
  attachForms(store);
  let pages: Pages | undefined;
  let rowsListener: ((answer: RowsAnswer) => void) | undefined;
  const connection = createConnection(props.slug, props.painted, (frames) => {
    for (const frame of frames) {
      // One malformed frame must not stop the rest of the message from applying.
      try {
        if (frame.t === "page") {
          pages?.apply(frame.page);
          continue;
        }
        if (frame.t === "rows") {
          rowsListener?.(frame);
          continue;
        }
        if (frame.t === "auth_redirect") {
          leaveForSignIn(props.slug, frame.url, connection);
          return;
        }
        store.apply(frame);
        formsSawFrame(frame);
      } catch (error) {
        console.warn("edgelit: could not apply a frame", frame, error);
      }
    }
  });
  onCleanup(() => connection.close());
  pages = createPages(document.title, connection.send, (message) => toasts.push(message));
  useRerunShortcut(connection.send);
  // Until it takes the server's page over, this page is out of sight and says so ("initial").
  const [hidden, setHidden] = createSignal(props.onDrawn !== undefined);
  if (props.onDrawn) {
    const drawn = props.onDrawn;
    let told = false;
    createEffect(() => {
      if (!store.state.synced || told) return;
      told = true;
      void renderersLoaded(store.state.roots, registry).then(() => {
        drawn();
        setHidden(false);
      });
    });
  }
  return (
    <TreeContext.Provider value={{ store, send: connection.send, sessionId: connection.sessionId, connected: () => connection.status() === "connected", registry, toasts, pages, listenRows: (listener) => (rowsListener = listener) }}>
      <AppFrame status={connection.status()} onStop={() => connection.send({ t: "stop" })} firstPaint={hidden()} />
    </TreeContext.Provider>
  );
}

/** Refusals of one kind closer together than this show one notice. */
const NOTICE_GAP_MS = 5000;

/** Streamlit's "R" key: rerun, unless the user is typing somewhere. */
function useRerunShortcut(send: Send): void {
  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "r" && event.key !== "R") return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable]")) return;
      send({ t: "rerun" });
    };
    document.addEventListener("keydown", onKey);
    onCleanup(() => document.removeEventListener("keydown", onKey));
  });
}
