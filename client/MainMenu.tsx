import { For, onCleanup, onMount, Show, type JSX } from "solid-js";
import { render } from "solid-js/web";
import { applyTheme, shell, themeKey } from "./theme.ts";

type ThemeChoice = "system" | "light" | "dark";
const CHOICE_LABELS: Record<ThemeChoice, string> = { system: "Use system setting", light: "Light", dark: "Dark" };

let closeMenu: (() => void) | undefined;

/** Opens the app menu under its "⋮" button (AppHeader.tsx), or closes it when open. */
export function openMainMenu(button: HTMLElement): void {
  if (closeMenu) return closeMenu();
  button.setAttribute("aria-expanded", "true");
  const close = mount(button, () => <MenuList onClose={() => closeMenu?.()} />);
  closeMenu = () => {
    closeMenu = undefined;
    close();
    button.setAttribute("aria-expanded", "false");
  };
}

/** Renders into a new element after `anchor`; returns what removes it. */
function mount(anchor: Element, view: () => JSX.Element, where: "after" | "append" = "after"): () => void {
  const host = document.createElement("div");
  if (where === "after") anchor.after(host);
  else anchor.append(host);
  const unmount = render(view, host);
  return () => {
    unmount();
    host.remove();
  };
}

/** Closes on Escape, and on a pointer outside `inside`. */
function useDismiss(onClose: () => void, inside: string): void {
  onMount(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    const onPointer = (event: PointerEvent) => !(event.target as Element | null)?.closest?.(inside) && onClose();
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    onCleanup(() => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    });
  });
}

/** The "⋮" menu's items, as Streamlit has them (the viewer's part of it). */
function MenuList(props: { onClose: () => void }): JSX.Element {
  useDismiss(props.onClose, "#MainMenu");
  const item = (label: string, act: () => void) => (
    <li role="none">
      <button type="button" role="menuitem" data-testid="stMainMenuItem" onClick={act}>
        {label}
      </button>
    </li>
  );
  return (
    <ul class="main-menu-list" role="menu" data-testid="stMainMenuList">
      {item("Settings", () => {
        props.onClose();
        const close = mount(document.body, () => <Settings onClose={() => close()} />, "append");
      })}
      {item("Print", () => {
        props.onClose();
        setTimeout(() => window.print());
      })}
    </ul>
  );
}

/** Streamlit's Settings dialog: the theme choice, when the app has a light and a dark theme; kept per app. */
function Settings(props: { onClose: () => void }): JSX.Element {
  useDismiss(props.onClose, ".dialog");
  const modes = shell.theme?.modes;
  const choices: ThemeChoice[] = modes?.light && modes.dark ? ["system", "light", "dark"] : [];
  let current: string = shell.theme?.initial ?? "system";
  try {
    current = localStorage.getItem(themeKey()) ?? current;
  } catch {
    // Storage may be off: the choice then lasts for this page only.
  }
  const choose = (choice: string) => {
    try {
      localStorage.setItem(themeKey(), choice);
    } catch {
      // See above.
    }
    // The shell's first-paint colours (edge/pages.ts) follow the choice stored at load; from now on the client's alone apply.
    document.getElementById("edgelit-first-paint")?.remove();
    applyTheme();
  };
  return (
    <div class="dialog-backdrop">
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="st-settings-title" data-testid="stDialog">
        <div class="dialog-header">
          <h2 id="st-settings-title">Settings</h2>
          <button type="button" class="dialog-close" aria-label="Close" onClick={() => props.onClose()}>
            ×
          </button>
        </div>
        <Show when={choices.length > 0} fallback={<p>This app has a single theme.</p>}>
          <label class="widget-label" for="st-theme-choice">
            Choose app theme, colors and fonts
          </label>
          <div class="input-box">
            <select id="st-theme-choice" data-testid="stSettingsThemeSelect" value={current} onChange={(event) => choose(event.currentTarget.value)}>
              <For each={choices}>{(choice) => <option value={choice}>{CHOICE_LABELS[choice]}</option>}</For>
            </select>
          </div>
        </Show>
      </div>
    </div>
  );
}
