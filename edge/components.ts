/**
 * Custom components' documents and files, on the app's own origin:
 *
 * - `/_stcore/component/<folder>/<file>`: the front ends the build put in the assets under
 *   `app-components/<slug>/<folder>/` (scripts/app_components.ts), and only the files it listed;
 * - `/_stcore/component_frame.html`: the frame `components.html` writes its HTML into (the page
 *   posts the HTML to it: client/elements/Component.tsx).
 *
 * Tenant HTML never runs with the app's origin. Every component document is sandboxed by its own
 * response (`Content-Security-Policy: sandbox`, without allow-same-origin) as well as by the
 * page's iframe, so even opened on its own it runs in an opaque origin: it cannot read the app
 * page, its cookies, its storage or the answers of the app's routes, and the session's socket
 * refuses it (its Origin is "null"). Only the app's own pages may frame it.
 */
import type { AppEntry } from "../sessions/apps.ts";
import { COMPONENT_FRAME_PATH, COMPONENT_SANDBOX } from "../sessions/protocol.ts";
import { listedFileOf, serveAsset } from "./static.ts";

export { COMPONENT_FRAME_PATH };
export const COMPONENT_ASSETS_DIR = "app-components";
/** A component folder's name, as the build accepts it (scripts/app_components.ts) and URLs carry it. */
export const COMPONENT_FOLDER = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: "text/html; charset=utf-8",
  htm: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json",
  map: "application/json",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  ico: "image/x-icon",
  woff: "font/woff",
  woff2: "font/woff2",
  ttf: "font/ttf",
  otf: "font/otf",
  wasm: "application/wasm",
  txt: "text/plain; charset=utf-8",
};

function contentTypeOf(file: string): string {
  const extension = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? "";
  return CONTENT_TYPES[extension] ?? "application/octet-stream";
}

/** The headers of every component response; a document gets its sandbox. */
function componentHeaders(contentType: string): Headers {
  const headers = new Headers({
    "Content-Type": contentType,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    // Loaded from the frames' opaque origin (module scripts, fonts): public files, never credentialed.
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
  });
  if (contentType.startsWith("text/html") || contentType.startsWith("image/svg")) {
    headers.set("Content-Security-Policy", `sandbox ${COMPONENT_SANDBOX}; frame-ancestors 'self'`);
  }
  return headers;
}

/** The file of `<folder>/<segments>` the app has, or null (edge/static.ts, listedFileOf). */
export function componentFileOf(entry: AppEntry, folder: string, segments: readonly string[]): string | null {
  return COMPONENT_FOLDER.test(folder) ? listedFileOf(segments, entry.components?.[folder]) : null;
}

export function serveComponentFile(request: Request, assets: Fetcher, slug: string, folder: string, file: string): Promise<Response> {
  return serveAsset(request, assets, `${COMPONENT_ASSETS_DIR}/${slug}/${folder}/${file}`, componentHeaders(contentTypeOf(file)));
}

/**
 * The frame of `components.html`: it tells the page it is ready, takes the first HTML its parent
 * posts, and writes it as its whole document (scripts in it run, as in Streamlit's srcdoc frame).
 * Relative URLs in the HTML resolve against the app's root, as they would in the page.
 */
const FRAME_HTML = `<!doctype html><meta charset="utf-8"><script>
(function () {
  var done = false;
  addEventListener("message", function (event) {
    var data = event.data;
    if (done || event.source !== parent || !data || data.type !== "edgelit:html" || typeof data.html !== "string") return;
    done = true;
    var html = data.html, base = '<base href="' + String(data.base).replace(/[<>"&]/g, "") + '">';
    var doctype = /^\\s*<!doctype[^>]*>/i.exec(html);
    document.open();
    document.write(doctype ? doctype[0] + base + html.slice(doctype[0].length) : base + html);
    document.close();
  });
  parent.postMessage({ type: "edgelit:htmlFrameReady" }, "*");
})();
</script>`;

export function componentFrame(): Response {
  const headers = componentHeaders("text/html; charset=utf-8");
  headers.set("Cache-Control", "public, max-age=3600");
  return new Response(FRAME_HTML, { headers });
}

export function isComponentPath(pathname: string): boolean {
  return pathname === COMPONENT_FRAME_PATH || pathname.startsWith("/_stcore/component/");
}
