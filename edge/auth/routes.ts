/**
 * The sign-in routes of every app, Streamlit's `/auth/login`, `/oauth2callback` and
 * `/auth/logout`, on the app's own origin (the slug comes from the host, edge/hosts.ts):
 *
 * - `GET /auth/login?provider=<name>`: where `st.login()` sends the browser; starts a sign-in
 *   and goes to the provider;
 * - `GET /oauth2callback`: the provider comes back with a code; the ID token is checked, the
 *   identity cookie set, and the browser goes to the app's home page (a new session);
 * - `GET /auth/logout`: where `st.logout()` sends it; deletes the identity cookie.
 *
 * Every failure shows what failed and leaves the user signed out. Redirects go only to the
 * provider's authorization endpoint or to the app's own home page, never to a URL from the request.
 */
import { Hono, type Context } from "hono";
import { authConfigOf, CALLBACK_PATH, providerConfigOf, redirectUriOf, StreamlitAuthError } from "../../sessions/auth/config.ts";
import { userClaimsOf } from "../../sessions/auth/user.ts";
import { appSecrets } from "../../sessions/secrets/app_secrets.ts";
import { signInErrorPage } from "../pages.ts";
import {
  IDENTITY_MAX_AGE_S,
  SIGN_IN_MAX_AGE_S,
  cookieName,
  cookieOptionsFor,
  deleteCookieHeader,
  openCookie,
  readCookie,
  sealCookie,
  setCookieHeader,
} from "./cookies.ts";
import { finishSignIn, providerMetadata, SignInError, startSignIn, type SignInTransaction } from "./oidc.ts";

export type AppSiteEnv = { Bindings: Env; Variables: { slug: string } };

export const authRoutes = new Hono<AppSiteEnv>();

const MAX_COOKIE_BYTES = 3800;

/** Provider names are TOML keys without "_" (Streamlit's rule); anything else is not a provider. */
const PROVIDER_NAME = /^[A-Za-z0-9-]{1,64}$/;

authRoutes.get("/auth/login", async (c) => {
  const slug = c.get("slug");
  const name = c.req.query("provider") ?? "default";
  if (!PROVIDER_NAME.test(name)) return failed(c, slug, `"provider" must be the name of one of the app's [auth] providers.`);
  try {
    const secrets = appSecrets(slug, c.env as unknown as Record<string, unknown>);
    const config = authConfigOf(secrets);
    const redirectUri = redirectUriOf(config, slug);
    // The sign-in cookie must be set on the host the provider will send the browser back to.
    const here = new URL(c.req.url);
    if (here.origin !== redirectUri.origin) return c.redirect(`${redirectUri.origin}/auth/login?provider=${encodeURIComponent(name)}`, 302);
    const provider = providerConfigOf(secrets, name);
    const { url, transaction } = await startSignIn(provider, redirectUri.href);
    const cookie = await sealCookie("sign-in", slug, config.cookie_secret, { ...transaction }, SIGN_IN_MAX_AGE_S);
    c.header("Set-Cookie", setCookieHeader("sign-in", slug, cookie, SIGN_IN_MAX_AGE_S, cookieOptionsFor(redirectUri.href)), { append: true });
    c.header("Cache-Control", "no-store");
    return c.redirect(url.href, 302);
  } catch (error) {
    return failed(c, slug, messageOf(error));
  }
});

authRoutes.get(CALLBACK_PATH, async (c) => {
  const slug = c.get("slug");
  const options = cookieOptionsFor(c.req.url);
  // Whatever happens next, this sign-in is over: its cookie goes.
  c.header("Set-Cookie", deleteCookieHeader("sign-in", slug, options), { append: true });
  c.header("Cache-Control", "no-store");
  try {
    const secrets = appSecrets(slug, c.env as unknown as Record<string, unknown>);
    const config = authConfigOf(secrets);
    const redirectUri = redirectUriOf(config, slug);
    const transaction = await signInInProgress(c.req.header("Cookie"), slug, config.cookie_secret);

    const error = c.req.query("error");
    if (error !== undefined) {
      const code = /^[a-z_]{1,64}$/.test(error) ? error : "an error";
      throw new SignInError(`The sign-in provider ended the sign-in with ${code}.`);
    }
    const state = c.req.query("state");
    if (!state) throw new SignInError("The provider's answer has no state, so it cannot be matched to a sign-in started here.");
    if (!timingSafeEqual(state, transaction.state)) throw new SignInError("The provider's answer does not match the sign-in started in this browser (wrong state).");
    const code = c.req.query("code");
    if (!code) throw new SignInError("The provider's answer has no authorization code.");
    await useStateOnce(c.env.CACHE, slug, state);

    const provider = providerConfigOf(secrets, transaction.provider);
    // RFC 9207: a provider that names itself in the answer must be the one this sign-in went to.
    const issuer = c.req.query("iss");
    if (issuer !== undefined && issuer !== (await providerMetadata(provider)).issuer) {
      throw new SignInError(`The answer comes from another issuer than the provider "${provider.name}".`);
    }
    const claims = await finishSignIn(provider, redirectUri.href, code, transaction);
    const identity = await sealCookie("identity", slug, config.cookie_secret, { user: userClaimsOf(claims), provider: provider.name }, IDENTITY_MAX_AGE_S);
    // Browsers drop cookies over 4 KB without a word; say so instead of signing in to nothing.
    if (identity.length > MAX_COOKIE_BYTES) throw new SignInError(`The ID token from "${provider.name}" holds too many claims to keep in a cookie; ask the provider for fewer (client_kwargs scope).`);
    c.header("Set-Cookie", setCookieHeader("identity", slug, identity, IDENTITY_MAX_AGE_S, options), { append: true });
    return c.redirect("/", 302);
  } catch (error) {
    return failed(c, slug, messageOf(error));
  }
});

authRoutes.get("/auth/logout", (c) => {
  const slug = c.get("slug");
  c.header("Set-Cookie", deleteCookieHeader("identity", slug, cookieOptionsFor(c.req.url)), { append: true });
  c.header("Cache-Control", "no-store");
  return c.redirect("/", 302);
});

async function signInInProgress(cookieHeader: string | undefined, slug: string, cookieSecret: string): Promise<SignInTransaction> {
  const value = readCookie(cookieHeader, cookieName("sign-in", slug));
  if (value === null) throw new SignInError("No sign-in is in progress in this browser: it expired, was completed already, or began elsewhere. Sign in again from the app.");
  const opened = await openCookie("sign-in", slug, cookieSecret, value);
  if (!opened.ok) throw new SignInError(`The sign-in in progress was refused: ${opened.reason}. Sign in again from the app.`);
  const { provider, state, nonce, verifier } = opened.claims;
  if (typeof provider !== "string" || typeof state !== "string" || typeof nonce !== "string" || typeof verifier !== "string") {
    throw new SignInError("The sign-in in progress is incomplete. Sign in again from the app.");
  }
  return { provider, state, nonce, verifier };
}

/**
 * A state is good for one answer: a replayed callback (the same URL and sign-in cookie
 * again) is refused before its code reaches the provider.
 */
async function useStateOnce(kv: KVNamespace, slug: string, state: string): Promise<void> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(state)));
  const key = `signin/${slug}/${[...digest].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  if ((await kv.get(key)) !== null) throw new SignInError("This sign-in answer was used already (its state was replayed). Sign in again from the app.");
  await kv.put(key, "used", { expirationTtl: SIGN_IN_MAX_AGE_S });
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function messageOf(error: unknown): string {
  if (error instanceof SignInError || error instanceof StreamlitAuthError) return error.message;
  console.error("Sign-in failed unexpectedly:", error instanceof Error ? error.name : typeof error);
  return "The sign-in failed unexpectedly. Try again from the app.";
}

async function failed(c: Context<AppSiteEnv>, slug: string, message: string): Promise<Response> {
  console.warn(`Sign-in (${slug}): ${message}`);
  return c.html(signInErrorPage(message), 400);
}
