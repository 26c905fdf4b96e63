import ReconnectingWebSocket from "partysocket/ws";
import { currentLocation } from "./pages.ts";
import { themeType, themeWatch } from "./theme.ts";
import { createSignal, type Accessor } from "solid-js";
import { RESUME_COOKIE, type ClientFrame, type ServerFrame } from "../sessions/protocol.ts";
import { sessionName } from "../sessions/session_name.ts";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting";

export interface Connection {
  status: Accessor<ConnectionStatus>;
  /** The session this tab speaks to (`/_stcore/stream/<id>`); its other routes name it too. */
  sessionId: string;
  send(frame: ClientFrame): void;
  close(): void;
}

/**
 * Opens the session's socket on the app's own origin (edge/index.ts checks Origin). It reconnects
 * by itself (and queues frames sent meanwhile); each message is a JSON array of frames, handed
 * over in order.
 */
export function createConnection(slug: string, painted: PaintedSession | undefined, onFrames: (frames: ServerFrame[]) => void): Connection {
  const [status, setStatus] = createSignal<ConnectionStatus>("connecting");
  const sessionId = sessionIdFor(slug, painted);
  resumeOnReload(sessionId);
  // partysocket's reconnecting socket alone (its PartySocket wrapper only builds this URL):
  // the URL is made anew for each attempt, so a reconnect tells the page the browser is at now.
  const base = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/_stcore/stream/${sessionId}`;
  const socket = new ReconnectingWebSocket(() => `${base}?${contextQuery()}`);
  // The viewer switched theme (Settings, or the system's while following it): the next run sees it.
  themeWatch.onThemeType = (type) => socket.send(JSON.stringify({ t: "theme", type } satisfies ClientFrame));
  socket.addEventListener("open", () => setStatus("connected"));
  socket.addEventListener("close", () => setStatus((was) => (was === "connecting" ? "connecting" : "reconnecting")));
  socket.addEventListener("message", (event: MessageEvent) => {
    const frames = parseMessage(event.data);
    if (frames) onFrames(frames);
  });
  return {
    status,
    sessionId,
    send: (frame) => socket.send(JSON.stringify(frame)),
    close: () => socket.close(),
  };
}

/** What `st.context` tells the script about the browser: the page and query string it is at (a multipage app's URL, a reload, a bookmark), its time zone, locale and theme. */
function contextQuery(): URLSearchParams {
  return new URLSearchParams({
    ...currentLocation(),
    tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
    tzo: String(new Date().getTimezoneOffset()),
    locale: navigator.language,
    theme: themeType,
  });
}

/**
 * `st.login()` / `st.logout()`: the browser goes to the app's sign-in route and comes back in
 * a new session (which reads the identity cookie as it starts), as Streamlit does.
 * Only the app's own `auth/` paths are followed.
 */
export function leaveForSignIn(slug: string, url: string, connection: Connection): void {
  const allowed = "/auth/";
  if (typeof url !== "string" || !url.startsWith(allowed) || url.includes("..")) {
    console.warn("edgelit: ignoring a sign-in redirect outside the app", url);
    return;
  }
  connection.close();
  try {
    sessionStorage.removeItem(sessionKey(slug));
  } catch {
    // Storage disabled: the next page load starts a new session anyway.
  }
  location.assign(url);
}

function sessionKey(slug: string): string {
  return `edgelit:session:${slug}`;
}

/** The session the server's first paint showed (edge/first_paint.ts): one it made for this page, or the one a reload resumed. */
export interface PaintedSession {
  id: string;
  fresh: boolean;
}

/**
 * One session per tab that survives a reload: sessionStorage is per tab, so a reload
 * resumes the session and a second tab starts its own. A tab without one takes the session
 * the server made for its page; a resumed session that is not this tab's (another tab's
 * reload cookie) is not taken.
 */
export function sessionIdFor(slug: string, painted?: PaintedSession): string {
  const key = sessionKey(slug);
  const offered = painted && SESSION_ID.test(painted.id) ? painted : undefined;
  try {
    const existing = sessionStorage.getItem(key);
    if (existing && SESSION_ID.test(existing)) return existing;
    const id = offered?.fresh ? offered.id : sessionName.newId();
    sessionStorage.setItem(key, id);
    return id;
  } catch {
    // Storage disabled (privacy mode, sandboxed frame): the session lasts as long as the page.
    return offered?.fresh ? offered.id : sessionName.newId();
  }
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * A reload's request names the tab's session (sessionStorage never reaches the server), so
 * that the server paints that session's page: a cookie of this origin, set as the page is left
 * and living a few seconds; the server deletes it when it reads it. Set on beforeunload, which
 * comes before the next page's request (pagehide comes only once its response is in).
 */
function resumeOnReload(sessionId: string): void {
  addEventListener("beforeunload", () => {
    document.cookie = `${RESUME_COOKIE}=${sessionId}; Max-Age=${RESUME_SECONDS}; Path=/; SameSite=Strict${location.protocol === "https:" ? "; Secure" : ""}`;
  });
}

const RESUME_SECONDS = 10;

function parseMessage(data: unknown): ServerFrame[] | null {
  if (typeof data !== "string") {
    console.warn("edgelit: ignoring a binary socket message");
    return null;
  }
  try {
    const frames: unknown = JSON.parse(data);
    if (Array.isArray(frames)) return frames as ServerFrame[];
    console.warn("edgelit: a socket message must be a JSON array of frames", frames);
  } catch (error) {
    console.warn("edgelit: ignoring a socket message that is not JSON", error);
  }
  return null;
}
