/**
 * The Worker: the gallery, app pages, and each app session's WebSocket, forwarded to
 * the session's Durable Object. Static files (the client) are served from assets.
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { getServerByName } from "partyserver";
import { apps } from "#catalog";
import { findApp } from "../sessions/apps.ts";
import { sessionName } from "../sessions/session_name.ts";
import { resolveConfig } from "../sessions/config/resolve.ts";
import { ConfigError } from "../sessions/config/validate.ts";
import { appPage, configErrorPage, galleryPage, notFoundPage } from "./pages.ts";
import { securityHeaders } from "./security.ts";
import { notFound, serveStaticFile, staticFileOf } from "./static.ts";
import { identityOf } from "./auth/identity.ts";
import { authRoutes } from "./auth/routes.ts";
import { cookieOptionsFor, deleteCookieHeader } from "./auth/cookies.ts";
import { USER_HEADER, encodeUserHeader } from "../sessions/auth/user.ts";

export { SessionServer } from "../sessions/session.ts";
// The capabilities each app's isolate gets, bound to that app (sessions/capabilities.ts).
export { AppCache, AppDatabase, AppOutbound } from "../sessions/capabilities.ts";

const app = new Hono<{ Bindings: Env }>();

// A WebSocket upgrade's response belongs to the Durable Object and its headers cannot change.
app.use("*", (c, next) => (c.req.header("Upgrade") ? next() : securityHeaders(c, next)));

app.get("/", (c) => c.html(galleryPage(apps)));
app.get("/_stcore/health", (c) => c.text("ok"));

app.get("/apps/:slug", (c) => c.redirect(`/apps/${c.req.param("slug")}/`, 301));

// st.login / st.logout and the provider's callback: before the pages, whose paths they would match.
app.route("/", authRoutes);

app.get("/apps/:slug/", (c) => appShell(c));

// A page of a multipage app: the same shell; the client tells its session which page.
app.get("/apps/:slug/:page{[^_][^/]*}", (c) => appShell(c));

// Streamlit's static file serving (server.enableStaticServing): see edge/static.ts.
app.get("/apps/:slug/app/static/*", async (c) => {
  const entry = findApp(apps, c.req.param("slug"));
  if (!entry || !resolveConfig(entry.config, c.env).enableStaticServing) return notFound();
  const file = staticFileOf(entry, new URL(c.req.url).pathname);
  return file ? serveStaticFile(c.req.raw, c.env.ASSETS, entry.slug, file) : notFound();
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
  // Who is signed in, as only the Worker may say: a header of that name from the browser is
  // dropped, and so are partyserver's own (x-partykit-*), which only the platform may set.
  const headers = new Headers(c.req.raw.headers);
  headers.delete(USER_HEADER);
  for (const name of [...headers.keys()]) if (name.startsWith("x-partykit-")) headers.delete(name);
  const { user } = await identityOf(c.req.raw, entry.slug, c.env);
  if (user) headers.set(USER_HEADER, encodeUserHeader(user));
  return stub.fetch(new Request(c.req.raw, { headers }));
});

/** The shell an app boots in; an identity cookie that does not open is deleted on the way. */
async function appShell(c: Context<{ Bindings: Env }>): Promise<Response> {
  const entry = findApp(apps, c.req.param("slug") ?? "");
  if (!entry) return c.html(notFoundPage(), 404);
  const identity = await identityOf(c.req.raw, entry.slug, c.env);
  if (identity.refused) c.header("Set-Cookie", deleteCookieHeader("identity", entry.slug, cookieOptionsFor(c.req.url)));
  return c.html(appPage(entry, c.env));
}

app.notFound((c) => c.html(notFoundPage(), 404));

// A bad `STREAMLIT_*` binding fails the app loudly; the logs get the value too.
app.onError((error, c) => {
  if (error instanceof HTTPException) return error.getResponse();
  console.error(error instanceof ConfigError ? error.message : error);
  return error instanceof ConfigError ? c.html(configErrorPage(error), 500) : c.text("Internal Server Error", 500);
});

export default app;
