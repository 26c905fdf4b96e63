/**
 * The session's pages: which page the browser asked for, which one runs, the navigation
 * the browser shows, `st.set_page_config` and `st.query_params`. An app is a single page,
 * a `pages/` directory (each page its own script), or an entry script with `st.navigation`.
 */
import type { NavPage, NavigationInfo, PageConfig, PageState } from "../protocol.ts";
import type { ScriptFn } from "./app_session.ts";
import { pageFileInfo, pageLabel, type AppPages } from "./pages.ts";

/** A page the session can run: its navigation entry, its code, and the file it came from. */
export interface NavEntry extends NavPage {
  fn: ScriptFn;
  /** The file it came from, relative to the entry script; absent for a function page. */
  source?: string | undefined;
}

export type NavigationMode = "single" | "pages_dir" | "navigation";

export class Navigation {
  state: PageState;
  mode: NavigationMode;
  /** The pages the last run knew (from `st.navigation` or the `pages/` directory). */
  entries: NavEntry[] = [];
  /** The page the last full run chose. */
  current: NavEntry | undefined;
  /**
   * `st.switch_page` went to another page: the next run starts with no widget state at all,
   * the entry script's widgets included. In Streamlit a page change keeps only the widgets
   * whose values came with the request; the browser sends its widgets' values along with a
   * page change, the script's `st.switch_page` sends none.
   */
  resetWidgets = false;
  private lastSent = "";

  constructor(
    readonly pages: AppPages,
    private readonly entry: ScriptFn,
    restored?: PageState,
    /** `client.showSidebarNavigation`: when false, navigation placed in the sidebar is hidden, as in Streamlit. */
    private readonly showSidebarNavigation = true,
  ) {
    this.state = restored ?? { url_path: "", query: {}, navigation: null, config: {} };
    this.mode = pages.pagesDir.length > 0 ? "pages_dir" : "single";
    if (this.mode === "pages_dir") this.usePagesDirectory();
  }

  /** The browser asked for a page (a link, the back button, the URL it loaded). */
  request(urlPath: string, query?: Record<string, string[]>): void {
    this.state = { ...this.state, url_path: urlPath.replace(/^\/+|\/+$/g, "") };
    delete this.state.not_found;
    if (query) this.state.query = query;
  }

  /**
   * Why the browser cannot be at `urlPath`, or null: it names a page the app showed in its
   * navigation (the default page also as ""). A single-page app has only "". Pages come from
   * the page state, so a session restored before its first run here knows them too.
   */
  pageRefusal(urlPath: string): string | null {
    const wanted = urlPath.replace(/^\/+|\/+$/g, "");
    const pages = this.state.navigation?.pages ?? [];
    if (wanted === "" || pages.some((page) => page.url_path === wanted)) return null;
    const known = pages.map((page) => JSON.stringify(page.url_path)).join(", ");
    return `No page ${JSON.stringify(wanted.slice(0, 80))} in this app${pages.length > 0 ? `; its pages are ${known.slice(0, 400)}` : ", which has a single page"}.`;
  }

  /** What a full run executes: the entry script, or in `pages/` mode the page asked for. */
  runBody(): { body: ScriptFn; pageHash: string } {
    if (this.mode !== "pages_dir") return { body: this.entry, pageHash: "" };
    const page = this.select();
    return { body: page.fn, pageHash: page.url_path };
  }

  /** `st.navigation`: these pages from now on; returns the one to run. */
  useNavigation(entries: NavEntry[], position: NavigationInfo["position"], expanded: boolean): NavEntry {
    this.mode = "navigation";
    this.entries = entries;
    this.state = { ...this.state, navigation: { pages: entries.map(toNavPage), position: this.placed(position), expanded } };
    return this.select();
  }

  /** A page by its file path (relative to the entry) or URL path. */
  find(target: string): NavEntry | undefined {
    const path = target.replace(/^(\.\/)+/, "");
    return this.entries.find((e) => e.source === path || (e.source === undefined && e.url_path === path)) ?? this.entries.find((e) => e.url_path === path);
  }

  /** `st.switch_page`: the next run shows this page, with a fresh query string. */
  switchTo(entry: NavEntry, query: Record<string, string[]> = {}): void {
    this.request(entry.default ? "" : entry.url_path, query);
  }

  setConfig(config: PageConfig): void {
    this.state = { ...this.state, config: { ...this.state.config, ...config } };
  }

  /** The page state to send, when it changed since it was last sent. */
  takeChanges(): PageState | null {
    const encoded = JSON.stringify(this.state);
    if (encoded === this.lastSent) return null;
    this.lastSent = encoded;
    return this.state;
  }

  private select(): NavEntry {
    this.current = this.wantedPage();
    return this.current;
  }

  private wantedPage(): NavEntry {
    const wanted = this.state.url_path;
    const fallback = this.entries.find((e) => e.default) ?? this.entries[0]!;
    if (wanted === "") return fallback;
    const found = this.entries.find((e) => e.url_path === wanted);
    if (found) return found;
    this.state = { ...this.state, url_path: "", not_found: wanted };
    return fallback;
  }

  private usePagesDirectory(): void {
    const home: NavEntry = { title: pageLabel(`${this.pages.entryName}.ts`), icon: "", url_path: "", section: "", default: true, fn: this.entry, source: "app.ts" };
    const files = this.pages.pagesDir.map((source): NavEntry => {
      const { icon, name } = pageFileInfo(source);
      return { title: name.replace(/_/g, " "), icon, url_path: name, section: "", default: false, fn: this.pages.modules[source]!, source };
    });
    this.entries = [home, ...files];
    this.state = { ...this.state, navigation: { pages: this.entries.map(toNavPage), position: this.placed("sidebar"), expanded: false } };
  }

  /** `position="top"` and `"hidden"` stay as they are; the sidebar's navigation shows only if the config allows it. */
  private placed(position: NavigationInfo["position"]): NavigationInfo["position"] {
    return position === "sidebar" && !this.showSidebarNavigation ? "hidden" : position;
  }
}

function toNavPage({ title, icon, url_path, section, default: isDefault, hidden }: NavEntry): NavPage {
  return { title, icon, url_path, section, default: isDefault, ...(hidden ? { hidden } : {}) };
}
