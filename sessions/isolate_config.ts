/** How the platform starts an app's isolate: the runtime it asks for, and the host it calls its own. */

/** The app's isolate runs on the same runtime as the platform, with Node's built-ins for npm packages. */
export const isolateCompatibility = { compatibilityDate: "2026-04-20", compatibilityFlags: ["nodejs_compat"] };

/** The gallery's host (`GALLERY_HOST` in wrangler.jsonc's vars): apps live on `<slug>.<host>`. */
export function platformHostOf(env: object): string {
  const host = (env as { GALLERY_HOST?: unknown }).GALLERY_HOST;
  return typeof host === "string" && host !== "" ? host.toLowerCase() : "localhost:8787";
}
