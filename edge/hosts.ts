/**
 * Every app has an origin of its own, as every Community Cloud app has its own subdomain:
 * `<slug>.<gallery host>` (`https://hello.edgelit.example`, locally `http://hello.localhost:8787`),
 * with the gallery on the gallery host itself. The browser then keeps each app's storage,
 * cookies and same-origin requests apart by its own rules.
 */
import { platformHostOf } from "../sessions/isolate_config.ts";

/** The slug of the app whose origin `url` is on, or null (the gallery, or a host that is no app's). */
export function appSlugOf(url: URL, env: object): string | null {
  const gallery = platformHostOf(env);
  const host = url.host.toLowerCase();
  if (!host.endsWith(`.${gallery}`)) return null;
  const slug = host.slice(0, -gallery.length - 1);
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) ? slug : null;
}

/** The origin of an app, in the scheme of `url` (https in production, http under `wrangler dev`). */
export function appOriginOf(url: URL, slug: string, env: object): string {
  return `${url.protocol}//${slug}.${platformHostOf(env)}`;
}
