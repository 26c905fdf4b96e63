/**
 * The app page's HTML carries the session's page (issue: first paint before any script runs).
 * A reload names the tab's session in a short-lived cookie the client sets as the page goes
 * (client/socket.ts); the Worker asks that session for its page as it is. Any other page load
 * gets a new session, which runs the script for the request as a page load does (its Durable
 * Object's `firstPaint`). The page is rendered by the client's own components
 * (client/first_paint.tsx), and the client takes it over without drawing it again.
 */
import { getServerByName } from "partyserver";
import { renderFirstPaint } from "#first-paint";
import { sessionName } from "../sessions/session_name.ts";
import type { SessionServer } from "../sessions/session.ts";
import { RESUME_COOKIE, type ServerFrame } from "../sessions/protocol.ts";

export interface FirstPaint {
  /** The session the page shows; `fresh` when the Worker made it for this request. */
  session: { id: string; fresh: boolean };
  /** The inner HTML of #root. */
  html: string;
  /** The reload cookie was read: it is deleted with the response. */
  resumed: boolean;
}

/**
 * The page of the session `request` resumes or starts, or null when none is painted (a request
 * that is not a page view: a prefetch; or the session could not answer). `forward` is the request
 * as the session's Durable Object gets it (the platform's headers set, the browser's dropped).
 */
export async function firstPaintOf(sessions: DurableObjectNamespace<SessionServer>, slug: string, request: Request, forward: Request): Promise<FirstPaint | null> {
  if (request.method !== "GET" || /prefetch|prerender/i.test(request.headers.get("Sec-Purpose") ?? "")) return null;
  const resume = resumeCookieOf(request.headers.get("Cookie"));
  if (resume) {
    const message = await (await painter(sessions, slug, resume)).firstPaint(forward, false);
    if (message !== null) return { session: { id: resume, fresh: false }, html: render(message), resumed: true };
  }
  const id = sessionName.newId();
  const message = await (await painter(sessions, slug, id)).firstPaint(forward, true);
  return message === null ? null : { session: { id, fresh: true }, html: render(message), resumed: resume !== null };
}

// getServerByName names the object (partyserver's `name`) before it is called.
const painter = (sessions: DurableObjectNamespace<SessionServer>, slug: string, id: string) => getServerByName(sessions, sessionName.of(slug, id));

function render(message: string): string {
  return renderFirstPaint(JSON.parse(message) as ServerFrame[]);
}

function resumeCookieOf(header: string | null): string | null {
  for (const part of (header ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === RESUME_COOKIE && value && sessionName.isValidId(value)) return value;
  }
  return null;
}
