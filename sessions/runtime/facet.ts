/**
 * The app's isolate: the session class the platform's session Durable Object starts as a facet
 * (one per browser session), running the engine and the app's script. Built with the app's code
 * by scripts/build-apps.ts; the platform reaches it only through sessions/isolate.ts.
 */
import { DurableObject } from "cloudflare:workers";
import { AppSession, type ScriptFn } from "../engine/app_session.ts";
import type { AppPages } from "../engine/pages.ts";
import { SessionStore } from "../persistence/store.ts";
import type { ServerFrame } from "../protocol.ts";
import type { TableCsvSpec, IsolateAttached, IsolateConnect, IsolateEnvShape, IsolateSession, IsolateSessionInit, SessionHost, UploadRequest } from "../isolate.ts";
import { claimCpuBudget, type CpuBudget } from "./cpu_guard.ts";
import { isolatePlatform } from "./isolate_platform.ts";

/** The app module the build puts beside this one; a variable, so the bundler leaves it to the isolate. */
const APP_MODULE = "./app.js";

interface LoadedApp {
  script: ScriptFn;
  pages?: AppPages;
}

let budget: CpuBudget | null = null;
let loading: Promise<LoadedApp> | null = null;

/**
 * The app's code loads once per isolate, after the engine holds the CPU budget. A module that
 * throws while it loads makes a script that raises the same error, on this app's page only.
 */
function loadApp(): Promise<LoadedApp> {
  loading ??= (import(APP_MODULE) as Promise<{ app: LoadedApp }>).then(
    (module) => module.app,
    (error: unknown) => ({
      script: () => {
        throw error;
      },
    }),
  );
  return loading;
}

export class AppSessionFacet extends DurableObject<IsolateEnvShape> implements IsolateSession {
  private session: AppSession | null = null;

  async open(init: IsolateSessionInit, host: SessionHost): Promise<void> {
    if (this.session) return;
    budget ??= claimCpuBudget(this.env.CPU_LIMIT_SECONDS);
    const app = await loadApp();
    if (this.session) return;
    // The host outlives this call: the session sends frames and saves through it between calls.
    const kept = (host as SessionHost & { dup(): SessionHost }).dup();
    const store = new SessionStore(kept);
    const restored = await store.load();
    if (this.session) return;
    this.session = new AppSession({
      script: app.script,
      pages: app.pages,
      restored,
      send: (message) => kept.send(message),
      platform: isolatePlatform(this.env),
      persist: async (session) => {
        const dropped = await store.save(session);
        // A function, say, in session state: the value lives on in memory only.
        if (dropped.length > 0) console.warn(`Session state: ${dropped.length} value(s) cannot be stored and will not survive a restart.`);
      },
      showErrorDetails: init.showErrorDetails,
      showSidebarNavigation: init.showSidebarNavigation,
      maxMessageBytes: init.maxMessageBytes,
      budget,
      // Uploads and downloads: bytes only through the platform, which keeps them under this session's prefix.
      files: { readUpload: (fileId) => kept.readUpload(fileId), putMedia: (id, bytes, meta) => kept.putMedia(id, bytes, meta) },
      maxUploadSizeMb: init.maxUploadSizeMb,
      components: init.components,
    });
  }

  async attach({ context, user, runFollows = false, painted = false }: IsolateConnect): Promise<IsolateAttached | false> {
    const session = this.session;
    if (!session) return false;
    // A page painted from a run that never read st.context is what this browser would have got.
    const runs = painted ? session.contextRead : runFollows;
    session.browserContext = context;
    session.contextRead = false;
    session.startUser(user);
    // A run stopped by its CPU limit holds the page: `load` will not run it again.
    return { message: JSON.stringify([session.snapshotFrame(runs && !session.halted), session.pageFrame()]), runFollows: runs };
  }

  async view(): Promise<string | false> {
    const session = this.session;
    if (!session) return false;
    return JSON.stringify([session.snapshotFrame(), session.pageFrame()]);
  }

  async load(location: { urlPath: string; query: Record<string, string[]> } | null): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    // A run stopped by its CPU limit stays stopped until the viewer asks (a click, Rerun).
    if (session.halted) return true;
    if (location) session.navigation.request(location.urlPath, location.query);
    session.requestRerun();
    await session.idle();
    return true;
  }

  async message(raw: string | ArrayBuffer): Promise<string | false> {
    const session = this.session;
    if (!session) return false;
    const replies: ServerFrame[] = [];
    session.handleMessage(raw, (frame) => replies.push(frame));
    await session.idle();
    return replies.length > 0 ? JSON.stringify(replies) : "";
  }

  async tableCsv(id: string, spec: TableCsvSpec): Promise<ReadableStream<Uint8Array> | null | false> {
    const session = this.session;
    if (!session) return false;
    return session.tableCsv(id, spec);
  }

  async pauseTimers(): Promise<boolean> {
    if (!this.session) return false;
    this.session.pauseTimers();
    return true;
  }

  async acceptUpload(upload: UploadRequest): Promise<{ ok: true } | { error: string } | false> {
    if (!this.session) return false;
    const refusal = await this.session.acceptUpload({ ...upload });
    return refusal ? { error: refusal } : { ok: true };
  }

  async removeUpload(fileId: string): Promise<{ removed: boolean } | false> {
    if (!this.session) return false;
    return { removed: await this.session.removeUpload(String(fileId)) };
  }

  async download(widgetId: string): Promise<{ media_id: string; file_name: string; mime: string } | { error: string } | false> {
    if (!this.session) return false;
    return this.session.resolveDownload(String(widgetId));
  }
}
