import { Show, type JSX } from "solid-js";
import { ROOT_MAIN, ROOT_SIDEBAR } from "../sessions/protocol.ts";
import { AppHeader } from "./AppHeader.tsx";
import { Navigation } from "./Navigation.tsx";
import type { Pages } from "./pages.ts";
import type { ConnectionStatus } from "./socket.ts";
import { Toasts } from "./Toasts.tsx";
import { RenderNode, useTree } from "./tree.tsx";

/**
 * The page of one app session as the viewer sees it: header, sidebar with its navigation, main
 * area and notices. The browser's App and the server's first paint (first_paint.tsx) both render
 * it, so the page the server sends is the page the client then shows.
 */
export function AppFrame(props: { status: ConnectionStatus; onStop(): void; firstPaint?: boolean }): JSX.Element {
  const { store, toasts, pages } = useTree();
  const page = () => pages.state();
  const navigation = () => {
    const nav = page()?.navigation;
    return nav && nav.position !== "hidden" && nav.pages.filter((p) => !p.hidden).length > 1 ? nav : null;
  };
  // Streamlit's own e2e helpers wait on these attributes of stApp: the server's first paint, and
  // the client's page until it takes that over, are "initial", as the client's is until its first snapshot.
  const scriptState = () => (props.firstPaint || !store.state.synced ? "initial" : store.state.running ? "running" : "notRunning");
  // The store always holds both roots.
  const main = () => store.state.roots[ROOT_MAIN]!;
  const sidebar = () => store.state.roots[ROOT_SIDEBAR]!;
  return (
    <div class="stApp" data-testid="stApp" data-test-script-state={scriptState()} data-test-connection-state={CONNECTION_STATES[props.status]}>
      <AppHeader status={props.status} running={store.state.running} onStop={props.onStop} />
      <div class="app-view" data-testid="stAppViewContainer">
        <Show when={sidebar().children.length > 0 || navigation()}>
          <section class="sidebar" data-testid="stSidebar">
            <div class="sidebar-content" data-testid="stSidebarContent">
              <Show when={navigation()}>
                {(nav) => <Navigation navigation={nav()} current={page()?.url_path ?? ""} pages={pages} />}
              </Show>
              <RenderNode node={sidebar()} path={[ROOT_SIDEBAR]} />
            </div>
          </section>
        </Show>
        <section class="main" data-testid="stMain">
          <div class="block-container" classList={{ wide: page()?.config.layout === "wide" }} data-testid="stMainBlockContainer">
            <RenderNode node={main()} path={[ROOT_MAIN]} />
          </div>
        </section>
      </div>
      <Toasts list={toasts} />
    </div>
  );
}

const CONNECTION_STATES: Record<ConnectionStatus, string> = {
  connecting: "CONNECTING",
  connected: "CONNECTED",
  reconnecting: "PINGING_SERVER",
};
