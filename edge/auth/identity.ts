/**
 * The signed-in user of a request, from the app's identity cookie. A cookie that does not open
 * (forged, another app's, expired, changed) counts as signed out; the log says why, never what
 * the cookie held.
 */
import { hasAuth, authConfigOf } from "../../sessions/auth/config.ts";
import type { UserClaims } from "../../sessions/auth/user.ts";
import { appSecrets } from "../../sessions/secrets/app_secrets.ts";
import { cookieName, openCookie, readCookie } from "./cookies.ts";

export type Identity = { user: UserClaims | null; refused?: string };

export async function identityOf(request: Request, slug: string, env: Env): Promise<Identity> {
  const value = readCookie(request.headers.get("Cookie"), cookieName("identity", slug));
  if (value === null) return { user: null };
  const secrets = appSecrets(slug, env as unknown as Record<string, unknown>);
  if (!hasAuth(secrets)) return { user: null };
  let cookieSecret: string;
  try {
    cookieSecret = authConfigOf(secrets).cookie_secret;
  } catch (error) {
    return refused(slug, (error as Error).message);
  }
  const opened = await openCookie("identity", slug, cookieSecret, value);
  if (!opened.ok) return refused(slug, `the identity cookie was refused: ${opened.reason}`);
  const user = opened.claims.user;
  if (typeof user !== "object" || user === null || Array.isArray(user)) return refused(slug, "the identity cookie holds no user");
  return { user: user as UserClaims };
}

function refused(slug: string, reason: string): Identity {
  console.warn(`Sign-in (${slug}): ${reason}; the session starts signed out.`);
  return { user: null, refused: reason };
}
