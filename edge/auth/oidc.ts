/**
 * The OpenID Connect client side of sign-in: the provider's discovery document, the
 * authorization request (code flow with PKCE, `state` and `nonce`), the code exchange and the
 * ID token's validation with jose (signature through the provider's JWKS, issuer, audience,
 * expiry, nonce). Errors are `SignInError`s whose messages say what failed, never a token,
 * code or secret.
 */
import { base64url, createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from "jose";
import type { ProviderConfig } from "../../sessions/auth/config.ts";

export class SignInError extends Error {
  override name = "SignInError";
}

export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  token_endpoint_auth_methods_supported?: string[];
  id_token_signing_alg_values_supported?: string[];
}

const METADATA_TTL_MS = 10 * 60 * 1000;
const metadataCache = new Map<string, { metadata: ProviderMetadata; until: number }>();
const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** The provider's discovery document, kept for ten minutes per isolate. */
export async function providerMetadata(provider: ProviderConfig): Promise<ProviderMetadata> {
  const cached = metadataCache.get(provider.server_metadata_url);
  if (cached && cached.until > Date.now()) return cached.metadata;
  let body: unknown;
  try {
    const response = await fetch(provider.server_metadata_url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw new SignInError(`The sign-in provider "${provider.name}" could not be reached at its server_metadata_url (${(error as Error).message}).`);
  }
  const metadata = body as Partial<ProviderMetadata> | null;
  for (const key of ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
    if (typeof metadata?.[key] !== "string") throw new SignInError(`The sign-in provider "${provider.name}"'s discovery document has no "${key}".`);
  }
  metadataCache.set(provider.server_metadata_url, { metadata: metadata as ProviderMetadata, until: Date.now() + METADATA_TTL_MS });
  return metadata as ProviderMetadata;
}

function randomToken(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
}

async function codeChallenge(verifier: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
}

/** A sign-in in progress: what the callback must find again. */
export interface SignInTransaction {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
}

/** The provider's authorization URL for a new sign-in, and the transaction to remember. */
export async function startSignIn(provider: ProviderConfig, redirectUri: string): Promise<{ url: URL; transaction: SignInTransaction }> {
  const metadata = await providerMetadata(provider);
  const transaction: SignInTransaction = { provider: provider.name, state: randomToken(), nonce: randomToken(), verifier: randomToken() };
  const url = new URL(metadata.authorization_endpoint);
  for (const [key, value] of Object.entries(provider.client_kwargs)) url.searchParams.set(key, value);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", provider.client_id);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("state", transaction.state);
  url.searchParams.set("nonce", transaction.nonce);
  url.searchParams.set("code_challenge", await codeChallenge(transaction.verifier));
  url.searchParams.set("code_challenge_method", "S256");
  return { url, transaction };
}

/** Exchanges the code for tokens and returns the validated ID token's claims. */
export async function finishSignIn(provider: ProviderConfig, redirectUri: string, code: string, transaction: SignInTransaction): Promise<JWTPayload> {
  const metadata = await providerMetadata(provider);
  const idToken = await exchangeCode(provider, metadata, redirectUri, code, transaction.verifier);
  return verifyIdToken(provider, metadata, idToken, transaction.nonce);
}

async function exchangeCode(provider: ProviderConfig, metadata: ProviderMetadata, redirectUri: string, code: string, verifier: string): Promise<string> {
  const body = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier });
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" };
  const methods = metadata.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  if (methods.includes("client_secret_basic")) {
    const credentials = `${encodeURIComponent(provider.client_id)}:${encodeURIComponent(provider.client_secret)}`;
    headers.Authorization = `Basic ${btoa(credentials)}`;
  } else {
    body.set("client_id", provider.client_id);
    body.set("client_secret", provider.client_secret);
  }
  let response: Response;
  try {
    response = await fetch(metadata.token_endpoint, { method: "POST", headers, body });
  } catch {
    throw new SignInError(`The sign-in provider "${provider.name}" could not be reached to exchange the authorization code.`);
  }
  const result = (await response.json().catch(() => null)) as { id_token?: unknown; error?: unknown } | null;
  if (!response.ok) {
    // OAuth error codes are fixed words ("invalid_grant"): safe to show; descriptions are not shown.
    const code = typeof result?.error === "string" && /^[a-z_]{1,64}$/.test(result.error) ? result.error : `HTTP ${response.status}`;
    throw new SignInError(`The sign-in provider "${provider.name}" refused the authorization code (${code}); it may have been used already or expired.`);
  }
  if (typeof result?.id_token !== "string") throw new SignInError(`The sign-in provider "${provider.name}" returned no ID token.`);
  return result.id_token;
}

function jwksOf(uri: string): ReturnType<typeof createRemoteJWKSet> {
  let jwks = jwksCache.get(uri);
  if (!jwks) jwksCache.set(uri, (jwks = createRemoteJWKSet(new URL(uri))));
  return jwks;
}

export async function verifyIdToken(provider: ProviderConfig, metadata: ProviderMetadata, idToken: string, nonce: string): Promise<JWTPayload> {
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(idToken, jwksOf(metadata.jwks_uri), {
      issuer: metadata.issuer,
      audience: provider.client_id,
      // Asymmetric signatures only: `none` and secrets shared with the client are refused.
      algorithms: ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"],
    }));
  } catch (error) {
    throw new SignInError(`The ID token from "${provider.name}" was refused: ${idTokenProblem(error)}.`);
  }
  if (claims.nonce !== nonce) throw new SignInError(`The ID token from "${provider.name}" was refused: its nonce is not the one this sign-in sent.`);
  if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== provider.client_id) {
    throw new SignInError(`The ID token from "${provider.name}" was refused: it was issued to another client (azp).`);
  }
  return claims;
}

function idTokenProblem(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "it has expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "it comes from another issuer";
    if (error.claim === "aud") return "it was issued for another audience";
    return `its "${error.claim}" claim is invalid`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "its signing algorithm is not accepted";
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return "its signature does not match the provider's keys";
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return "it is not a valid signed JWT";
  return "it could not be verified";
}
