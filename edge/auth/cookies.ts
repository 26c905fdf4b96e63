/**
 * The cookies of sign-in, both JWTs encrypted with jose (`dir` + A256GCM: the browser cannot
 * read the claims, and any change to a byte makes them unreadable, so they cannot be forged).
 * Keys are derived from the app's `cookie_secret` with HKDF, with the app's slug in the
 * derivation: a cookie made for one app opens for no other, even one with the same secret.
 *
 * Both live on the app's own origin (edge/hosts.ts), so no other app's page ever sees them.
 *
 * - the identity cookie (`st.user`): the ID token's claims, 30 days, path `/`;
 * - the sign-in cookie: one sign-in in progress (state, nonce, PKCE verifier, provider),
 *   10 minutes, path `/oauth2callback` only.
 */
import { EncryptJWT, errors, jwtDecrypt, type JWTPayload } from "jose";

const ISSUER = "edgelit";
export const IDENTITY_MAX_AGE_S = 30 * 24 * 60 * 60;
export const SIGN_IN_MAX_AGE_S = 10 * 60;

export type CookieUse = "identity" | "sign-in";

/** Each app has its own cookie names as well as its own paths. */
export function cookieName(use: CookieUse, slug: string): string {
  return use === "identity" ? `edgelit_user_${slug}` : `edgelit_signin_${slug}`;
}

export function cookiePath(use: CookieUse): string {
  return use === "identity" ? "/" : "/oauth2callback";
}

const encoder = new TextEncoder();

/** The key of one app's cookies of one use (exported for tests that make cookies the way an attacker would). */
export function cookieKey(cookieSecret: string, slug: string, use: CookieUse): Promise<Uint8Array> {
  // Every page load and socket connect opens the identity cookie: derive each key once per isolate.
  const id = `${use}\u0000${slug}\u0000${cookieSecret}`;
  let key = derivedKeys.get(id);
  if (!key) derivedKeys.set(id, (key = deriveKey(cookieSecret, slug, use)));
  return key;
}

const derivedKeys = new Map<string, Promise<Uint8Array>>();

async function deriveKey(cookieSecret: string, slug: string, use: CookieUse): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(cookieSecret), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: encoder.encode("edgelit cookie v1"), info: encoder.encode(`${use}:${slug}`) },
    material,
    256,
  );
  return new Uint8Array(bits);
}

function audience(use: CookieUse, slug: string): string {
  return `${use}:${slug}`;
}

/** A cookie value holding `claims` for `maxAgeS` seconds. */
export async function sealCookie(use: CookieUse, slug: string, cookieSecret: string, claims: JWTPayload, maxAgeS: number): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuer(ISSUER)
    .setAudience(audience(use, slug))
    .setIssuedAt()
    .setExpirationTime(`${maxAgeS}s`)
    .encrypt(await cookieKey(cookieSecret, slug, use));
}

export type OpenedCookie = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

/** The claims of a cookie made by `sealCookie` for this app and use, or why it was refused. */
export async function openCookie(use: CookieUse, slug: string, cookieSecret: string, value: string): Promise<OpenedCookie> {
  try {
    const { payload } = await jwtDecrypt(value, await cookieKey(cookieSecret, slug, use), {
      issuer: ISSUER,
      audience: audience(use, slug),
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      maxTokenAge: use === "identity" ? IDENTITY_MAX_AGE_S : SIGN_IN_MAX_AGE_S,
    });
    return { ok: true, claims: payload };
  } catch (error) {
    return { ok: false, reason: refusalReason(error) };
  }
}

/** Why jose refused a cookie, in words that say nothing of its content. */
function refusalReason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "it has expired";
  if (error instanceof errors.JWTClaimValidationFailed) return `its "${error.claim}" claim is not this app's`;
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return "it uses an algorithm the platform does not accept";
  if (error instanceof errors.JWEDecryptionFailed) return "it was not made by this app (or was changed)";
  return "it is not a cookie this app made";
}

export interface CookieOptions {
  /** Secure is left off only for a page served from localhost over plain HTTP. */
  secure: boolean;
}

/** A Set-Cookie header value. */
export function setCookieHeader(use: CookieUse, slug: string, value: string, maxAgeS: number, options: CookieOptions): string {
  const parts = [`${cookieName(use, slug)}=${value}`, `Path=${cookiePath(use)}`, `Max-Age=${maxAgeS}`, "HttpOnly", "SameSite=Lax"];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/** A Set-Cookie header value that deletes the cookie. */
export function deleteCookieHeader(use: CookieUse, slug: string, options: CookieOptions): string {
  return setCookieHeader(use, slug, "", 0, options).replace("Max-Age=0", "Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
}

/** A cookie's value from a Cookie header, or null. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Secure cookies, except on localhost over plain HTTP (browsers refuse Secure cookies from http:// elsewhere). */
export function cookieOptionsFor(requestUrl: string): CookieOptions {
  const url = new URL(requestUrl);
  const local = url.hostname === "localhost" || url.hostname.endsWith(".localhost") || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  return { secure: !(local && url.protocol === "http:") };
}
