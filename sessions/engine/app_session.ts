/**
 * A browser session's engine: it reruns the script on each interaction, keeps the
 * session state, diffs each run against what the browser shows and queues the deltas.
 * Plain TypeScript: the Durable Object, AppTest and the benchmark all host it.
 */
import { loadEmojiTable, withMarkdownHtml } from "./markdown_html.ts";
import { ScriptControlSignal, StreamlitAPIException, uncaughtExceptionProps, type ShowErrorDetails } from "../errors.ts";
import { emptyBrowserContext, type BrowserContext } from "./browser_context.ts";
import { inProcessPlatform, type AppPlatform } from "../platform.ts";
import { Navigation } from "./navigation.ts";
import type { UserClaims } from "../auth/user.ts";
import { noPages, type AppPages } from "./pages.ts";
import { FragmentTimers, mergeScopes, type Fragment, type RerunScope } from "./fragments.ts";
import {
  isBlock,
  parseClientFrame,
  type BlockNode,
  type ClientErrorCode,
  type ClientFrame,
  type DeltaOp,
  type DeltaPath,
  type LeafProps,
  type PageState,
  type RunOutcome,
  type ServerFrame,
  type TreeNode,
  type WidgetKind,
  type WidgetWireValue,
} from "../protocol.ts";
import { pathKey } from "../protocol.ts";
import { runInContext } from "./context.ts";
import { FrameQueue, type Sink } from "./queue.ts";
import { ScriptRun } from "./run.ts";
import { SessionState, type SessionStateSnapshot } from "./state.ts";
import { ElementTree, type Container } from "./tree.ts";
import { validateBrowserValue, type Callback, type RegisteredWidget } from "./widgets.ts";
import { SessionTables } from "./tables.ts";
import { tableDigest } from "../data/digest.ts";
import type { DataTable } from "../data/table.ts";
import type { CsvSpec } from "../data/views.ts";
import { wireCells, wireColumn } from "../data/wire.ts";
import type { RowsRequest, WireTable } from "../protocol.ts";
import { FILE_ID, mediaId, MemorySessionFiles, parseFileList, uploadRefusal, type MediaMeta, type SessionFiles, type UploadRecord } from "./files.ts";

export type ScriptFn = () => unknown;

/** What a widget is known by between runs, and across a restart of the session. */
export interface KnownWidget {
  id: string;
  kind: WidgetKind;
  props: LeafProps[WidgetKind];
  key?: string | undefined;
  trigger?: boolean | undefined;
  fragmentId?: string | undefined;
}

export interface PersistedSession {
  version: 1;
  state: SessionStateSnapshot;
  tree: BlockNode[];
  widgets: KnownWidget[];
  context?: BrowserContext;
  page?: PageState;
  /** Who was signed in when the session started (null: nobody); absent until a browser connected. */
  user?: { claims: UserClaims | null };
  /** The last run was stopped by its CPU limit: a page load does not run the script again unasked. */
  halted?: boolean;
  /** Files the browser uploaded, each for one file_uploader (their bytes are the platform's). */
  uploads?: UploadRecord[];
}

/**
 * A per-run CPU budget (sessions/runtime/cpu_guard.ts in an app's isolate): the guards in the
 * app's code stop a run that spends it, and the run ends with an error box.
 */
export interface RunBudget {
  readonly limitSeconds: number;
  begin(): void;
  end(): void;
  exceeded(): boolean;
}

export interface AppSessionOptions {
  script: ScriptFn;
  /** Receives each socket message for the browser (a JSON array of frames). */
  send: Sink;
  restored?: PersistedSession | undefined;
  /** Called after every run with what must survive a restart. */
  persist?: (session: PersistedSession) => void | Promise<void>;
  /** The app's page modules and `pages/` directory, for multipage apps. */
  pages?: AppPages | undefined;
  /**
   * `client.showErrorDetails`: how much of an uncaught exception the browser sees. The platform
   * sets it, and then also logs every uncaught exception in full; unset (AppTest), the browser
   * sees everything and nothing is logged.
   */
  showErrorDetails?: ShowErrorDetails | undefined;
  /** The app's secrets, cache store and bindings; in-process (memory cache, no secrets) when unset. */
  platform?: AppPlatform | undefined;
  /** The signed-in user's claims, known from the start (AppTest); the platform gives them with `startUser`. */
  user?: UserClaims | null | undefined;
  /** `client.showSidebarNavigation`: false hides a multipage app's sidebar navigation (default true). */
  showSidebarNavigation?: boolean | undefined;
  /** The per-run CPU budget of the app's isolate; none in-process. */
  budget?: RunBudget | undefined;
  /** `server.maxMessageSize` in bytes (Streamlit's default, 200 MB, when unset). */
  maxMessageBytes?: number | undefined;
  /** Where uploads are read and downloads stored: the platform's (R2), or memory when unset. */
  files?: SessionFiles | undefined;
  /** `server.maxUploadSize`, in MB (default 200, as Streamlit's). */
  maxUploadSizeMb?: number | undefined;
  /** The folders of the app's `components/` that hold a built front end (`declare_component({ path })`). */
  components?: readonly string[] | undefined;
}

/** How many uploaded files one session may hold at once. */
export const MAX_UPLOADS_PER_SESSION = 1000;

/** A download made when clicked: its function, and the name and type it is offered under. */
interface DeferredDownload {
  make(): Promise<Uint8Array>;
  meta: MediaMeta;
}

export type SessionStatus = "idle" | "running";

interface WidgetEvent {
  id: string;
  wire: WidgetWireValue;
}

export class AppSession {
  state: SessionState;
  readonly tree: ElementTree;
  readonly navigation: Navigation;
  readonly platform: AppPlatform;
  private readonly queue: FrameQueue;
  private readonly script: ScriptFn;
  private readonly persistHook: AppSessionOptions["persist"];
  private readonly showErrorDetails: ShowErrorDetails | undefined;
  private readonly budget: RunBudget | undefined;
  /** The last run spent its CPU budget: the next page load shows its error and does not rerun. */
  halted = false;
  /** The last save failed (and the viewer was told). */
  private saveFailed = false;
  /** Widgets of the last run. Restored ones lack callbacks until the script has run once here. */
  private knownWidgets = new Map<string, KnownWidget | RegisteredWidget>();
  private hasLiveWidgets = false;
  private current: ScriptRun | null = null;
  private runCount = 0;
  private pendingEvents: WidgetEvent[] = [];
  private wanted: RerunScope | null = null;
  private loop: Promise<void> | null = null;
  /** The fragments of the last full run, by id. */
  private fragments = new Map<string, Fragment>();
  private readonly fragmentTimers = new FragmentTimers();
  lastOutcome: RunOutcome | null = null;
  /** What the browser said about itself when it connected (`st.context`); the script reads it through `contextForScript`. */
  browserContext: BrowserContext = emptyBrowserContext;
  /**
   * Did a run since the last connect read the browser's context? A page the server painted
   * from a run made before the browser connected (sessions/session.ts) runs again then only if so.
   */
  contextRead = false;
  /** Streamlit warns once about a widget with both a default and a session-state value. */
  warnedDuplicatedValue = false;
  /** `st.user`'s claims: null while nobody is signed in. */
  user: UserClaims | null = null;
  /** Was the identity read yet? Only once, when the session starts, as in Streamlit. */
  private userRead = false;
  /** The page's tables, by id: a large one's rows are served from here (`rows` frames, CSV). */
  readonly tables = new SessionTables();
  /** `server.maxMessageSize`: an element whose data is larger is an error (Streamlit's MessageSizeError). */
  readonly maxMessageBytes: number;
  /** Answers to `rows` frames that wait for a run (a restored session has no tables until it runs). */
  private pendingAnswers = new Set<Promise<void>>();
  /** Uploaded files and downloads' bytes: the platform's store, or memory. */
  readonly files: SessionFiles;
  readonly maxUploadSizeMb: number;
  /** The folders of the app's `components/` with a front end: the only paths `declare_component` takes. */
  readonly components: readonly string[];
  /** Every file the browser uploaded for one of this session's file_uploaders, by file id. */
  readonly uploads = new Map<string, UploadRecord>();
  /** Download buttons whose data is made when clicked, by widget id (this process's runs only). */
  private readonly deferredDownloads = new Map<string, DeferredDownload>();
  /** Downloads already in the media store, and those on their way there. */
  private readonly storedMedia = new Set<string>();
  private pendingMedia = new Set<Promise<void>>();

  constructor(options: AppSessionOptions) {
    this.script = options.script;
    this.persistHook = options.persist;
    this.showErrorDetails = options.showErrorDetails;
    this.budget = options.budget;
    this.maxMessageBytes = options.maxMessageBytes ?? 200 * 1024 * 1024;
    this.platform = options.platform ?? inProcessPlatform("app");
    this.files = options.files ?? new MemorySessionFiles();
    this.maxUploadSizeMb = options.maxUploadSizeMb ?? 200;
    this.components = options.components ?? [];
    void loadEmojiTable();
    this.queue = new FrameQueue(options.send);
    const restored = options.restored;
    this.state = restored ? SessionState.restore(restored.state) : new SessionState();
    this.tree = new ElementTree(restored?.tree);
    this.navigation = new Navigation(options.pages ?? noPages, options.script, restored?.page, options.showSidebarNavigation ?? true);
    for (const widget of restored?.widgets ?? []) this.knownWidgets.set(widget.id, widget);
    // A session saved before some fields existed gets their empty values.
    if (restored?.context) this.browserContext = { ...emptyBrowserContext, ...restored.context };
    this.halted = restored?.halted === true;
    for (const upload of restored?.uploads ?? []) this.uploads.set(upload.file_id, upload);
    if (restored?.user) this.startUser(restored.user.claims);
    else if (options.user !== undefined) this.startUser(options.user);
  }

  /** `st.context` as the script sees it: the read is noted (`contextRead`). */
  contextForScript(): BrowserContext {
    this.contextRead = true;
    return this.browserContext;
  }

  /** Who is signed in, read when the session starts; later calls (reconnects) change nothing. */
  startUser(claims: UserClaims | null): void {
    if (this.userRead) return;
    this.userRead = true;
    this.user = claims;
  }

  /** `st.login()` / `st.logout()`: sends the browser to the app's sign-in route; it comes back in a new session. */
  authRedirect(path: string): void {
    this.queue.frame({ t: "auth_redirect", url: `/auth/${path}` });
  }

  get status(): SessionStatus {
    return this.current ? "running" : "idle";
  }

  /** Has the script ever run for this session (here or before a restart)? */
  get hasRun(): boolean {
    return this.runCount > 0 || this.tree.roots.some((root) => root.children.length > 0);
  }

  /** The page as it is; `runFollows` when the connect it answers starts a run (the browser shows it running). */
  snapshotFrame(runFollows = false): ServerFrame {
    return { t: "snapshot", tree: this.tree.roots, running: runFollows || this.current !== null };
  }

  /** What a newly connected browser needs besides the snapshot: its page, URL and navigation. */
  pageFrame(): ServerFrame {
    return { t: "page", page: this.navigation.state };
  }

  /**
   * Handles one raw socket message from the browser; a bad one gets an error frame and changes
   * nothing. `reply` reaches only the socket that sent it (refusals, rows); without it, every socket.
   */
  handleMessage(raw: string | ArrayBuffer | ArrayBufferView, reply?: (frame: ServerFrame) => void): void {
    const answer = reply ?? ((frame: ServerFrame) => this.queue.send(frame));
    const parsed = parseClientFrame(raw);
    if (!parsed.ok) return answer({ t: "error", code: parsed.code, message: parsed.message });
    if (parsed.frame.t === "rows") {
      this.answerRows(parsed.frame, answer);
      return;
    }
    const refusal = this.handleFrame(parsed.frame);
    if (refusal) answer({ t: "error", ...refusal });
  }

  /** Rows of a large table; a session restored from storage runs its script first to have its tables. */
  answerRows(request: RowsRequest, reply: (frame: ServerFrame) => void): void {
    const ready = this.tableReady(request.table);
    if (!ready) return reply(this.tables.answer(request, this.maxMessageBytes));
    const pending: Promise<void> = ready.then(() => reply(this.tables.answer(request, this.maxMessageBytes)));
    this.pendingAnswers.add(pending);
    void pending.finally(() => this.pendingAnswers.delete(pending));
  }

  /** A table of the page as CSV (the grid's download); a restored session runs its script first. */
  async tableCsv(id: string, spec: CsvSpec): Promise<ReadableStream<Uint8Array> | null> {
    // A session nobody opened has no page, and a download does not start one.
    if (!this.hasRun) return null;
    await this.tableReady(id);
    return this.tables.csv(id, spec);
  }

  /**
   * Null when the table can be served now; else the run it waits for: a session restored from
   * storage has no tables until its script has run in this isolate.
   */
  private tableReady(id: string): Promise<void> | null {
    if (this.tables.has(id) || this.hasLiveWidgets) return null;
    if (!this.loop) this.requestRerun();
    return this.runsDone();
  }

  /**
   * Keeps a table the page shows, so its rows and CSV can be served (sessions/engine/tables.ts).
   * The part of it that travels must fit `server.maxMessageSize`, as in Streamlit.
   */
  keepTable(wire: WireTable, table: DataTable, element: string): void {
    const size = wireBytes(wire);
    if (size > this.maxMessageBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      throw new StreamlitAPIException(`${element}: data of size ${mb(size)} MB exceeds the message size limit of ${mb(this.maxMessageBytes)} MB. Set server.maxMessageSize in the app's config.toml to allow more, or show fewer rows.`);
    }
    this.tables.keep(wire.id, table);
  }

  /**
   * `.add_rows()`: the element at `path` shows `joined` now; the browser receives only `added`.
   * The element's id becomes a digest of the old id and the new rows, not of the whole table.
   */
  addRows(path: DeltaPath, before: DataTable, added: DataTable, joined: DataTable): void {
    const node = this.tree.nodeAt(path);
    const shown = node && !isBlock(node) ? (node.props as { table?: WireTable }).table : undefined;
    if (!node || !shown) throw new Error("add_rows() works on an element that shows data: st.table, st.dataframe or a chart.");
    const rows = Uint32Array.from({ length: added.rowCount }, (_, i) => i);
    const id = tableDigest({ columns: [{ name: shown.id, type: "null", cells: { length: 0 } }, ...added.columns], index: added.index, rowCount: joined.rowCount });
    const delta: WireTable = {
      id,
      columns: joined.columns.map(wireColumn),
      ...(joined.index ? { index: wireColumn(joined.index) } : {}),
      rows: joined.rowCount,
      data: joined.columns.map((column) => {
        const own = added.columns.find((c) => c.name === column.name);
        return own ? wireCells(own, rows) : new Array(added.rowCount).fill(null);
      }),
      ...(joined.index ? { index_data: wireCells(joined.index, Uint32Array.from(rows, (i) => before.rowCount + i)) } : {}),
    };
    const whole = !shown.lazy;
    const table: WireTable = {
      ...delta,
      data: whole ? delta.columns.map((_, c) => [...(shown.data[c] ?? new Array(before.rowCount).fill(null)), ...delta.data[c]!]) : shown.data,
      ...(joined.index ? { index_data: whole ? [...(shown.index_data ?? Array.from({ length: before.rowCount }, (_, i) => i)), ...delta.index_data!] : shown.index_data! } : {}),
      ...(shown.lazy ? { lazy: true } : {}),
    };
    this.tree.replaceLeaf(path, { ...node, props: { ...node.props, table } } as TreeNode);
    this.tables.keep(id, joined);
    this.queue.op({ op: "add_rows", path, table: delta });
  }

  /** Applies a browser frame; a refused one changes nothing, and its refusal is returned. */
  handleFrame(frame: ClientFrame): { code: ClientErrorCode; message: string } | null {
    if (frame.t === "page") {
      const problem = this.navigation.pageRefusal(frame.url_path);
      if (problem) return { code: "unknown_page", message: problem };
    }
    const values = frame.t === "widget" ? [{ id: frame.id, value: frame.value }] : frame.t === "widgets" ? frame.values : [];
    const refusal = this.checkWidgetValues(values) ?? (frame.t === "widget" ? this.heldByForm(frame.id) : null);
    if (refusal) return refusal;
    // The viewer asks for something: a run stopped by its limit may run again.
    if (frame.t !== "theme" && frame.t !== "rows") this.halted = false;
    switch (frame.t) {
      case "rows":
        this.answerRows(frame, (answer) => this.queue.send(answer));
        return null;
      case "rerun":
        this.requestRerun();
        return null;
      case "stop":
        this.stop();
        return null;
      case "page":
        this.navigation.request(frame.url_path, frame.query ?? {});
        this.requestRerun();
        return null;
      case "theme":
        // As in Streamlit, the next run sees it; a theme change itself does not rerun the script.
        this.browserContext = { ...this.browserContext, theme: frame.type };
        // A run in progress saves it when it ends.
        if (!this.loop) void this.persist();
        return null;
      case "widget":
      case "widgets":
        for (const { id, value } of values) this.pendingEvents.push({ id, wire: value });
        this.requestRerun(this.scopeOf(values.map((v) => v.id)));
        return null;
    }
  }

  /** Checks widget values from the browser and, when all are good, queues them for the next run. */
  queueWidgetValues(values: { id: string; value: WidgetWireValue }[]): { code: ClientErrorCode; message: string } | null {
    const refusal = this.checkWidgetValues(values);
    if (refusal) return refusal;
    for (const { id, value } of values) this.pendingEvents.push({ id, wire: value });
    return null;
  }

  /** Why the session refuses these values from the browser (all of them, when one is bad), or null. */
  private checkWidgetValues(values: { id: string; value: WidgetWireValue }[]): { code: ClientErrorCode; message: string } | null {
    for (const { id, value } of values) {
      const widget = this.widget(id);
      if (!widget) return { code: "unknown_widget", message: `No widget with id "${id}" on this page.` };
      const problem = validateBrowserValue(widget.kind, value, widget.props) ?? (widget.kind === "file_uploader" ? this.foreignFile(id, value) : null);
      if (problem) return { code: "invalid_value", message: `${widget.props.label || widget.kind}: ${problem}` };
    }
    return null;
  }

  /** A form's widget alone: the browser holds its value until the form's submit sends them all (a `widgets` frame). */
  private heldByForm(id: string): { code: ClientErrorCode; message: string } | null {
    const widget = this.widget(id);
    if (!widget || widget.props.form_id === undefined || widget.kind === "form_submit_button") return null;
    return { code: "invalid_value", message: `${widget.props.label || widget.kind}: this widget is in a form; its value is sent with the form's submit button.` };
  }

  /** A file of a file_uploader's value that this session's browser did not upload for that widget. */
  private foreignFile(widgetId: string, wire: WidgetWireValue): string | null {
    const files = parseFileList(wire);
    if (typeof files === "string") return files;
    for (const file of files) {
      const record = this.uploads.get(file.file_id);
      if (!record || record.widget_id !== widgetId) return `File ${JSON.stringify(file.name)} (${file.file_id}) was not uploaded to this widget in this session.`;
    }
    return null;
  }

  /**
   * The platform asks before it stores an upload: may this file be one of the widget's? When it
   * may, the session records it (so the browser may then name it in the widget's value); the
   * answer is the refusal, or null.
   */
  async acceptUpload(upload: UploadRecord): Promise<string | null> {
    const widget = this.widget(upload.widget_id);
    if (!widget || widget.kind !== "file_uploader") return `No file uploader with id "${String(upload.widget_id).slice(0, 80)}" on this page.`;
    if (typeof upload.file_id !== "string" || !FILE_ID.test(upload.file_id)) return "A file id is 8 to 64 letters, digits, - or _.";
    const known = this.uploads.get(upload.file_id);
    if (known) return `File id ${upload.file_id} is taken.`;
    if (this.uploads.size >= MAX_UPLOADS_PER_SESSION) return `This session holds ${MAX_UPLOADS_PER_SESSION} files already: remove some first.`;
    const props = widget.props as LeafProps["file_uploader"];
    const refusal = uploadRefusal({ ...props, max_upload_size_mb: Math.min(props.max_upload_size_mb, this.maxUploadSizeMb) }, upload);
    if (refusal) return refusal;
    this.uploads.set(upload.file_id, { file_id: upload.file_id, widget_id: upload.widget_id, name: upload.name, type: upload.type, size: upload.size });
    await this.persist();
    return null;
  }

  /** The viewer removed a file (its x): the session forgets it. Whether it knew it. */
  async removeUpload(fileId: string): Promise<boolean> {
    if (!this.uploads.delete(fileId)) return false;
    await this.persist();
    return true;
  }

  /** Stores a download's bytes in the media store (once per session); the run ends after they are there. */
  storeMedia(id: string, bytes: Uint8Array, meta: MediaMeta): void {
    if (this.storedMedia.has(id)) return;
    this.storedMedia.add(id);
    const copy = bytes.slice().buffer;
    const pending: Promise<void> = this.files.putMedia(id, copy, meta).catch((error: unknown) => {
      this.storedMedia.delete(id);
      console.error("Could not store a download:", error instanceof Error ? error.message : String(error));
    });
    this.pendingMedia.add(pending);
    void pending.finally(() => this.pendingMedia.delete(pending));
  }

  /** A download button whose data is made when clicked. */
  deferDownload(widgetId: string, make: () => Promise<Uint8Array>, meta: MediaMeta): void {
    this.deferredDownloads.set(widgetId, { make, meta });
  }

  /**
   * A deferred download was clicked: makes its bytes, stores them, and names them. A session
   * restored from storage runs its script first, to have the button's function again.
   */
  async resolveDownload(widgetId: string): Promise<{ media_id: string; file_name: string; mime: string } | { error: string }> {
    if (!this.deferredDownloads.has(widgetId) && !this.hasLiveWidgets) {
      if (!this.loop) this.requestRerun();
      await this.idle();
    }
    const widget = this.widget(widgetId);
    const deferred = this.deferredDownloads.get(widgetId);
    if (!widget || widget.kind !== "download_button" || !deferred) return { error: "No download button with that id on this page." };
    let bytes: Uint8Array;
    try {
      bytes = await deferred.make();
    } catch (error) {
      return { error: `The download's data function failed: ${this.platform.secrets.redact(error instanceof Error ? error.message : String(error))}` };
    }
    const id = mediaId(bytes, deferred.meta);
    this.storeMedia(id, bytes, deferred.meta);
    await Promise.all(this.pendingMedia);
    return { media_id: id, ...deferred.meta };
  }

  /** The widget with this id as the run in progress or the last run made it. */
  widget(id: string): KnownWidget | RegisteredWidget | undefined {
    return this.current?.widgets.get(id) ?? this.knownWidgets.get(id);
  }

  /**
   * Asks for a rerun of the page, or of one fragment. A run in progress that the rerun
   * would redo ends at its next `st` call; a fragment's rerun waits for a full run to end.
   */
  requestRerun(scope: RerunScope = "app"): void {
    this.wanted = mergeScopes(this.wanted, scope);
    const current = this.current;
    if (current && (this.wanted === "app" || current.fragment?.id === this.wanted.fragment)) {
      current.requestInterrupt(new ScriptControlSignal("rerun"));
    }
    this.loop ??= this.runLoop();
  }

  stop(): void {
    this.wanted = null;
    this.current?.requestInterrupt(new ScriptControlSignal("stop"));
  }

  /** Stops fragments' automatic reruns (no browser is watching); the next full run restarts them. */
  pauseTimers(): void {
    this.fragmentTimers.stop();
  }

  /** Called by `st.fragment` in a full run. */
  registerFragment(fragment: Fragment): void {
    this.current?.fragments.set(fragment.id, fragment);
  }

  /** Widgets all inside one fragment rerun only it; anything else reruns the page. */
  private scopeOf(ids: string[]): RerunScope {
    const fragmentIds = new Set(ids.map((id) => this.widget(id)?.fragmentId));
    const [only] = fragmentIds;
    return fragmentIds.size === 1 && only !== undefined && this.fragments.has(only) ? { fragment: only } : "app";
  }

  /** Resolves once no run is in progress or wanted. */
  /** Resolves once no run is in progress or wanted (answers waiting on runs are not waited for). */
  private async runsDone(): Promise<void> {
    while (this.loop) await this.loop;
  }

  async idle(): Promise<void> {
    while (this.loop || this.pendingAnswers.size > 0) {
      if (this.loop) await this.loop;
      else await Promise.all(this.pendingAnswers);
    }
  }

  // ---- called by the run in progress ----

  put(path: DeltaPath, node: TreeNode): void {
    const op = this.tree.put(path, withMarkdownHtml(node));
    if (op) this.queue.op(op);
  }

  reached(container: Container): void {
    this.queue.reach(container.path, container.nextIndex);
  }

  // ---- the run loop ----

  private async runLoop(): Promise<void> {
    try {
      while (this.wanted) {
        const scope = this.wanted;
        this.wanted = null;
        if (!this.hasLiveWidgets && this.pendingEvents.length > 0) {
          // Restored from storage: run once so the widgets' callbacks exist again, then apply the events.
          const held = this.pendingEvents;
          this.pendingEvents = [];
          await this.execute(null);
          this.pendingEvents = [...held, ...this.pendingEvents];
          this.wanted = mergeScopes(this.wanted, scope);
          continue;
        }
        const fragment = scope === "app" ? null : (this.fragments.get(scope.fragment) ?? null);
        const rerun = await this.execute(fragment);
        if (rerun) this.wanted = mergeScopes(this.wanted, rerun);
      }
    } finally {
      this.loop = null;
      // The browser waits for the run that follows a "rerun" end; a stop came first, so say so.
      if (this.lastOutcome === "rerun") {
        this.lastOutcome = "stopped";
        this.queue.runEnd("stopped", []);
      }
    }
  }

  /** Runs the script, or one fragment; returns the rerun the run asked for with `st.rerun()`, if any. */
  private async execute(fragment: Fragment | null): Promise<RerunScope | null> {
    const run = new ScriptRun(this, ++this.runCount, fragment);
    this.current = run;
    this.queue.runStart(fragment ? fragment.path : undefined);
    const events = this.pendingEvents;
    this.pendingEvents = [];
    let outcome: RunOutcome = "completed";
    let rerun: RerunScope | null = null;
    const budget = this.budget;
    const stateBefore = budget ? this.state.snapshot() : null;
    budget?.begin();
    try {
      const { body, pageHash } = fragment
        ? { body: () => fragment.fn(...fragment.args), pageHash: fragment.pageHash }
        : this.navigation.runBody();
      if (!fragment && this.navigation.resetWidgets) {
        // A page change asked for by st.switch_page: every widget starts over (see Navigation).
        this.navigation.resetWidgets = false;
        this.state.endRun(new Set());
      }
      this.state.startRun();
      const callbacks = this.applyEvents(events, run);
      await runInContext({ run, active: { container: run.main }, pageHash }, async function edgelitScriptRun() {
        for (const callback of callbacks) await invoke(callback);
        await body();
      });
    } catch (error) {
      if (error instanceof ScriptControlSignal) {
        outcome = error.signal === "rerun" ? "rerun" : "stopped";
        if (outcome === "rerun") rerun = error.fragmentOnly && fragment ? { fragment: fragment.id } : "app";
      } else if (!budget?.exceeded()) {
        outcome = "error";
        // Neither the logs nor the browser see a secret value, even in an app's own error message.
        const secrets = this.platform.secrets;
        if (this.showErrorDetails) console.error("Uncaught app exception:", secrets.redact(error instanceof Error ? (error.stack ?? String(error)) : String(error)));
        const props = uncaughtExceptionProps(error, this.showErrorDetails);
        const redacted = { ...props, message: secrets.redact(props.message), stack: props.stack.map((line) => secrets.redact(line)) };
        this.put([...run.main.path, run.main.nextIndex++], { kind: "exception", props: redacted });
        this.reached(run.main);
      }
    }
    budget?.end();
    // A download button's file is in the media store before the run that shows it ends.
    if (this.pendingMedia.size > 0) await Promise.all(this.pendingMedia);
    // A run that spent its CPU budget ends with Streamlit's error box, whatever the script caught,
    // and leaves session state as the last finished run left it.
    if (budget?.exceeded() && stateBefore) {
      outcome = "error";
      rerun = null;
      this.halted = true;
      this.state = SessionState.restore(stateBefore);
      this.put([...run.main.path, run.main.nextIndex++], { kind: "exception", props: cpuLimitProps(budget.limitSeconds) });
      this.reached(run.main);
    }
    run.finish();
    this.current = null;
    this.finishRun(run, outcome);
    await this.persist();
    return rerun;
  }

  /** Applies the browser's widget values; returns the callbacks they fire, in order. */
  private applyEvents(events: WidgetEvent[], run: ScriptRun): Callback[] {
    const callbacks: Callback[] = [];
    for (const event of events) {
      const widget = this.knownWidgets.get(event.id);
      if (!widget || !("fromWire" in widget)) continue;
      if (widget.clearsForm !== undefined && event.wire === true) run.formsToClear.add(widget.clearsForm);
      if (widget.kind === "form_submit_button" && widget.formId !== undefined && event.wire === true) {
        this.applyShownValues(widget.formId, new Set(events.map((e) => e.id)));
      }
      const before = this.state.widget(event.id);
      this.state.setWidget(event.id, {
        wire: event.wire,
        value: widget.fromWire(event.wire),
        key: widget.key,
        ...(widget.trigger ? { trigger: event.wire === true } : {}),
      });
      const changed = widget.trigger ? event.wire === true : JSON.stringify(before?.wire) !== JSON.stringify(event.wire);
      if (changed && widget.callback) callbacks.push(widget.callback);
    }
    return callbacks;
  }

  private finishRun(run: ScriptRun, outcome: RunOutcome): void {
    const ops: DeltaOp[] = [];
    const completed = outcome !== "rerun";
    if (completed) {
      this.clearSubmittedForms(run);
      // The last container made at a path is the one there now.
      const byPath = new Map<string, Container>();
      for (const container of [...run.rootContainers, ...run.containers]) byPath.set(pathKey(container.path), container);
      for (const container of byPath.values()) {
        const op = this.tree.trim(container.path, container.nextIndex);
        if (op) ops.push(op);
      }
    }
    // A fragment's run only answers for the fragment's widgets.
    const fragmentId = run.fragment?.id;
    const inScope = (id: string) => fragmentId === undefined || this.knownWidgets.get(id)?.fragmentId === fragmentId;
    this.state.endRun(completed ? new Set(run.widgets.keys()) : null, inScope);
    if (completed) {
      for (const id of [...this.knownWidgets.keys()]) if (inScope(id)) this.knownWidgets.delete(id);
      if (!run.fragment) {
        this.fragments = run.fragments;
        this.fragmentTimers.reset(this.fragments.values(), (scope) => this.requestRerun(scope));
      }
    }
    for (const [id, widget] of run.widgets) this.knownWidgets.set(id, widget);
    this.hasLiveWidgets = true;
    this.lastOutcome = outcome;
    if (completed) this.tables.prune(shownTables(this.tree.roots));
    const page = this.navigation.takeChanges();
    if (page) this.queue.frame({ t: "page", page });
    this.queue.runEnd(outcome, ops);
  }

  /** `st.form(clear_on_submit=True)`: after the run its submission triggered, its widgets go back to their defaults. */
  private clearSubmittedForms(run: ScriptRun): void {
    if (run.formsToClear.size === 0) return;
    for (const widget of run.widgets.values()) {
      if (widget.formId === undefined || !run.formsToClear.has(widget.formId) || widget.path === undefined) continue;
      if (widget.kind === "form_submit_button") continue;
      const current = this.state.widget(widget.id);
      if (!current) continue;
      // As in Streamlit, only the browser resets: the script sees the submitted values until the next submit.
      this.state.setWidget(widget.id, { ...current, shown: widget.defaultWire });
      widget.props = widget.propsFor(widget.defaultWire);
      this.put(widget.path, { kind: widget.kind, props: widget.props } as TreeNode);
    }
  }

  /** A form's submission carries every value its widgets show, the cleared ones included. */
  private applyShownValues(formId: string, submitted: ReadonlySet<string>): void {
    for (const widget of this.knownWidgets.values()) {
      if (!("fromWire" in widget) || widget.formId !== formId || submitted.has(widget.id)) continue;
      const current = this.state.widget(widget.id);
      if (current?.shown === undefined) continue;
      this.state.setWidget(widget.id, { wire: current.shown, value: widget.fromWire(current.shown), key: widget.key });
    }
  }

  private async persist(): Promise<void> {
    if (!this.persistHook) return;
    try {
      await this.persistHook(this.toPersisted());
      this.saveFailed = false;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      console.error("Could not save session state:", reason);
      // The viewer hears it once, until a save works again: the session goes on from memory, but
      // a restart before the next good save would bring back an older state.
      if (this.saveFailed) return;
      this.saveFailed = true;
      this.queue.send({ t: "error", code: "save_failed", message: "This session could not be saved just now. The app goes on, but if it restarts before the next save, it comes back as it was before." });
    }
  }

  toPersisted(): PersistedSession {
    const widgets: KnownWidget[] = [...this.knownWidgets.values()].map(({ id, kind, props, key, trigger, fragmentId }) => ({
      id,
      kind,
      props,
      key,
      trigger,
      fragmentId,
    }));
    return { version: 1, state: this.state.snapshot(), tree: this.tree.roots, widgets, context: this.browserContext, page: this.navigation.state, ...(this.halted ? { halted: true } : {}), ...(this.uploads.size > 0 ? { uploads: [...this.uploads.values()] } : {}), ...(this.userRead ? { user: { claims: this.user } } : {}) };
  }
}

/** The JSON size of a table's wire form, counted without building one string of it. */
function wireBytes(wire: WireTable): number {
  let bytes = 200 + JSON.stringify(wire.columns).length;
  for (const column of [...wire.data, wire.index_data ?? []]) {
    for (const cell of column) bytes += typeof cell === "string" ? cell.length + 3 : cell === null || typeof cell !== "object" ? 12 : JSON.stringify(cell).length + 1;
  }
  return bytes;
}

/** Ids of the tables the page's elements show. */
function shownTables(roots: readonly TreeNode[]): Set<string> {
  const ids = new Set<string>();
  const visit = (node: TreeNode) => {
    if (isBlock(node)) node.children.forEach(visit);
    else {
      const id = (node.props as { table?: { id?: unknown } }).table?.id;
      if (typeof id === "string") ids.add(id);
    }
  };
  roots.forEach(visit);
  return ids;
}

/** The error box of a run stopped by its CPU limit. */
function cpuLimitProps(limitSeconds: number): LeafProps["exception"] {
  return {
    type: "CpuLimitExceeded",
    message: `This app's script ran past its limit of ${limitSeconds} s of CPU. It was stopped; session state is as the last finished run left it. Rerun to try again.`,
    stack: [],
  };
}

function invoke(callback: Callback): unknown {
  return callback.kwargs === undefined
    ? callback.fn(...callback.args)
    : callback.fn(...callback.args, callback.kwargs);
}
