/**
 * The server's first paint: a session's page as HTML, rendered by the same components the
 * browser uses (AppFrame and the eager elements), so the page the client takes over is the
 * page it would draw (take_over.ts). Built for the Worker by vite.ssr.config.ts into
 * dist/ssr/first_paint.js; edge/first_paint.ts calls it.
 */
import { renderToString } from "solid-js/web";
import { createSignal, type Component } from "solid-js";
import type { PageState, ServerFrame } from "../sessions/protocol.ts";
import { AppFrame } from "./AppFrame.tsx";
import { eagerElements } from "./eager_elements.ts";
import { pageHref, type Pages } from "./pages.ts";
import { createTreeStore } from "./store.ts";
import { createToasts } from "./Toasts.tsx";
import { TreeContext } from "./tree.tsx";
import type { ElementRegistry } from "./types.ts";

/** Kinds the first load does not carry draw nothing until their chunk loads, in the browser as here. */
const LoadsLater: Component = () => null;
const registry = new Proxy(eagerElements, {
  get: (elements, kind) => (elements as Record<PropertyKey, unknown>)[kind] ?? LoadsLater,
}) as unknown as ElementRegistry;

/** The HTML of #root for a session's snapshot and page frames (as a connect's message brings them). */
export function renderFirstPaint(frames: readonly ServerFrame[]): string {
  return renderToString(() => {
    const store = createTreeStore(() => undefined);
    let page: PageState | null = null;
    for (const frame of frames) {
      if (frame.t === "page") page = frame.page;
      else if (frame.t === "snapshot") store.apply(frame);
    }
    const [state] = createSignal(page);
    const pages: Pages = { state, href: pageHref, apply: () => undefined, go: () => undefined };
    const nothing = () => undefined;
    return (
      <TreeContext.Provider value={{ store, send: nothing, registry, toasts: createToasts(), pages, sessionId: "", connected: () => false, listenRows: nothing }}>
        <AppFrame status="connecting" onStop={nothing} firstPaint />
      </TreeContext.Provider>
    );
  });
}
