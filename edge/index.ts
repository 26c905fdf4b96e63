/**
 * The Worker: the gallery on the gallery host, and each app on an origin of its own
 * (`<slug>.<gallery host>`, edge/hosts.ts): its page shell, its static files, its sign-in routes,
 * and its sessions' WebSockets, forwarded to their Durable Objects. `/apps/<slug>/...` on the
 * gallery host redirects to the app's origin. Static files (the client) are served from assets.
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { getServerByName } from "partyserver";
import { apps } from "#catalog";
import { findApp } from "../sessions/apps.ts";
import { sessionName } from "../sessions/session_name.ts";
import { resolveConfig } from "../sessions/config/resolve.ts";
import { ConfigError } from "../sessions/config/validate.ts";
import { rendererPreloads } from "./renderer_preloads.ts";
import { appPage, configErrorPage, galleryPage, notFoundPage } from "./pages.ts";
import { firstPaintOf } from "./first_paint.ts";
import { RESUME_COOKIE } from "../sessions/protocol.ts";
import { securityHeaders } from "./security.ts";
import { notFound, serveStaticFile, staticFileOf } from "./static.ts";
import { COMPONENT_FRAME_PATH, componentFileOf, componentFrame, isComponentPath, serveComponentFile } from "./components.ts";
import { identityOf } from "./auth/identity.ts";
import { authRoutes, type AppSiteEnv } from "./auth/routes.ts";
import { cookieOptionsFor, deleteCookieHeader } from "./auth/cookies.ts";
import { USER_HEADER, encodeUserHeader } from "../sessions/auth/user.ts";
import { appOriginOf, appSlugOf } from "./hosts.ts";
import { DEFAULT_MAX_UPLOAD_MB, MULTIPART_SLACK_BYTES } from "../sessions/session.ts";
import { FILE_ID } from "../sessions/engine/files.ts";

export { SessionServer } from "../sessions/session.ts";
// The capabilities each app's isolate gets, bound to that app (sessions/capabilities.ts).
export { AppCache, AppDatabase, AppOutbound } from "../sessions/capabilities.ts";

// A WebSocket upgrade's response belongs to the Durable Object and its headers cannot change.
// Component documents carry a sandbox of their own instead (edge/components.ts).
const withSecurityHeaders = (c: Context, next: () => Promise<void>) =>
  c.req.header("Upgrade") || isComponentPath(new URL(c.req.url).pathname) ? next() : securityHeaders(c, next);

// ---- the gallery's origin ----

const gallery = new Hono<{ Bindings: Env }>();
gallery.use("*", withSecurityHeaders);
gallery.get("/", (c) => c.html(galleryPage(apps, (slug) => appOriginOf(new URL(c.req.url), slug, c.env))));
gallery.get("/_stcore/health", (c) => c.text("ok"));
// Where apps used to live: each has its own origin now; links and bookmarks follow.
gallery.get("/apps/:slug/*", (c) => {
  const slug = c.req.param("slug");
  if (!findApp(apps, slug)) return c.html(notFoundPage(), 404);
  const url = new URL(c.req.url);
  const rest = url.pathname.slice(`/apps/${slug}`.length) || "/";
  return c.redirect(`${appOriginOf(url, slug, c.env)}${rest}${url.search}`, 301);
});
gallery.get("/apps/:slug", (c) => c.redirect(`/apps/${c.req.param("slug")}/`, 301));
gallery.notFound((c) => c.html(notFoundPage(), 404));

// ---- an app's origin ----

const appSite = new Hono<AppSiteEnv>();
appSite.use("*", withSecurityHeaders);
appSite.use("*", async (c, next) => {
  const slug = appSlugOf(new URL(c.req.url), c.env);
  if (!slug || !findApp(apps, slug)) return c.html(notFoundPage(), 404);
  c.set("slug", slug);
  await next();
});
appSite.get("/_stcore/health", (c) => c.text("ok"));

// st.login / st.logout and the provider's callback: before the pages, whose paths they would match.
appSite.route("/", authRoutes);

appSite.get("/", (c) => appShell(c));

// Streamlit's static file serving (server.enableStaticServing): see edge/static.ts.
appSite.get("/app/static/*", async (c) => {
  const entry = findApp(apps, c.get("slug"))!;
  if (!resolveConfig(entry.config, c.env).enableStaticServing) return notFound();
  const file = staticFileOf(entry, new URL(c.req.url).pathname);
  return file ? serveStaticFile(c.req.raw, c.env.ASSETS, entry.slug, file) : notFound();
});

// Custom components: their front ends, and the frame of components.html (edge/components.ts).
appSite.get(COMPONENT_FRAME_PATH, () => componentFrame());
appSite.get("/_stcore/component/:folder/*", async (c) => {
  const entry = findApp(apps, c.get("slug"))!;
  const [, , , folder = "", ...rest] = new URL(c.req.url).pathname.split("/");
  const file = componentFileOf(entry, folder, rest);
  return file ? serveComponentFile(c.req.raw, c.env.ASSETS, entry.slug, folder, file) : notFound();
});

appSite.get("/_stcore/stream/:sessionId", async (c) => {
  const slug = c.get("slug");
  const sessionId = c.req.param("sessionId");
  if (!sessionName.isValidId(sessionId)) return c.text("Invalid session id.", 400);
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    return c.text("Expected a WebSocket upgrade.", 426);
  }
  // A browser names the page that opens a socket: only the app's own pages may open its sessions.
  const origin = c.req.header("Origin");
  if (origin !== undefined && origin !== new URL(c.req.url).origin) return c.text("This app's sessions open only from its own pages.", 403);
  const stub = await getServerByName(c.env.SESSIONS, sessionName.of(slug, sessionId));
  const headers = platformHeaders(c.req.raw);
  const { user } = await identityOf(c.req.raw, slug, c.env);
  if (user) headers.set(USER_HEADER, encodeUserHeader(user));
  return stub.fetch(new Request(c.req.raw, { headers }));
});

// st.file_uploader's files, as Streamlit's client sends them (a multipart form: "file", and the
// widget's id as "widget_id"); the session's Durable Object checks them with the widget and
// stores them under the app's and the session's own prefix. DELETE is the file's x.
const uploadRoute = async (c: Context<AppSiteEnv>) => {
  const response = await forwardUpload(c);
  // A refused upload's body is never read: nothing of the file goes further.
  if (!c.req.raw.bodyUsed) await c.req.raw.body?.cancel().catch(() => undefined);
  return response;
};
const forwardUpload = async (c: Context<AppSiteEnv>) => {
  const sessionId = c.req.param("sessionId")!;
  if (!sessionName.isValidId(sessionId)) return c.text("Invalid session id.", 400);
  if (!FILE_ID.test(c.req.param("fileId")!)) return c.text("A file id is 8 to 64 letters, digits, - or _.", 400);
  const origin = c.req.header("Origin");
  if (origin !== undefined && origin !== new URL(c.req.url).origin) return c.text("This app's sessions take uploads only from its own pages.", 403);
  if (c.req.method !== "DELETE") {
    const limitMb = Number(resolveConfig(findApp(apps, c.get("slug"))!.config, c.env).get("server.maxUploadSize") ?? DEFAULT_MAX_UPLOAD_MB);
    const length = c.req.header("Content-Length");
    if (length === undefined || !/^\d+$/.test(length)) return c.text("An upload says its size (Content-Length).", 411);
    if (Number(length) > limitMb * 1024 * 1024 + MULTIPART_SLACK_BYTES) {
      return c.text(`File too large: this app accepts uploads of at most ${limitMb} MB (server.maxUploadSize).`, 413);
    }
  }
  const stub = await getServerByName(c.env.SESSIONS, sessionName.of(c.get("slug"), sessionId));
  return mutable(await stub.fetch(new Request(c.req.raw, { headers: platformHeaders(c.req.raw) })));
};
appSite.put("/_stcore/upload_file/:sessionId/:fileId", uploadRoute);
appSite.post("/_stcore/upload_file/:sessionId/:fileId", uploadRoute);
appSite.delete("/_stcore/upload_file/:sessionId/:fileId", uploadRoute);

// st.download_button's files: from the session's media store, or made when clicked (deferred data).
const mediaRoute = async (c: Context<AppSiteEnv>) => {
  const sessionId = c.req.param("sessionId")!;
  if (!sessionName.isValidId(sessionId)) return c.text("Invalid session id.", 400);
  const stub = await getServerByName(c.env.SESSIONS, sessionName.of(c.get("slug"), sessionId));
  return mutable(await stub.fetch(new Request(c.req.raw, { headers: platformHeaders(c.req.raw) })));
};
appSite.get("/_stcore/media/:sessionId/:mediaId", mediaRoute);
appSite.get("/_stcore/download/:sessionId/:widgetId", mediaRoute);

// The grid's "Download as CSV" of a large table, streamed by the session that shows it.
appSite.get("/_stcore/table/:sessionId/:file{[A-Za-z0-9]{1,64}\\.csv}", async (c) => {
  const sessionId = c.req.param("sessionId");
  if (!sessionName.isValidId(sessionId)) return c.text("Invalid session id.", 400);
  const stub = await getServerByName(c.env.SESSIONS, sessionName.of(c.get("slug"), sessionId));
  return mutable(await stub.fetch(new Request(new URL(c.req.url), { method: "GET" })));
});

// A page of a multipage app: the same shell; the client tells its session which page.
appSite.get("/:page{[^_][^/]*}", (c) => appShell(c));

appSite.notFound((c) => c.html(notFoundPage(), 404));

/** A Durable Object's response, with headers the security middleware may add to. */
function mutable(response: Response): Response {
  return new Response(response.body, response);
}

/**
 * A browser's headers as a session's Durable Object gets them: who is signed in is only the
 * Worker's to say, so a header of that name from the browser is dropped, and so are
 * partyserver's own (x-partykit-*), which only the platform may set.
 */
function platformHeaders(request: Request): Headers {
  const headers = new Headers(request.headers);
  headers.delete(USER_HEADER);
  for (const name of [...headers.keys()]) if (name.startsWith("x-partykit-")) headers.delete(name);
  return headers;
}

/** The shell an app boots in; an identity cookie that does not open is deleted on the way. */
async function appShell(c: Context<AppSiteEnv>): Promise<Response> {
  const entry = findApp(apps, c.get("slug"))!;
  const identity = await identityOf(c.req.raw, entry.slug, c.env);
  if (identity.refused) c.header("Set-Cookie", deleteCookieHeader("identity", entry.slug, cookieOptionsFor(c.req.url)));
  const headers = platformHeaders(c.req.raw);
  if (identity.user) headers.set(USER_HEADER, encodeUserHeader(identity.user));
  const painted = await firstPaintOf(c.env.SESSIONS, entry.slug, c.req.raw, new Request(c.req.url, { headers }));
  if (painted?.resumed) c.header("Set-Cookie", `${RESUME_COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`, { append: true });
  // A page with a session's state in it is that viewer's alone.
  c.header("Cache-Control", "no-store");
  return c.html(appPage(entry, c.env, rendererPreloads(entry.bundle), painted));
}

// A bad `STREAMLIT_*` binding fails the app loudly; the logs get the value too.
function onError(error: Error, c: Context): Response | Promise<Response> {
  if (error instanceof HTTPException) return error.getResponse();
  console.error(error instanceof ConfigError ? error.message : error);
  return error instanceof ConfigError ? c.html(configErrorPage(error), 500) : c.text("Internal Server Error", 500);
}
gallery.onError(onError);
appSite.onError(onError);

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    const site = appSlugOf(new URL(request.url), env) === null ? gallery : appSite;
    return site.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
