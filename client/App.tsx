import { onCleanup, onMount, Show, type JSX } from "solid-js";
import { ROOT_MAIN, ROOT_SIDEBAR, type RowsAnswer } from "../sessions/protocol.ts";
import { AppHeader } from "./AppHeader.tsx";
import { Navigation } from "./Navigation.tsx";
import { createPages, type Pages } from "./pages.ts";
import { attachForms, formsSawFrame } from "./forms.ts";
import { registry } from "./registry.ts";
import { createConnection, leaveForSignIn, type ConnectionStatus } from "./socket.ts";
import { createTreeStore } from "./store.ts";
import { createToasts, Toasts } from "./Toasts.tsx";
import { RenderNode, TreeContext } from "./tree.tsx";
import type { Send } from "./types.ts";

/** The whole page of one app session: header, sidebar, main area and notices. */
export function App(props: { slug: string }): JSX.Element {
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
  const connection = createConnection(props.slug, (frames) => {
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
  const navigation = () => {
    const nav = pages!.state()?.navigation;
    return nav && nav.position !== "hidden" && nav.pages.filter((p) => !p.hidden).length > 1 ? nav : null;
  };
  useRerunShortcut(connection.send);

  // Streamlit's own e2e helpers wait on these attributes of stApp.
  const scriptState = () =>
    !store.state.synced ? "initial" : store.state.running ? "running" : "notRunning";
  // The store always holds both roots.
  const main = () => store.state.roots[ROOT_MAIN]!;
  const sidebar = () => store.state.roots[ROOT_SIDEBAR]!;
  return (
    <TreeContext.Provider value={{ store, send: connection.send, sessionId: connection.sessionId, connected: () => connection.status() === "connected", registry, toasts, pages, listenRows: (listener) => (rowsListener = listener) }}>
      <div
        class="stApp"
        data-testid="stApp"
        data-test-script-state={scriptState()}
        data-test-connection-state={CONNECTION_STATES[connection.status()]}
      >
        <AppHeader
          status={connection.status()}
          running={store.state.running}
          onStop={() => connection.send({ t: "stop" })}
        />
        <div class="app-view" data-testid="stAppViewContainer">
          <Show when={sidebar().children.length > 0 || navigation()}>
            <section class="sidebar" data-testid="stSidebar">
              <div class="sidebar-content" data-testid="stSidebarContent">
                <Show when={navigation()}>
                  {(nav) => <Navigation navigation={nav()} current={pages!.state()?.url_path ?? ""} pages={pages!} />}
                </Show>
                <RenderNode node={sidebar()} path={[ROOT_SIDEBAR]} />
              </div>
            </section>
          </Show>
          <section class="main" data-testid="stMain">
            <div
              class="block-container"
              classList={{ wide: pages!.state()?.config.layout === "wide" }}
              data-testid="stMainBlockContainer"
            >
              <RenderNode node={main()} path={[ROOT_MAIN]} />
            </div>
          </section>
        </div>
        <Toasts list={toasts} />
      </div>
    </TreeContext.Provider>
  );
}

/** Refusals of one kind closer together than this show one notice. */
const NOTICE_GAP_MS = 5000;

const CONNECTION_STATES: Record<ConnectionStatus, string> = {
  connecting: "CONNECTING",
  connected: "CONNECTED",
  reconnecting: "PINGING_SERVER",
};

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
