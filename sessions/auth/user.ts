/**
 * Who is signed in to a session. The Worker opens the app's identity cookie and hands the
 * claims to the session's Durable Object in a request header it sets itself (any header of
 * that name from the browser is dropped first); the session reads it once, when it starts,
 * as Streamlit reads its identity cookie at the start of a session.
 */

/** The ID token's claims of the signed-in user (`name`, `email`, `sub`, ...). */
export type UserClaims = Readonly<Record<string, unknown>>;

/** Set by the Worker only, on the request that opens a session's socket. */
export const USER_HEADER = "x-edgelit-user";

/** Claims that belong to the sign-in exchange, not to the user. */
const EXCHANGE_CLAIMS = new Set(["nonce", "at_hash", "c_hash", "s_hash", "sid"]);

/** The user's claims from a validated ID token. */
export function userClaimsOf(idTokenClaims: Record<string, unknown>): UserClaims {
  return Object.fromEntries(Object.entries(idTokenClaims).filter(([key]) => !EXCHANGE_CLAIMS.has(key)));
}

/** Headers carry bytes: the claims travel as base64url JSON, so any name (Zoë, 王) survives. */
export function encodeUserHeader(claims: UserClaims): string {
  const bytes = new TextEncoder().encode(JSON.stringify(claims));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeUserHeader(value: string | null): UserClaims | null {
  if (!value) return null;
  try {
    const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return typeof claims === "object" && claims !== null && !Array.isArray(claims) ? (claims as UserClaims) : null;
  } catch {
    return null;
  }
}
