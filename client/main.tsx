import { render } from "solid-js/web";
import { App } from "./App.tsx";
import { initTheme } from "./theme.ts";
import "./themeVars.css";
import "./theme.css";

/** The server's page shell describes the app in `<script id="edgelit-config">` ({slug, title, theme, toolbarMode}). */
const config = JSON.parse(document.getElementById("edgelit-config")?.textContent || "{}") as Parameters<typeof initTheme>[0];
initTheme(config);
const root = document.getElementById("root");
if (root) render(() => <App slug={readSlug()} />, root);
else console.error("edgelit: the page has no #root element");

function readSlug(): string {
  if (typeof config.slug !== "string" || !config.slug) throw new Error("edgelit: #edgelit-config names no app slug");
  return config.slug;
}
