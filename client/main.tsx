import { render } from "solid-js/web";
import { App } from "./App.tsx";
import { preloadMarkdown } from "./markdown.ts";
import "./theme.css";

preloadMarkdown();
const root = document.getElementById("root");
if (root) render(() => <App slug={readSlug()} />, root);
else console.error("edgelit: the page has no #root element");

/** The server's page shell names the app in `<script id="edgelit-config">` ({slug, title}). */
function readSlug(): string {
  const config = JSON.parse(document.getElementById("edgelit-config")?.textContent || "{}") as { slug?: unknown };
  if (typeof config.slug !== "string" || !config.slug) throw new Error("edgelit: #edgelit-config names no app slug");
  return config.slug;
}
