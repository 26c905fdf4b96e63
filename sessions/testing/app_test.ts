/**
 * Streamlit's AppTest for Edgelit apps: runs the real engine in-process, with no browser
 * and no network, and exposes the page's elements by kind.
 */
import { AppSession, type ScriptFn } from "../engine/app_session.ts";
import type { DataTable } from "../data/table.ts";
import { createSessionStateProxy, type SessionStateProxy } from "../api/session_state.ts";
import { createQueryParamsProxy, type QueryParamsProxy } from "../api/query_params.ts";
import { normalizePagePath, type AppPages } from "../engine/pages.ts";
import { ROOT_MAIN, ROOT_SIDEBAR, type BlockNode } from "../protocol.ts";
import { inProcessPlatform, type AppPlatform } from "../platform.ts";
import { AppSecrets } from "../secrets/secrets.ts";
import { emptyBrowserContext, type BrowserContext, type ThemeType } from "../engine/browser_context.ts";
import { Block, ElementList, Node, type ExceptionElement, type TestHost, type TestUpload } from "./elements.ts";
import { MemorySessionFiles } from "../engine/files.ts";
import { declarableComponents, type AppCard } from "../apps.ts";

export interface AppTestOptions {
  /** Seconds a run may take before `run()` fails. Default 3, as in Streamlit. */
  default_timeout?: number;
  /** Worker bindings the app's connections may use (a D1 database by binding name), as the platform's `env` has them. */
  bindings?: Record<string, unknown>;
  /** The signed-in user's ID-token claims (`{ name, email, sub }`) as the session starts; nobody when unset. */
  user?: Record<string, unknown>;
  /**
   * What `st.context` reads, as a browser would tell it (Streamlit's AppTest has no way to set it;
   * unset, every value is empty or null as there). `url` is the app's main page; `st.context.url`
   * adds the path of the page shown. A header may have several values.
   */
  context?: TestContext;
  /** `server.maxUploadSize` in MB (default 200). */
  max_upload_size_mb?: number;
  /** The folders of the app's `components/` with a front end (from_app knows its app's). */
  components?: string[];
}

export interface TestContext {
  headers?: Record<string, string | string[]>;
  cookies?: Record<string, string>;
  theme?: ThemeType;
  timezone?: string;
  timezone_offset?: number;
  locale?: string;
  url?: string;
  ip_address?: string;
  is_embedded?: boolean;
}

/** Where `AppTest.from_app(slug)` finds apps; set by the app registry's module. */
type FoundApp = { script: ScriptFn; pages?: AppPages | undefined; components?: AppCard["components"] };
let appLookup: ((slug: string) => FoundApp | undefined) | undefined;

export function setAppLookup(lookup: (slug: string) => FoundApp | undefined): void {
  appLookup = lookup;
}

export class AppTest extends Node implements TestHost {
  readonly session: AppSession;
  /** Every socket message the session sent, for tests of what crosses the wire. */
  readonly messages: string[] = [];
  private readonly pending = new Map<string, unknown>();
  private readonly defaultTimeout: number;
  /** `st.secrets` for the next run: set keys before `run()`, as with Streamlit's `at.secrets["key"] = value`. */
  readonly secrets: Record<string, any> = {};
  /** The app's platform: its cache store is the process's, shared by every AppTest, as Streamlit's cache is. */
  readonly platform: AppPlatform;
  /** The session's uploads and downloads, in memory. */
  readonly files = new MemorySessionFiles();
  /** Uploads whose check failed, to raise on the next run (as a browser would show the refusal). */
  private uploadProblems: string[] = [];

  private constructor(script: ScriptFn, options: AppTestOptions, pages?: AppPages, slug = "app") {
    const roots: BlockNode = { kind: "vertical", props: {}, block: true, children: [] };
    super(roots, [], undefined as unknown as TestHost);
    this.host = this;
    this.defaultTimeout = options.default_timeout ?? 3;
    this.platform = inProcessPlatform(slug, { bindings: options.bindings ?? {} });
    this.session = new AppSession({
      script,
      pages,
      send: (message) => this.messages.push(message),
      platform: this.platform,
      user: options.user ?? null,
      files: this.files,
      maxUploadSizeMb: options.max_upload_size_mb,
      components: options.components,
    });
    if (options.context) this.session.browserContext = testContext(options.context);
  }

  static from_function(script: ScriptFn, options: AppTestOptions = {}): AppTest {
    return new AppTest(script, options);
  }

  static from_app(slug: string, options: AppTestOptions = {}): AppTest {
    const app = appLookup?.(slug);
    if (!app) throw new Error(`No app with slug "${slug}" (import "edgelit/testing" after the app registry is built).`);
    return new AppTest(app.script, { components: declarableComponents(app), ...options }, app.pages, slug);
  }

  /** The page: main and sidebar, in that order. */
  override get node(): BlockNode {
    return { kind: "vertical", props: {}, block: true, children: this.session.tree.roots };
  }

  override get children(): Node[] {
    return [this.main, this.sidebar];
  }

  get main(): Block<"vertical"> {
    return new Block(this.session.tree.roots[ROOT_MAIN]!, [ROOT_MAIN], this);
  }

  get sidebar(): Block<"vertical"> {
    return new Block(this.session.tree.roots[ROOT_SIDEBAR]!, [ROOT_SIDEBAR], this);
  }

  /** `st.query_params` of the app; set values before a run as the URL would. */
  get query_params(): QueryParamsProxy {
    return createQueryParamsProxy(() => this.session.navigation);
  }

  /**
   * Goes to another page of a multipage app on the next run: its file path relative to the
   * entry script ("pages/1 - first page.ts", "page_2.ts") or its URL path.
   */
  switch_page(path: string): this {
    const target = this.session.navigation.find(normalizePagePath(path));
    if (!target) throw new Error(`No page "${path}" in this app (run it once first so its navigation is known).`);
    this.session.navigation.switchTo(target);
    return this;
  }

  get session_state(): SessionStateProxy {
    return createSessionStateProxy(() => this.session.state);
  }

  override get exception(): ElementList<ExceptionElement> {
    return this.get<ExceptionElement>("exception");
  }

  /** Runs the script once, applying every widget value set since the last run. */
  override async run(options: { timeout?: number } = {}): Promise<this> {
    this.platform.secrets = AppSecrets.fromObject(this.secrets, { kind: "apptest" });
    await Promise.all(this.uploading);
    this.uploading = [];
    if (this.uploadProblems.length > 0) {
      const problems = this.uploadProblems;
      this.uploadProblems = [];
      this.pending.clear();
      throw new Error(`The app refused an upload: ${problems.join(" ")}`);
    }
    const values = [...this.pending].map(([id, value]) => {
      const widget = this.session.widget(id);
      if (!widget || !("toWire" in widget)) throw new Error(`Widget ${id} is no longer on the page.`);
      return { id, value: widget.toWire(value) };
    });
    this.pending.clear();
    for (const [id, wire] of this.pendingWire) values.push({ id, value: wire });
    this.pendingWire.clear();
    if (values.length > 0) {
      // As the browser would send them: widgets inside one fragment rerun only that fragment.
      const refusal = this.session.handleFrame({ t: "widgets", values });
      if (refusal) throw new Error(`The app refused a widget value: ${refusal.message}`);
    } else {
      this.session.requestRerun();
    }
    const seconds = options.timeout ?? this.defaultTimeout;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.session.stop();
        reject(new Error(`AppTest script run timed out after ${seconds}(s)`));
      }, seconds * 1000);
    });
    try {
      await Promise.race([this.session.idle(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return this;
  }

  widgetValue(id: string): unknown {
    if (this.pending.has(id)) return this.pending.get(id);
    // Like Streamlit's AppTest: the value the script got in the last run (a clicked button reads true).
    // A value set through session state since then wins, as the next run will show it.
    const registered = this.session.widget(id);
    if (registered?.key !== undefined) {
      const set = this.session.state.peekUserValue(registered.key);
      if (set.found) return set.value;
    }
    return registered && "value" in registered ? registered.value : this.session.state.widget(id)?.value;
  }

  tableById(id: string): DataTable | undefined {
    return this.session.tables.get(id);
  }

  setPending(id: string, value: unknown): void {
    this.pending.set(id, value);
  }

  private uploading: Promise<void>[] = [];

  uploadFiles(widgetId: string, files: TestUpload[]): void {
    const work = (async () => {
      const list: { file_id: string; name: string; type: string; size: number }[] = [];
      for (const file of files) {
        const bytes = typeof file.data === "string" ? new TextEncoder().encode(file.data) : file.data instanceof ArrayBuffer ? new Uint8Array(file.data) : file.data;
        const info = { file_id: crypto.randomUUID(), name: file.name, type: file.type ?? guessType(file.name), size: bytes.byteLength };
        const refusal = await this.session.acceptUpload({ ...info, widget_id: widgetId });
        if (refusal) {
          this.uploadProblems.push(refusal);
          continue;
        }
        this.files.uploads.set(info.file_id, bytes.slice().buffer);
        list.push(info);
      }
      // The wire value goes straight to the next run, as the browser sends it after its uploads.
      this.pendingWire.set(widgetId, JSON.stringify(list));
    })();
    this.uploading.push(work);
  }

  /** Wire values set as the browser sends them (a file list), applied with the next run. */
  private readonly pendingWire = new Map<string, string>();

  async downloadData(widgetId: string): Promise<Uint8Array> {
    const widget = this.session.widget(widgetId);
    const props = widget?.props as { media_id?: string; deferred?: boolean } | undefined;
    if (!props) throw new Error(`Widget ${widgetId} is no longer on the page.`);
    let id = props.media_id;
    if (props.deferred) {
      const made = await this.session.resolveDownload(widgetId);
      if ("error" in made) throw new Error(made.error);
      id = made.media_id;
    }
    const media = id ? this.files.media.get(id) : undefined;
    if (!media) throw new Error("The download's file is not in the media store.");
    return new Uint8Array(media.bytes.slice(0));
  }
}

const TYPES: Record<string, string> = { csv: "text/csv", txt: "text/plain", json: "application/json", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", pdf: "application/pdf", tsv: "text/tab-separated-values" };

function guessType(name: string): string {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  return TYPES[ext] ?? "application/octet-stream";
}

function testContext({ headers = {}, cookies = {}, url, ...rest }: TestContext): BrowserContext {
  return {
    ...emptyBrowserContext,
    ...rest,
    headers: Object.entries(headers).flatMap(([name, values]) => (Array.isArray(values) ? values : [values]).map((value): [string, string] => [name, value])),
    cookies: { ...cookies },
    app_url: url?.replace(/\/+$/, "") ?? null,
  };
}
