/**
 * The session Durable Object: the platform's thin shell around one browser session. It holds
 * the sockets and the session's storage, and runs no app code: the engine and the script run in
 * the app's own isolate (a Worker Loader worker, keyed by app and code hash), as a facet of this
 * object, reached through sessions/isolate.ts. Every frame the isolate sends is masked for the
 * app's secrets here, whatever the app wrote.
 */
import { RpcTarget } from "cloudflare:workers";
import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import { apps } from "#catalog";
import { engineModules } from "./runtime/engine.gen.ts";
import { browserContextOf, pageRequestFrom, pageRequestOfPage } from "./engine/browser_context.ts";
import { declarableComponents, findApp, type AppEntry } from "./apps.ts";
import { resolveConfig, type ResolvedConfig } from "./config/resolve.ts";
import { sessionName } from "./session_name.ts";
import { decodeUserHeader, USER_HEADER } from "./auth/user.ts";
import { appSecrets } from "./secrets/app_secrets.ts";
import type { AppSecrets } from "./secrets/secrets.ts";
import { BATCH as STORAGE_BATCH, LEGACY_KEY } from "./persistence/store.ts";
import { frameSizeRefusal, parseSort, type ServerFrame } from "./protocol.ts";
import { RATE_LIMITED_MESSAGE, SESSION_FRAME_BURST, SESSION_FRAMES_PER_SECOND, TokenBucket } from "./rate_limit.ts";
import { ISOLATE_FACET_NAME, ISOLATE_SESSION_CLASS, type TableCsvSpec, type IsolateEnvShape, type IsolateSession, type IsolateSessionInit, type SessionHost } from "./isolate.ts";
import type { AppCache, AppDatabase, AppOutbound } from "./capabilities.ts";
import { isolateCompatibility, platformHostOf } from "./isolate_config.ts";
import { FILE_ID, MEDIA_ID } from "./engine/files.ts";

/** The platform's own key (outside the session's, which the isolate writes): the isolate failed last time. */
const FAILED_KEY = "platform:isolate-failed";
/** The platform's own key: the page's request ran the script before any browser connected (`firstPaint`). */
const PAINTED_KEY = "platform:painted";
/** How long a page's request waits for the first run before it paints what the run has shown so far. */
export const FIRST_PAINT_WAIT_MS = 1500;

/** `runner.cpuLimitSeconds` when an app's config says nothing. */
export const DEFAULT_CPU_LIMIT_SECONDS = 30;
/** `server.maxUploadSize` when an app's config says nothing, as Streamlit's. */
export const DEFAULT_MAX_UPLOAD_MB = 200;
/** What a multipart body may hold besides its file (boundaries, headers, the widget id). */
export const MULTIPART_SLACK_BYTES = 64 * 1024;
/** The largest download one st.download_button may offer. */
const MAX_MEDIA_BYTES = 100 * 1024 * 1024;

interface PlatformExports {
  AppCache(options: { props: { slug: string } }): Fetcher<AppCache>;
  AppDatabase(options: { props: { slug: string; binding: string } }): Fetcher<AppDatabase>;
  AppOutbound(options: { props: { slug: string; platformHost: string } }): Fetcher<AppOutbound>;
}

export class SessionServer extends Server<Env> {
  static override options = { hibernate: true };
  private readonly host = new SessionHostTarget(this);
  private entry: AppEntry | null = null;
  private secrets: AppSecrets | null = null;
  private resolved: ResolvedConfig | null = null;
  private isolate: IsolateSession | null = null;
  private failed: boolean | null = null;
  /** Was the page painted from a run no browser has seen yet? Read from storage once, then kept in memory. */
  private painted: boolean | null = null;
  /** In memory only: a Durable Object woken from hibernation starts with a full bucket. */
  private readonly frames = new TokenBucket(SESSION_FRAME_BURST, SESSION_FRAMES_PER_SECOND, Date.now());

  override async onConnect(connection: Connection, ctx: ConnectionContext): Promise<void> {
    const app = this.app();
    // Refreshed on each connect (a reload, a reconnect); stored with the session for its later runs.
    const context = browserContextOf(ctx.request, "");
    // Set by the Worker from the app's identity cookie; the session reads it once, when it starts.
    const user = decodeUserHeader(ctx.request.headers.get(USER_HEADER));
    try {
      // The page as it was shows at once; the rerun a page load triggers then sends only what changed.
      // After the isolate failed, a page load shows the page without running the script again unasked.
      const failed = await this.hasFailed();
      const painted = !failed && (await this.takePainted());
      const shown = await this.call((session) => session.attach({ context, user, runFollows: !failed, painted }));
      connection.send(this.redact(shown.message));
      if (!shown.runFollows) return;
      // Not awaited: the socket opens only when onConnect returns (partyserver answers the upgrade
      // then), and the run streams its elements to it as it goes. Awaiting the whole run held back
      // the first frames and made a run longer than PartySocket's 4 s connect timeout never connect.
      const location = pageRequestFrom(ctx.request.url);
      this.ctx.waitUntil(this.call((session) => session.load(location)).then(() => undefined, (error: unknown) => this.isolateFailed(error, connection)));
    } catch (error) {
      this.isolateFailed(error, connection);
    }
  }

  /**
   * An app page's request (edge/first_paint.ts), so that its HTML carries the page: the message
   * (snapshot and page frames, masked) of the session as it is, or null when there is no such
   * session. `fresh`: the Worker named a new session for the request; it runs the script first
   * as a page load does, for at most FIRST_PAINT_WAIT_MS (a longer run paints what it has shown
   * so far and goes on), and the browser's connect then does not run it again unless that run read
   * `st.context`, which only the browser can tell.
   */
  async firstPaint(request: Request, fresh: boolean): Promise<string | null> {
    try {
      if (fresh && !(await this.exists())) {
        const context = browserContextOf(request, "");
        const user = decodeUserHeader(request.headers.get(USER_HEADER));
        await this.call((session) => session.attach({ context, user, runFollows: true }));
        await this.setPainted(true);
        const run = this.call((session) => session.load(pageRequestOfPage(request.url))).then(
          () => undefined,
          (error: unknown) => this.isolateFailed(error),
        );
        this.ctx.waitUntil(run);
        await Promise.race([run, new Promise((resolve) => setTimeout(resolve, FIRST_PAINT_WAIT_MS))]);
      } else if (!(await this.exists())) {
        return null;
      }
      return this.redact(await this.call((session) => session.view()));
    } catch (error) {
      this.isolateFailed(error);
      return null;
    }
  }

  /** Was the page painted from a run no browser has seen? Answers once: the flag is cleared. */
  private async takePainted(): Promise<boolean> {
    this.painted ??= (await this.ctx.storage.get(PAINTED_KEY)) !== undefined;
    if (!this.painted) return false;
    await this.setPainted(false);
    return true;
  }

  private async setPainted(painted: boolean): Promise<void> {
    this.painted = painted;
    await (painted ? this.ctx.storage.put(PAINTED_KEY, Date.now()) : this.ctx.storage.delete(PAINTED_KEY));
  }

  override async onClose(): Promise<void> {
    // Nobody is watching: fragments stop rerunning on their timers until the next connect.
    if ([...this.getConnections()].length === 0) await this.call((session) => session.pauseTimers()).catch((error: unknown) => this.isolateFailed(error));
  }

  override async onMessage(connection: Connection, message: WSMessage): Promise<void> {
    // Before the isolate: a flood, or a frame too large, costs a check here and no crossing.
    const refusal = this.frameRefusal(message);
    if (refusal) return connection.send(JSON.stringify([refusal]));
    const raw = typeof message === "string" || message instanceof ArrayBuffer ? message : copyBytes(message);
    try {
      // The viewer asks: the script may run again.
      if (await this.hasFailed()) await this.setFailed(false);
      const reply = await this.call((session) => session.message(raw));
      // Refusals and rows go to the socket that asked, not to the session's other tabs.
      if (reply) connection.send(this.redact(reply));
    } catch (error) {
      // Not a refusal of the frame: the session every socket shows went back to its last
      // finished run, so every socket is told.
      this.isolateFailed(error);
    }
  }

  /**
   * The refusal of a frame the isolate need not see: over the session's rate (sessions/rate_limit.ts;
   * per session, not per socket, as a session's frames all cost its one isolate and sockets are
   * cheap to open), or text over the size limit. It goes to the sending socket only.
   */
  private frameRefusal(message: WSMessage): Extract<ServerFrame, { t: "error" }> | null {
    if (!this.frames.take(Date.now())) return { t: "error", code: "rate_limited", message: RATE_LIMITED_MESSAGE };
    const tooLarge = typeof message === "string" ? frameSizeRefusal(message) : null;
    return tooLarge ? { t: "error", code: "frame_too_large", message: tooLarge } : null;
  }

  /** Did the last call into the isolate fail? Read from storage once, then kept in memory. */
  private async hasFailed(): Promise<boolean> {
    this.failed ??= (await this.ctx.storage.get(FAILED_KEY)) !== undefined;
    return this.failed;
  }

  private async setFailed(failed: boolean): Promise<void> {
    this.failed = failed;
    await (failed ? this.ctx.storage.put(FAILED_KEY, Date.now()) : this.ctx.storage.delete(FAILED_KEY));
  }

  /**
   * A call into the app's isolate failed: its code broke the engine, or the runtime stopped it
   * (production's `limits.cpuMs`, its memory limit). The browser is told; the next call opens the
   * session again from storage, as its last finished run left it.
   */
  private isolateFailed(error: unknown, connection?: Connection): void {
    void this.setFailed(true);
    // The next call asks for the facet afresh.
    this.isolate = null;
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`App ${this.app().slug}: its isolate failed: ${this.redact(reason)}`);
    const cpu = /cpu/i.test(reason);
    const message = cpu
      ? "This app's script ran past its CPU limit and was stopped. Its session is as its last finished run left it."
      : "This app stopped unexpectedly. Its session is as its last finished run left it; interact to run it again.";
    const frame = JSON.stringify([{ t: "error", code: "app_failed", message } satisfies ServerFrame]);
    if (connection) connection.send(frame);
    else this.broadcast(frame);
  }

  /**
   * The session's files, as the Worker forwards them from the app's origin (edge/index.ts):
   * uploads (PUT / DELETE /_stcore/upload_file/<session>/<file>) and downloads (GET
   * /_stcore/media/<session>/<media>, GET /_stcore/download/<session>/<widget> for one made when
   * clicked). Every byte is under this app's and this session's own prefix of the bucket.
   */
  override async onRequest(request: Request): Promise<Response> {
    const parts = new URL(request.url).pathname.split("/").filter(Boolean);
    const [stcore, route, sessionId, item] = parts;
    if (stcore !== "_stcore" || parts.length !== 4 || sessionId !== sessionName.parse(this.name).sessionId) {
      return new Response("This endpoint only speaks WebSocket.", { status: 426, headers: { Upgrade: "websocket" } });
    }
    const id = decodeURIComponent(item!);
    if (route === "upload_file" && (request.method === "PUT" || request.method === "POST")) {
      const response = await this.upload(request, id);
      // A refused upload's body is still taken (the Worker streams it here; it is bounded by the
      // Worker's size check), and dropped.
      if (!request.bodyUsed) await request.arrayBuffer().catch(() => undefined);
      return response;
    }
    if (route === "upload_file" && request.method === "DELETE") return this.deleteUpload(id);
    if (route === "media" && request.method === "GET") return this.serveMedia(id);
    if (route === "download" && request.method === "GET") return this.deferredDownload(id);
    const csv = /^([A-Za-z0-9]{1,64})\.csv$/.exec(id);
    if (route === "table" && csv && request.method === "GET") return this.tableCsv(csv[1]!, new URL(request.url).searchParams);
    return text("Method not allowed.", 405);
  }

  /** Where this session's files are in the bucket: nothing of another app or session is under it. */
  filesPrefix(): string {
    const { slug, sessionId } = sessionName.parse(this.name);
    return `apps/${slug}/sessions/${sessionId}/`;
  }

  get bucket(): R2Bucket {
    return this.env.UPLOADS;
  }

  maxUploadMb(): number {
    return Number(this.config().get("server.maxUploadSize") ?? DEFAULT_MAX_UPLOAD_MB);
  }

  /** Has a browser ever run this session? (A name nobody opened is no session.) */
  private async exists(): Promise<boolean> {
    return (await this.ctx.storage.list({ prefix: LEGACY_KEY, limit: 1 })).size > 0;
  }

  private async upload(request: Request, fileId: string): Promise<Response> {
    if (!FILE_ID.test(fileId)) return text("A file id is 8 to 64 letters, digits, - or _.", 400);
    if (!(await this.exists())) return text("No such session of this app: open the app's page first.", 404);
    const limitMb = this.maxUploadMb();
    const tooLarge = () => text(`File too large: this app accepts uploads of at most ${limitMb} MB (server.maxUploadSize).`, 413);
    const declared = Number(request.headers.get("Content-Length") ?? NaN);
    if (Number.isFinite(declared) && declared > limitMb * 1024 * 1024 + MULTIPART_SLACK_BYTES) return tooLarge();
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return text('Expected a multipart form with the file (field "file") and its widget (field "widget_id").', 400);
    }
    // Streamlit's own client names the field after the file: any one file field will do.
    const file = (form.get("file") ?? [...form.values()].find((value) => typeof value === "object")) as unknown;
    const widgetId = form.get("widget_id");
    if (typeof file !== "object" || file === null || typeof (file as File).arrayBuffer !== "function" || typeof widgetId !== "string") {
      return text('Expected a multipart form with the file (field "file") and its widget (field "widget_id").', 400);
    }
    const upload = file as File;
    if (upload.size > limitMb * 1024 * 1024) return tooLarge();
    const name = String(upload.name || "file").slice(0, 255);
    const type = String(upload.type || "application/octet-stream").slice(0, 255);
    let answer: { ok: true } | { error: string };
    try {
      answer = await this.call((session) => session.acceptUpload({ widget_id: widgetId, file_id: fileId, name, type, size: upload.size }));
    } catch (error) {
      this.isolateFailed(error);
      return text("This app stopped unexpectedly; the file was not stored.", 500);
    }
    if ("error" in answer) return text(this.redact(answer.error), 400);
    try {
      await this.bucket.put(this.filesPrefix() + fileId, await upload.arrayBuffer(), {
        httpMetadata: { contentType: type },
        customMetadata: { name, widget: widgetId.slice(0, 256) },
      });
    } catch (error) {
      await this.call((session) => session.removeUpload(fileId)).catch(() => undefined);
      console.error(`App ${this.app().slug}: could not store an upload: ${error instanceof Error ? error.message : String(error)}`);
      return text("The file could not be stored; try again.", 500);
    }
    return new Response(null, { status: 204 });
  }

  private async deleteUpload(fileId: string): Promise<Response> {
    if (!FILE_ID.test(fileId)) return text("A file id is 8 to 64 letters, digits, - or _.", 400);
    if (!(await this.exists())) return text("No such session of this app.", 404);
    const answer = await this.call((session) => session.removeUpload(fileId));
    if (!answer.removed) return text("No such file in this session.", 404);
    await this.bucket.delete(this.filesPrefix() + fileId);
    return new Response(null, { status: 204 });
  }

  private async serveMedia(mediaId: string): Promise<Response> {
    if (!MEDIA_ID.test(mediaId)) return text("No such file.", 404);
    const object = await this.bucket.get(`${this.filesPrefix()}media/${mediaId}`);
    if (!object) return text("No such file: it belongs to a run of the app that is over; click the button again.", 404);
    return attachment(object);
  }

  private async deferredDownload(widgetId: string): Promise<Response> {
    if (!(await this.exists())) return text("No such session of this app.", 404);
    let answer: { media_id: string } | { error: string };
    try {
      answer = await this.call((session) => session.download(widgetId));
    } catch (error) {
      this.isolateFailed(error);
      return text("This app stopped unexpectedly; nothing to download.", 500);
    }
    if ("error" in answer) return text(this.redact(answer.error), 404);
    return this.serveMedia(answer.media_id);
  }

  /** The grid's "Download as CSV" of a large table: streamed from the app's isolate, never whole in memory. */
  private async tableCsv(id: string, params: URLSearchParams): Promise<Response> {
    const spec = tableCsvSpec(params);
    if (typeof spec === "string") return new Response(spec, { status: 400 });
    const stream = await this.call((session) => session.tableCsv(id, spec));
    if (!stream) return new Response("This table is no longer on the page.", { status: 404 });
    const name = `${new Date().toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15)}_export.csv`;
    return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
  }

  /** `text` with the app's secret values masked: nothing from the isolate reaches a browser unmasked. */
  redact(text: string): string {
    this.secrets ??= appSecrets(this.app().slug, this.env as unknown as Record<string, unknown>);
    return this.secrets.redact(text);
  }

  /**
   * Calls the session in the app's isolate; a fresh isolate (first call, or its isolate was
   * replaced) answers `false`, and the session is opened there from storage and asked again.
   */
  private async call<T>(method: (session: IsolateSession) => Promise<T | false>): Promise<T> {
    const session = this.isolateSession();
    const answer = await method(session);
    if (answer !== false) return answer;
    await session.open(this.init(), this.host);
    const again = await method(session);
    if (again === false) throw new Error("The app's isolate did not open the session.");
    return again;
  }

  /** The app's config.toml with the Worker's environment over it, resolved once per object. */
  private config(): ResolvedConfig {
    return (this.resolved ??= resolveConfig(this.app().config, this.env));
  }

  private init(): IsolateSessionInit {
    const config = this.config();
    return {
      showErrorDetails: config.showErrorDetails,
      showSidebarNavigation: config.get("client.showSidebarNavigation") !== false,
      maxMessageBytes: Number(config.get("server.maxMessageSize") ?? 200) * 1024 * 1024,
      maxUploadSizeMb: this.maxUploadMb(),
      components: declarableComponents(this.app()),
    };
  }

  /** The session's facet, of the class the app's isolate exports. */
  private isolateSession(): IsolateSession {
    if (this.isolate) return this.isolate;
    const app = this.app();
    const worker = this.env.LOADER.get(app.bundle.id, () => this.isolateCode(app));
    const facet = this.ctx.facets.get(ISOLATE_FACET_NAME, () => ({ class: worker.getDurableObjectClass(ISOLATE_SESSION_CLASS) }));
    return (this.isolate = facet as unknown as IsolateSession);
  }

  /** What the app's isolate is made of: its code, the engine, and only its own capabilities. */
  private isolateCode(app: AppEntry): WorkerLoaderWorkerCode {
    const exports = (this.ctx as unknown as { exports: PlatformExports }).exports;
    const secrets = appSecrets(app.slug, this.env as unknown as Record<string, unknown>);
    const cpuLimit = Number(this.config().get("runner.cpuLimitSeconds") ?? DEFAULT_CPU_LIMIT_SECONDS);
    const env: IsolateEnvShape = {
      APP_SLUG: app.slug,
      SECRETS: secrets.forIsolate(),
      CPU_LIMIT_SECONDS: cpuLimit,
      CACHE: exports.AppCache({ props: { slug: app.slug } }),
    };
    for (const binding of secrets.connectionBindings()) {
      if (isDatabaseBinding(this.env, binding)) env[`D1:${binding}`] = exports.AppDatabase({ props: { slug: app.slug, binding } });
    }
    return {
      ...isolateCompatibility,
      mainModule: "main.js",
      modules: { ...engineModules, "app.js": app.bundle.code },
      env,
      globalOutbound: exports.AppOutbound({ props: { slug: app.slug, platformHost: platformHostOf(this.env) } }),
      limits: { cpuMs: Math.ceil(cpuLimit * 1000) },
    };
  }

  /** The Durable Object's storage, of which the session's isolate reaches only the session's keys. */
  get storage(): DurableObjectStorage {
    return this.ctx.storage;
  }

  app(): AppEntry {
    if (this.entry) return this.entry;
    const { slug } = sessionName.parse(this.name);
    const app = findApp(apps, slug);
    if (!app) throw new Error(`Session ${this.name} names no known app.`);
    return (this.entry = app);
  }
}

/** The view a CSV download asks for (`?sort=[{"column":0,"desc":true}]&search=x&hide_index=1`), or why it is bad. */
function tableCsvSpec(params: URLSearchParams): TableCsvSpec | string {
  const spec: TableCsvSpec = {};
  const sort = params.get("sort");
  if (sort) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(sort);
    } catch {
      return "`sort` must be JSON.";
    }
    const order = parseSort(parsed);
    if (!order) return "`sort` must be a list of {column, desc}.";
    spec.sort = order;
  }
  const search = params.get("search");
  if (search) {
    if (search.length > 1000) return "`search` is too long.";
    spec.search = search;
  }
  if (params.get("hide_index") === "1") spec.hideIndex = true;
  return spec;
}

function copyBytes(view: ArrayBufferView): ArrayBuffer {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
}

/** A D1 database of the platform's Worker; the platform's own bindings never are one an app may use. */
function isDatabaseBinding(env: Env, name: string): boolean {
  if (name === "SESSIONS" || name === "CACHE" || name === "ASSETS" || name === "LOADER" || name === "UPLOADS") return false;
  const value = (env as unknown as Record<string, unknown>)[name];
  return typeof value === "object" && value !== null && typeof (value as D1Database).prepare === "function" && typeof (value as D1Database).batch === "function";
}

/**
 * The platform's side of the session, as its isolate reaches it: the sockets (masked) and the
 * session's own storage keys, nothing else of the Durable Object.
 */
class SessionHostTarget extends RpcTarget implements SessionHost {
  constructor(private readonly server: SessionServer) {
    super();
  }

  send(message: string): void {
    if (typeof message !== "string") throw new TypeError("A socket message is a string.");
    this.server.broadcast(this.server.redact(message));
  }

  async list(options: { prefix: string }): Promise<Map<string, unknown>> {
    return this.server.storage.list({ prefix: sessionKey(options?.prefix) });
  }

  async put(entries: Record<string, unknown>): Promise<void> {
    for (const key of Object.keys(entries)) sessionKey(key);
    await this.server.storage.put(entries);
  }

  async delete(keys: string[]): Promise<unknown> {
    return this.server.storage.delete(keys.map(sessionKey));
  }

  async write(puts: Record<string, unknown>, deletes: string[]): Promise<void> {
    const keys = Object.keys(puts);
    if (keys.length > STORAGE_BATCH || !Array.isArray(deletes) || deletes.length > STORAGE_BATCH) throw new RangeError(`A write takes at most ${STORAGE_BATCH} keys to put and ${STORAGE_BATCH} to delete.`);
    for (const key of keys) sessionKey(key);
    const deleting = deletes.map(sessionKey);
    // Nothing awaited between the two: Durable Object storage commits them as one transaction.
    await Promise.all([keys.length > 0 ? this.server.storage.put(puts) : undefined, deleting.length > 0 ? this.server.storage.delete(deleting) : undefined]);
  }

  async readUpload(fileId: string): Promise<ArrayBuffer | null> {
    if (typeof fileId !== "string" || !FILE_ID.test(fileId)) return null;
    const object = await this.server.bucket.get(this.server.filesPrefix() + fileId);
    return object ? object.arrayBuffer() : null;
  }

  async putMedia(id: string, bytes: ArrayBuffer, meta: { mime: string; file_name: string }): Promise<void> {
    if (typeof id !== "string" || !MEDIA_ID.test(id)) throw new TypeError("A media id is a content digest (8 to 40 lowercase letters and digits).");
    if (!(bytes instanceof ArrayBuffer)) throw new TypeError("A download's data is an ArrayBuffer.");
    if (bytes.byteLength > MAX_MEDIA_BYTES) throw new RangeError(`A download may hold at most ${MAX_MEDIA_BYTES / 1024 / 1024} MB.`);
    const mime = typeof meta?.mime === "string" && /^[\w.+-]+\/[\w.+-]+(;.*)?$/.test(meta.mime) ? meta.mime.slice(0, 200) : "application/octet-stream";
    const fileName = typeof meta?.file_name === "string" && meta.file_name ? meta.file_name.slice(0, 255) : "download";
    await this.server.bucket.put(`${this.server.filesPrefix()}media/${id}`, bytes, { httpMetadata: { contentType: mime }, customMetadata: { file_name: fileName } });
  }
}

function text(body: string, status: number): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A stored download, as a file the browser saves (never a page of the app's origin). */
function attachment(object: R2ObjectBody): Response {
  const name = object.customMetadata?.file_name || "download";
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(object.body, {
    headers: {
      "Content-Type": object.httpMetadata?.contentType ?? "application/octet-stream",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Content-Length": String(object.size),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, max-age=3600",
    },
  });
}

/** Keys of the session's saved state (persistence/store.ts); the Durable Object's others are the platform's. */
function sessionKey(key: unknown): string {
  if (typeof key !== "string" || !key.startsWith(LEGACY_KEY)) throw new TypeError(`The session's storage holds only keys under "${LEGACY_KEY}".`);
  return key;
}
