/** The HTML the Worker serves: the gallery, and the shell an app's client boots in. */
import { html, raw } from "hono/html";
import type { AppCard } from "../sessions/apps.ts";
import { resolveConfig } from "../sessions/config/resolve.ts";
import { firstPaintCss, fontFaceCss, shellAppearance } from "../sessions/config/theme.ts";
import type { ConfigError } from "../sessions/config/validate.ts";
import type { FirstPaint } from "./first_paint.ts";

/** The gallery; `originOf` gives each app's own origin, where its card leads. */
export function galleryPage(apps: readonly AppCard[], originOf: (slug: string) => string) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Edgelit gallery</title>
    <link rel="icon" href="/client/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/client/gallery.css" />
  </head>
  <body>
    <main class="gallery" data-testid="stGallery">
      <h1>Edgelit gallery</h1>
      <p class="lede">Streamlit apps, running on the edge. Pick one.</p>
      <ul class="cards">
        ${apps.map(
          (app) => html`<li>
            <a class="card" data-testid="stGalleryCard" href="${originOf(app.slug)}/">
              <span class="icon" aria-hidden="true">${app.icon}</span>
              <span class="title">${app.title}</span>
              <span class="description">${app.description}</span>
            </a>
          </li>`,
        )}
      </ul>
    </main>
  </body>
</html>`;
}

/**
 * The shell's one inline script: the viewer's stored light/dark choice (client/theme.ts keeps it in
 * localStorage under the key in `data-key`) on <html> as `data-st-theme`, before the first paint,
 * for `firstPaintCss`. Its text never changes, so the Content-Security-Policy allows it by hash.
 */
export const THEME_CHOICE_SCRIPT =
  'try{var t=localStorage.getItem(document.currentScript.dataset.key);if(t=="light"||t=="dark")document.documentElement.dataset.stTheme=t}catch(e){}';
/** `'sha256-…'` of THEME_CHOICE_SCRIPT for the CSP's script-src (pages.test.ts checks it). */
export const THEME_CHOICE_SCRIPT_HASH = "'sha256-3ccou4pSww+LAt5c5b5fcLgb+bszthzcK/ULD5v1Bmo='";

/** The shell an app's client boots in; `env` (the Worker's) resolves the app's config for its theme. */
/**
 * An app's page; `preload`: renderer chunks its code uses, fetched while the socket opens;
 * `painted`: the session's page, server-rendered into #root (edge/first_paint.ts).
 */
export function appPage(app: AppCard, env: object = {}, preload: readonly string[] = [], painted: FirstPaint | null = null) {
  const appearance = shellAppearance(resolveConfig(app.config, env));
  const config = JSON.stringify({ slug: app.slug, title: app.title, ...appearance, ...(painted ? { session: painted.session } : {}) }).replace(/</g, "\\u003c");
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${app.title}</title>
    <link rel="icon" href="/client/favicon.svg" type="image/svg+xml" />
    ${appearance.theme.modes.light && appearance.theme.modes.dark ? html`<script data-key="edgelit-theme:${app.slug}">${raw(THEME_CHOICE_SCRIPT)}</script>` : ""}
    <link rel="stylesheet" href="/client/edgelit.css" />
    <style id="edgelit-first-paint">${raw(firstPaintCss(appearance.theme))}</style>
    ${appearance.theme.fontFaces ? html`<style>${raw(fontFaceCss(appearance.theme.fontFaces).replace(/</g, "\\3c "))}</style>` : ""}
    <script type="module" src="/client/edgelit.js"></script>
    ${preload.map((href) => html`<link rel="modulepreload" href="${href}" />`)}
  </head>
  <body>
    <div id="root">${raw(painted?.html ?? "")}</div>
    <script id="edgelit-config" type="application/json">${raw(config)}</script>
  </body>
</html>`;
}

export function notFoundPage() {
  return html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Not found</title><link rel="stylesheet" href="/client/gallery.css" /></head>
  <body><main class="gallery"><h1>Not found</h1><p><a href="/">Back to the gallery</a></p></main></body>
</html>`;
}

/** An app whose environment bindings hold a bad config value: names the binding and option, not the value. */
export function configErrorPage(error: ConfigError) {
  const what = error.option ? `${error.option} (set by ${error.where})` : error.where;
  return html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Configuration error</title><link rel="stylesheet" href="/client/gallery.css" /></head>
  <body><main class="gallery"><h1>Configuration error</h1><p>This app's configuration has an invalid value: ${what}. Details are in the logs.</p></main></body>
</html>`;
}

/** A sign-in that could not go on: what failed (never a token, code or secret) and the way back to the app. */
export function signInErrorPage(message: string) {
  return html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Sign-in failed</title><link rel="stylesheet" href="/client/gallery.css" /></head>
  <body><main class="gallery" data-testid="stSignInError"><h1>Sign-in failed</h1><p>${message}</p><p>You are not signed in. <a href="/">Back to the app</a></p></main></body>
</html>`;
}
