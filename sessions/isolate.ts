/**
 * The one interface between the platform and an app's isolate. The platform's session Durable
 * Object (sessions/session.ts) holds the browser's sockets and the session's storage; the app's
 * isolate (sessions/runtime/, built with the app's code by scripts/build-apps.ts) holds the
 * engine, which runs the script. Only plain data crosses, plus the host object through which
 * the isolate reaches the one session it serves.
 */
import type { BrowserContext } from "./engine/browser_context.ts";
import type { CsvSpec } from "./data/views.ts";
import type { UserClaims } from "./auth/user.ts";
import type { ShowErrorDetails } from "./errors.ts";
import type { SecretsSource, SecretTable } from "./secrets/secrets.ts";

/** What the platform gives the session when it opens it in the app's isolate. */
export interface IsolateSessionInit {
  showErrorDetails: ShowErrorDetails;
  showSidebarNavigation: boolean;
  /** `server.maxMessageSize`, in bytes: no element's data may exceed it. */
  maxMessageBytes: number;
  /** `server.maxUploadSize`, in MB: the platform refuses larger uploads, and file_uploaders say so. */
  maxUploadSizeMb?: number;
  /** The folders of the app's `components/` that hold a front end (an index.html): what `declare_component({ path })` may name. */
  components?: string[];
}

/** The platform's side of one session, as the isolate sees it (an RpcTarget in the Durable Object). */
export interface SessionHost {
  /** A socket message for every browser of the session (the platform masks secrets first). */
  send(message: string): void;
  /** The session's own storage: only keys under the session prefix (persistence/store.ts). */
  list(options: { prefix: string }): Promise<Map<string, unknown>>;
  put(entries: Record<string, unknown>): Promise<void>;
  delete(keys: string[]): Promise<unknown>;
  /** `put` then `delete` (at most 128 keys each) in one call, committed together: a click's save. */
  write(puts: Record<string, unknown>, deletes: string[]): Promise<void>;
  /** An uploaded file of this session (the platform reads only under the app's and session's own prefix), or null. */
  readUpload(fileId: string): Promise<ArrayBuffer | null>;
  /** Stores a download's bytes in this session's media store under `id` (a content digest). */
  putMedia(id: string, bytes: ArrayBuffer, meta: { mime: string; file_name: string }): Promise<void>;
}

/** An upload the browser sent, as the platform asks the session about it before storing it. */
export interface UploadRequest {
  widget_id: string;
  file_id: string;
  name: string;
  type: string;
  size: number;
}

/** The view of a table a CSV download is of: the grid's sort and search, with or without the index. */
export type TableCsvSpec = CsvSpec;

/** What a browser said when it connected, for `attach`. */
export interface IsolateConnect {
  context: BrowserContext;
  /** Who is signed in, as the platform verified it from the app's identity cookie. */
  user: UserClaims | null;
  /** The platform runs the page next (`load`): the browser is told a run is under way from the start. */
  runFollows?: boolean;
  /**
   * The server painted this page from a run made for the page's request, before any browser
   * connected (`firstPaint`): the page runs again only if that run read `st.context`, which the
   * browser only now tells. `runFollows` is then what `attach` answers.
   */
  painted?: boolean;
}

/** What `attach` answers: the message that shows the browser the page, and whether the platform runs it next. */
export interface IsolateAttached {
  message: string;
  runFollows: boolean;
}

/** What the page's request tells a session that has no browser yet, for its first run. */
export interface IsolateFirstPaint {
  context: BrowserContext;
  user: UserClaims | null;
  location: { urlPath: string; query: Record<string, string[]> } | null;
}

/**
 * The isolate's side of one session (a Durable Object facet of the app's code). Every method
 * but `open` answers `false` when the session is not open in this isolate (a fresh isolate):
 * the platform then opens it and asks again.
 */
export interface IsolateSession {
  open(init: IsolateSessionInit, host: SessionHost): Promise<void>;
  /** A browser connected: the message that shows it the page as it was, and whether a run follows. */
  attach(connect: IsolateConnect): Promise<IsolateAttached | false>;
  /** The page as it is now (a snapshot and a page frame), for a page the server paints; nothing changes. */
  view(): Promise<string | false>;
  /** After `attach`'s message went out: the page load's rerun (unless a run limit stopped the last one). */
  load(location: { urlPath: string; query: Record<string, string[]> } | null): Promise<boolean>;
  /**
   * One socket message from a browser. Answers with what goes back to that browser alone (a
   * refusal, the rows it asked for) as a socket message, or "" when nothing does.
   */
  message(raw: string | ArrayBuffer): Promise<string | false>;
  /** A table of the page as a CSV stream (null: no such table on the page). */
  tableCsv(id: string, spec: TableCsvSpec): Promise<ReadableStream<Uint8Array> | null | false>;
  /** Nobody watches: fragments stop rerunning on their timers. */
  pauseTimers(): Promise<boolean>;
  /** May this upload be stored? `{ ok: true }` and the session records it, or why not. */
  acceptUpload(upload: UploadRequest): Promise<{ ok: true } | { error: string } | false>;
  /** The viewer removed an uploaded file: the session forgets it (whether it knew it). */
  removeUpload(fileId: string): Promise<{ removed: boolean } | false>;
  /** A deferred download was clicked: its bytes are made and stored; their media id, or why not. */
  download(widgetId: string): Promise<{ media_id: string; file_name: string; mime: string } | { error: string } | false>;
}

/** The app's secrets as its isolate gets them: sign-in secrets (cookie and client secrets) masked. */
export interface IsolateSecrets {
  document: SecretTable | null;
  problem: string | null;
  source: SecretsSource;
}

/** The `env` of an app's isolate: plain values and capabilities bound to that one app. */
export interface IsolateEnvShape {
  APP_SLUG: string;
  SECRETS: IsolateSecrets;
  /** `runner.cpuLimitSeconds`: the per-run budget the guards enforce. */
  CPU_LIMIT_SECONDS: number;
  /** The app's key space of the platform's KV (sessions/capabilities.ts, AppCache). */
  CACHE: unknown;
  /** The D1 databases the app's secrets name, as `D1:<binding>` (AppDatabase). */
  [database: `D1:${string}`]: unknown;
}

/** The name under which the isolate's main module exports the session class. */
export const ISOLATE_SESSION_CLASS = "AppSessionFacet";
/** The facet's name in the session Durable Object. */
export const ISOLATE_FACET_NAME = "app";
