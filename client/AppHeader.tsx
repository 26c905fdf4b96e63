import { Match, Show, Switch, type JSX } from "solid-js";
import type { ConnectionStatus } from "./socket.ts";
import { shell } from "./theme.ts";
import "./MainMenu.css";

/** The top bar: connection state when not connected, and the running indicator with Stop. */
export function AppHeader(props: { status: ConnectionStatus; running: boolean; onStop: () => void }): JSX.Element {
  return (
    <header class="app-header" data-testid="stHeader">
      <div class="header-status">
        <Switch>
          <Match when={props.status === "connecting"}>
            <span class="connection-status" data-testid="stConnectionStatus">
              Connecting…
            </span>
          </Match>
          <Match when={props.status === "reconnecting"}>
            <span class="connection-status" data-testid="stConnectionStatus">
              Reconnecting…
            </span>
          </Match>
        </Switch>
        <Show when={props.running}>
          <div class="status-widget" data-testid="stStatusWidget">
            <span class="spinner" aria-hidden="true" />
            <span>Running...</span>
            <button type="button" class="status-stop" data-testid="stStatusWidgetStopButton" onClick={() => props.onStop()}>
              Stop
            </button>
          </div>
        </Show>
        {/* Streamlit's "⋮" app menu (none with client.toolbarMode = "minimal"); its list and Settings
            dialog (MainMenu.tsx) arrive with the other on-demand parts, on the first click. */}
        <span id="MainMenu" class="main-menu" data-testid="stMainMenu" hidden={shell.toolbarMode === "minimal"}>
          <button type="button" aria-label="Main menu" aria-haspopup="menu" onClick={openMainMenu}>
            ⋮
          </button>
        </span>
      </div>
    </header>
  );
}

function openMainMenu(event: MouseEvent): void {
  const button = event.currentTarget as HTMLElement;
  void import("./elements/on_demand.ts").then((m) => m.openMainMenu(button));
}
