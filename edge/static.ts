/**
 * Streamlit's static file serving: with `server.enableStaticServing`, the files of an app's
 * `static/` folder answer at `/app/static/<file>` on the app's origin. Images, fonts, PDF, XML and JSON
 * go out as themselves, anything else as text/plain, all with `X-Content-Type-Options: nosniff`.
 * The build copies the files into the assets under `app-static/<slug>/` (scripts/app_config.ts),
 * which wrangler.jsonc routes to the Worker first, so this module decides every answer.
 */
import type { AppEntry } from "../sessions/apps.ts";

/** The assets folder of the apps' static files; the Worker never serves it under this name. */
export const STATIC_ASSETS_DIR = "app-static";

/** Streamlit's list of files served as themselves, with their types. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  otf: "font/otf",
  ttf: "font/ttf",
  woff: "font/woff",
  woff2: "font/woff2",
  pdf: "application/pdf",
  xml: "application/xml",
  json: "application/json",
};

export function staticContentType(file: string): string {
  const extension = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? "";
  return CONTENT_TYPES[extension] ?? "text/plain";
}

/**
 * The static file a request path names, or null. The path's segments after `app/static/` are
 * decoded once each; a segment that decodes to nothing, ".", "..", or holds a slash is refused,
 * and only files the build listed can match, so no path, encoded or not, leaves the folder.
 */
export function staticFileOf(entry: AppEntry, pathname: string): string | null {
  return listedFileOf(pathname.split("/").slice(3), entry.staticFiles); // "", "app", "static", ...
}

/**
 * The file that URL path segments name among `files` (what the build listed), or null: each
 * segment is decoded once and must be a plain name.
 */
export function listedFileOf(segments: readonly string[], files: readonly string[] | undefined): string | null {
  if (segments.length === 0 || !files) return null;
  const decoded: string[] = [];
  for (const segment of segments) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (name === "" || name === "." || name === ".." || /[/\\\u0000]/.test(name)) return null;
    decoded.push(name);
  }
  const file = decoded.join("/");
  return files.includes(file) ? file : null;
}

/** Answers for one of the app's static files from the assets; 404 when the assets lack it. */
export function serveStaticFile(request: Request, assets: Fetcher, slug: string, file: string): Promise<Response> {
  return serveAsset(request, assets, `${STATIC_ASSETS_DIR}/${slug}/${file}`, new Headers({
    "Content-Type": staticContentType(file),
    "X-Content-Type-Options": "nosniff",
    // As Streamlit: the files are public, and custom components in other origins may load them.
    "Access-Control-Allow-Origin": "*",
  }));
}

/** A file of the Worker's assets under `headers`, revalidated by ETag; 404 when the assets lack it. */
export async function serveAsset(request: Request, assets: Fetcher, path: string, headers: Headers): Promise<Response> {
  const url = new URL(`/${path.split("/").map(encodeURIComponent).join("/")}`, request.url);
  const conditional = new Headers();
  const etag = request.headers.get("If-None-Match");
  if (etag) conditional.set("If-None-Match", etag);
  const asset = await assets.fetch(url, { headers: conditional });
  if (!asset.ok && asset.status !== 304) return notFound();
  headers.set("Cache-Control", "no-cache");
  const assetEtag = asset.headers.get("ETag");
  if (assetEtag) headers.set("ETag", assetEtag);
  return new Response(asset.status === 304 ? null : asset.body, { status: asset.status, headers });
}

export function notFound(): Response {
  return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain", "X-Content-Type-Options": "nosniff" } });
}
