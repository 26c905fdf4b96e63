/**
 * Multipage apps: st.Page, st.navigation, st.switch_page, st.page_link and
 * st.set_page_config, with Streamlit's inference of titles, icons and URL paths.
 */
import { currentContext, runInContext } from "../engine/context.ts";
import type { NavEntry } from "../engine/navigation.ts";
import { normalizePagePath, pageFileInfo } from "../engine/pages.ts";
import type { ScriptFn } from "../engine/app_session.ts";
import { ScriptControlSignal, StreamlitAPIException, StreamlitValueError } from "../errors.ts";
import type { NavigationInfo, PageConfig } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";

export interface PageOptions {
  title?: string;
  icon?: string;
  url_path?: string;
  default?: boolean;
  visibility?: "visible" | "hidden";
}

/** A page of a multipage app: made by `st.Page`, chosen by `st.navigation`, drawn by `.run()`. */
export class StreamlitPage {
  /** @internal Set by st.navigation on the page it returns: only that one may run, once. */
  canBeCalled = false;
  readonly title: string;
  readonly icon: string;
  /** @internal The page's own URL path, the default page's too: what identifies it (and its widgets). */
  readonly path: string;
  /** @internal True for the default page; st.navigation makes the first page the default when none is. */
  default: boolean;
  readonly visibility: "visible" | "hidden";

  /** @internal */
  constructor(
    readonly fn: ScriptFn,
    readonly source: string | undefined,
    inferredName: string,
    inferredIcon: string,
    options: PageOptions,
  ) {
    this.title = options.title ?? inferredName.replace(/_/g, " ");
    if (this.title.trim() === "") {
      throw new StreamlitAPIException("`title` is required: it cannot be empty or consist of underscores/spaces only.");
    }
    this.icon = options.icon ?? inferredIcon;
    this.default = options.default ?? false;
    this.visibility = options.visibility ?? "visible";
    const path = options.url_path?.trim().replace(/^\/+|\/+$/g, "") ?? inferredName;
    if (path === "" && !this.default) throw new StreamlitAPIException("`url_path` can only be empty for the default page.");
    if (path.includes("/")) throw new StreamlitAPIException(`The URL path "${path}" cannot contain "/": nested URL paths are not supported.`);
    this.path = path;
  }

  /** The page's URL path: "" for the default page, whose URL is the app's root. */
  get url_path(): string {
    return this.default ? "" : this.path;
  }

  /** Draws the page: call it once, in the entry script, on the page `st.navigation` returned. */
  run(): unknown {
    const ctx = currentContext("StreamlitPage.run");
    if (!this.canBeCalled) {
      throw new StreamlitAPIException("This page cannot be called directly. Only the page returned from st.navigation can be called once.");
    }
    this.canBeCalled = false;
    return runInContext({ ...ctx, pageHash: this.path }, () => this.fn());
  }
}

/** `st.Page(source, options)`: `source` is a page module's path relative to the entry script, or a function. */
export function Page(source: string | ScriptFn, options: PageOptions = {}): StreamlitPage {
  const { run } = currentContext("st.Page");
  if (typeof source === "function") {
    if (!source.name && options.title === undefined) {
      throw new StreamlitAPIException("`title` is required: Streamlit cannot infer a title from this callable.");
    }
    return new StreamlitPage(source, undefined, source.name, "", options);
  }
  const path = normalizePagePath(source);
  const fn = run.session.navigation.pages.modules[path];
  if (!fn) throw new StreamlitAPIException(`Unable to create Page. The file \`${path}\` could not be found.`);
  const { icon, name } = pageFileInfo(path);
  return new StreamlitPage(fn, path, name, icon, options);
}

export interface NavigationOptions {
  position?: NavigationInfo["position"];
  expanded?: boolean;
}

/** `st.navigation(pages)`: the pages of the app (a list, or sections of lists); returns the page to run. */
export function navigation(pages: StreamlitPage[] | Record<string, StreamlitPage[]>, options: NavigationOptions = {}): StreamlitPage {
  const ctx = currentContext("st.navigation");
  if (ctx.pageHash !== "" || ctx.run.fragment) {
    throw new StreamlitAPIException("`st.navigation` can only be called from the entrypoint file, not from a page or a fragment.");
  }
  const position = options.position ?? "sidebar";
  if (!["sidebar", "top", "hidden"].includes(position)) {
    throw new StreamlitAPIException(`Invalid value for position: ${JSON.stringify(position)}. Expected one of 'sidebar', 'hidden', 'top'.`);
  }
  const sections = Array.isArray(pages) ? { "": pages } : pages;
  const list = Object.entries(sections).flatMap(([section, items]) => items.map((page) => ({ section, page })));
  if (list.length === 0) throw new StreamlitAPIException("`pages` is required: Provide at least one `st.Page`.");
  const defaults = list.filter(({ page }) => page.default);
  if (defaults.length > 1) {
    throw new StreamlitAPIException("Multiple Pages specified with `default=True`. At most one Page can be set to default.");
  }
  const defaultPage = defaults[0]?.page ?? list[0]!.page;
  defaultPage.default = true;
  const seen = new Set<string>();
  const entries: NavEntry[] = list.map(({ section, page }) => {
    if (seen.has(page.path)) {
      throw new StreamlitAPIException(
        `Multiple Pages specified with URL pathname ${page.path}. URL pathnames must be unique. The url pathname may be inferred from the filename, callable name, or title.`,
      );
    }
    seen.add(page.path);
    return {
      title: page.title,
      icon: page.icon,
      url_path: page.path,
      section,
      default: page === defaultPage,
      ...(page.visibility === "hidden" ? { hidden: true } : {}),
      fn: page.fn,
      source: page.source,
    };
  });
  const selected = ctx.run.session.navigation.useNavigation(entries, position, options.expanded ?? false);
  const page = list.find(({ page }) => page.path === selected.url_path)!.page;
  page.canBeCalled = true;
  return page;
}

/** `st.switch_page(page)`: stops this run and shows another page (a path relative to the entry script, or a Page). */
export function switch_page(page: string | StreamlitPage, options: { query_params?: Record<string, string | string[]> } = {}): never {
  const { run } = currentContext("st.switch_page");
  const navigation = run.session.navigation;
  const target = navigation.find(typeof page === "string" ? normalizePagePath(page) : (page.source ?? page.path));
  if (!target) {
    throw new StreamlitAPIException(
      `Could not find page: \`${String(typeof page === "string" ? page : page.title)}\`. Must be the file path relative to the main script, ` +
        "from the directory: `.`. Only the main app file and files in the `pages/` directory are supported.",
    );
  }
  const query = Object.fromEntries(Object.entries(options.query_params ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : [String(v)]]));
  if (target.url_path !== navigation.current?.url_path) navigation.resetWidgets = true;
  navigation.switchTo(target, query);
  throw new ScriptControlSignal("rerun");
}

/** `st.set_page_config(...)`: the browser tab's title and icon, the layout and the sidebar's first state. */
export function set_page_config(config: PageConfig = {}): void {
  const { run } = currentContext("st.set_page_config");
  if (config.layout !== undefined && !["centered", "wide"].includes(config.layout)) {
    throw new StreamlitValueError("layout", ["'centered'", "'wide'"]);
  }
  if (config.initial_sidebar_state !== undefined && !["auto", "expanded", "collapsed"].includes(config.initial_sidebar_state)) {
    // Streamlit also takes "locked" and a width in pixels, which Edgelit's page does not have.
    throw new StreamlitValueError("initial_sidebar_state", ["'auto'", "'expanded'", "'collapsed'"], `Got '${String(config.initial_sidebar_state)}'.`);
  }
  const defined = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as PageConfig;
  run.session.navigation.setConfig(defined);
}

export interface PageLinkOptions {
  label?: string;
  icon?: string;
  help?: string;
  disabled?: boolean;
  use_container_width?: boolean;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** A link to a page of the app (its path relative to the entry script, or a Page), or to an external URL. */
    page_link(page: string | StreamlitPage, options?: PageLinkOptions): DeltaGenerator;
  }
}

export const pageLinkMethods = {
  page_link(this: DeltaGenerator, page: string | StreamlitPage, options: PageLinkOptions = {}): DeltaGenerator {
    const ctx = this._context("st.page_link");
    const common = {
      ...(options.help !== undefined ? { help: options.help } : {}),
      ...(options.disabled ? { disabled: true } : {}),
      ...(options.use_container_width ? { use_container_width: true } : {}),
    };
    if (typeof page === "string" && /^https?:\/\//.test(page)) {
      if (!options.label) throw new StreamlitAPIException("The label param is required for external links used with st.page_link - please provide a label.");
      return this._leaf("page_link", { label: options.label, href: page, ...(options.icon ? { icon: options.icon } : {}), ...common });
    }
    const target = ctx.run.session.navigation.find(typeof page === "string" ? normalizePagePath(page) : (page.source ?? page.path));
    if (!target) throw new StreamlitAPIException(`Could not find page: \`${typeof page === "string" ? page : page.title}\`.`);
    const icon = options.icon ?? target.icon;
    return this._leaf("page_link", {
      label: options.label ?? target.title,
      url_path: target.default ? "" : target.url_path,
      ...(icon ? { icon } : {}),
      ...common,
    });
  },
};
