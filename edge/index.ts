/**
 * The Worker: the gallery, app pages, and each app session's WebSocket, forwarded to
 * the session's Durable Object. Static files (the client) are served from assets.
 */
import { Hono } from "hono";
import { getServerByName } from "partyserver";
import { apps } from "#apps";
import { findApp } from "../sessions/apps.ts";
import { sessionName } from "../sessions/session_name.ts";
import { appPage, galleryPage, notFoundPage } from "./pages.ts";
import { securityHeaders } from "./security.ts";

export { SessionServer } from "../sessions/session.ts";

const app = new Hono<{ Bindings: Env }>();

// A WebSocket upgrade's response belongs to the Durable Object and its headers cannot change.
app.use("*", (c, next) => (c.req.header("Upgrade") ? next() : securityHeaders(c, next)));

app.get("/", (c) => c.html(galleryPage(apps)));
app.get("/_stcore/health", (c) => c.text("ok"));

app.get("/apps/:slug", (c) => c.redirect(`/apps/${c.req.param("slug")}/`, 301));

app.get("/apps/:slug/", (c) => {
  const entry = findApp(apps, c.req.param("slug"));
  if (!entry) return c.html(notFoundPage(), 404);
  return c.html(appPage(entry));
});

// A page of a multipage app: the same shell; the client tells its session which page.
app.get("/apps/:slug/:page{[^_][^/]*}", (c) => {
  const entry = findApp(apps, c.req.param("slug"));
  if (!entry) return c.html(notFoundPage(), 404);
  return c.html(appPage(entry));
});

app.get("/apps/:slug/_stcore/stream/:sessionId", async (c) => {
  const entry = findApp(apps, c.req.param("slug"));
  if (!entry) return c.text("No such app.", 404);
  const sessionId = c.req.param("sessionId");
  if (!sessionName.isValidId(sessionId)) return c.text("Invalid session id.", 400);
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    return c.text("Expected a WebSocket upgrade.", 426);
  }
  const stub = await getServerByName(c.env.SESSIONS, sessionName.of(entry.slug, sessionId));
  return stub.fetch(c.req.raw);
});

app.notFound((c) => c.html(notFoundPage(), 404));

export default app;
