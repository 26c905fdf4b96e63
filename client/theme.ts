/**
 * The app's theme as the edge resolved it from config.toml (sessions/config/theme.ts): sets the
 * chosen theme's --st-* variables on <html> (the sidebar's as --st-sidebar-*, see themeVars.css);
 * the shell itself declares [[theme.fontFaces]]. The viewer's light/dark/system choice is kept
 * per app in localStorage by the Settings dialog (MainMenu.tsx). First-load code: kept minimal.
 */
import type { ShellAppearance, ThemeMode } from "../sessions/config/theme.ts";

export type ShellConfig = Partial<ShellAppearance> & { slug?: string };

/** The shell's config, as main.tsx read it. */
export let shell: ShellConfig = {};
/** The theme shown, for `st.context.theme.type`; `onThemeType` hears when it changes (socket.ts sends it on). */
export let themeType: ThemeMode = "light";
export const themeWatch: { onThemeType?: (type: ThemeMode) => void } = {};
// No matchMedia where the server renders the first paint (client/first_paint.tsx).
const prefersDark = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;

/** Applies the shell's theme; call before the first render. */
export function initTheme(config: ShellConfig): void {
  shell = config;
  applyTheme();
  if (prefersDark) prefersDark.onchange = applyTheme;
}

/** Where the viewer's choice ("light", "dark" or "system") is kept. */
export function themeKey(): string {
  return `edgelit-theme:${shell.slug}`;
}

/** Sets the variables of the theme the viewer chose, or the app's first one, or the system's. */
export function applyTheme(): void {
  const theme = shell.theme;
  if (!theme) return;
  let choice: string = theme.initial;
  try {
    choice = localStorage.getItem(themeKey()) ?? choice;
  } catch {
    // Storage may be off (private mode): the choice just does not persist.
  }
  const wanted = (choice === "system" ? (prefersDark?.matches ? "dark" : "light") : choice) as ThemeMode;
  const mode: ThemeMode = theme.modes[wanted] ? wanted : theme.modes.light ? "light" : "dark";
  // Replaces the previous theme's variables at once; nothing else styles <html> inline.
  let css = "";
  for (const [prefix, vars] of [["--st-", theme.modes[mode]?.main], ["--st-sidebar-", theme.modes[mode]?.sidebar]] as const) {
    for (const name in vars) css += `${prefix}${name}:${vars[name]};`;
  }
  document.documentElement.style.cssText = css;
  if (mode !== themeType) themeWatch.onThemeType?.((themeType = mode));
}
