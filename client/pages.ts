/**
 * The page around the elements: which page of a multipage app is shown, the URL and its
 * query string, the navigation, and `st.set_page_config` (tab title, icon, layout).
 */
import { createSignal, type Accessor } from "solid-js";
import type { PageState } from "../sessions/protocol.ts";
import type { Send } from "./types.ts";

export interface Pages {
  state: Accessor<PageState | null>;
  /** Applies a page frame from the session: URL, tab title, icon. */
  apply(page: PageState): void;
  /** Goes to a page of the app as a link click does: a new history entry, and the session runs it. */
  go(urlPath: string): void;
  /** The URL of a page of this app. */
  href(urlPath: string): string;
}

/** Where the browser is, as the socket tells the session when it connects. */
export function currentLocation(): { page: string; qs: string } {
  // The app lives at its own origin's root (`<slug>.<gallery host>`).
  const path = location.pathname.slice(1);
  return { page: decodeURIComponent(path.replace(/\/+$/, "")), qs: location.search.replace(/^\?/, "") };
}

/** The URL of a page of this app. */
export function pageHref(urlPath: string): string {
  return `/${urlPath.split("/").map(encodeURIComponent).join("/")}`;
}

export function createPages(appTitle: string, send: Send, notify: (message: string) => void): Pages {
  const [state, setState] = createSignal<PageState | null>(null);
  const href = pageHref;

  window.addEventListener("popstate", () => {
    const { page, qs } = currentLocation();
    send({ t: "page", url_path: page, query: queryOf(qs) });
  });

  return {
    state,
    href,
    apply(page) {
      const previous = state();
      setState(page);
      const target = href(page.url_path) + queryString(page.query);
      if (target !== location.pathname + location.search) {
        // A page switch made by the script is a new history entry; a query-string change is not.
        if (previous && previous.url_path !== page.url_path) history.pushState(null, "", target);
        else history.replaceState(null, "", target);
      }
      document.title = page.config.page_title ?? appTitle;
      if (page.config.page_icon) setFavicon(page.config.page_icon);
      if (page.not_found && page.not_found !== previous?.not_found) {
        notify(`Page not found: you have requested page /${page.not_found}, but no corresponding page was found in the app. Running the app's main page.`);
      }
    },
    go(urlPath) {
      history.pushState(null, "", href(urlPath));
      send({ t: "page", url_path: urlPath, query: {} });
    },
  };
}

function queryOf(qs: string): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(qs)) (query[key] ??= []).push(value);
  return query;
}

function queryString(query: Record<string, string[]>): string {
  const params = new URLSearchParams();
  for (const [key, values] of Object.entries(query)) for (const value of values) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** An emoji icon becomes an SVG favicon; anything else is taken as an image URL. */
function setFavicon(icon: string): void {
  const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]') ?? document.head.appendChild(document.createElement("link"));
  link.rel = "icon";
  link.href = /^(https?:|\/)/.test(icon)
    ? icon
    : `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${icon.replace(/[<&]/g, "")}</text></svg>`)}`;
}
