/**
 * The session Durable Object: a thin partyserver shell around the engine. It restores the
 * session from storage, hands socket messages to it, broadcasts its frames and saves it
 * after every run (what changed only: see persistence/store.ts), so a session survives
 * hibernation, eviction and redeploys.
 */
import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import { browserContextOf, pageRequestFrom } from "./engine/browser_context.ts";
import { apps } from "#apps";
import { findApp, type AppEntry } from "./apps.ts";
import { resolveConfig } from "./config/resolve.ts";
import { AppSession, type PersistedSession } from "./engine/app_session.ts";
import { SessionStore } from "./persistence/store.ts";
import { sessionName } from "./session_name.ts";
import { decodeUserHeader, USER_HEADER } from "./auth/user.ts";
import { sessionPlatform } from "./session_platform.ts";

export class SessionServer extends Server<Env> {
  static override options = { hibernate: true };
  private session: AppSession | null = null;
  private readonly store = new SessionStore(this.ctx.storage);

  override async onStart(): Promise<void> {
    const app = this.app();
    const restored = await this.store.load();
    const platform = sessionPlatform(app.slug, this.env);
    const config = resolveConfig(app.config, this.env);
    this.session = new AppSession({
      script: app.script,
      pages: app.pages,
      restored,
      // No frame carries a secret value to the browser, whatever the app writes.
      send: (message) => this.broadcast(platform.secrets.redact(message)),
      platform,
      persist: (session) => this.save(session),
      showErrorDetails: config.showErrorDetails,
      showSidebarNavigation: config.get("client.showSidebarNavigation") !== false,
    });
  }

  override async onConnect(connection: Connection, ctx: ConnectionContext): Promise<void> {
    const session = this.requireSession();
    // Refreshed on each connect (a reload, a reconnect); stored with the session for its later runs.
    session.browserContext = browserContextOf(ctx.request, `/apps/${session.platform.app}`);
    // Set by the Worker from the app's identity cookie; read once, when the session starts.
    session.startUser(decodeUserHeader(ctx.request.headers.get(USER_HEADER)));
    // The page as it was shows at once; the rerun a page load triggers then sends only what changed.
    connection.send(session.platform.secrets.redact(JSON.stringify([session.snapshotFrame(), session.pageFrame()])));
    const location = pageRequestFrom(ctx.request.url);
    if (location) session.navigation.request(location.urlPath, location.query);
    session.requestRerun();
    await session.idle();
  }

  override onClose(): void {
    // Nobody is watching: fragments stop rerunning on their timers until the next connect.
    if ([...this.getConnections()].length === 0) this.session?.pauseTimers();
  }

  override async onMessage(_connection: Connection, message: WSMessage): Promise<void> {
    const session = this.requireSession();
    session.handleMessage(message);
    await session.idle();
  }

  override async onRequest(): Promise<Response> {
    return new Response("This endpoint only speaks WebSocket.", { status: 426, headers: { Upgrade: "websocket" } });
  }

  private app(): AppEntry {
    const { slug } = sessionName.parse(this.name);
    const app = findApp(apps, slug);
    if (!app) throw new Error(`Session ${this.name} names no known app.`);
    return app;
  }

  private requireSession(): AppSession {
    if (!this.session) throw new Error("Session used before it started.");
    return this.session;
  }

  private async save(session: PersistedSession): Promise<void> {
    const dropped = await this.store.save(session);
    // A function, say, in session state: the value lives on in memory only.
    if (dropped.length > 0) console.warn(`Session state: ${dropped.length} value(s) cannot be stored and will not survive a restart.`);
  }
}
