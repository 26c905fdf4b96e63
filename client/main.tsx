import { render } from "solid-js/web";
import { App } from "./App.tsx";
import type { PaintedSession } from "./socket.ts";
import { initTheme } from "./theme.ts";
import "./themeVars.css";
import "./theme.css";

/**
 * The server's page shell describes the app in `<script id="edgelit-config">` ({slug, title,
 * theme, toolbarMode}, and `session` when it painted a session's page into #root).
 */
const config = JSON.parse(document.getElementById("edgelit-config")?.textContent || "{}") as Parameters<typeof initTheme>[0] & { session?: PaintedSession };
initTheme(config);
const root = document.getElementById("root");
if (!root) console.error("edgelit: the page has no #root element");
else if (!config.session) render(() => <App slug={readSlug()} />, root);
else {
  // The server painted the page: the client draws it beside, out of sight, and takes over (take_over.ts).
  const live = document.createElement("div");
  live.style.cssText = "position:absolute;top:0;left:0;width:100%;visibility:hidden";
  root.after(live);
  render(
    () => (
      <App
        slug={readSlug()}
        painted={config.session}
        onDrawn={() => {
          root.remove();
          live.removeAttribute("style");
          live.id = "root";
        }}
      />
    ),
    live,
  );
}

function readSlug(): string {
  if (typeof config.slug !== "string" || !config.slug) throw new Error("edgelit: #edgelit-config names no app slug");
  return config.slug;
}
