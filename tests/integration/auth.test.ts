/**
 * Sign-in on the platform: the real Worker and session Durable Objects in workerd, two real
 * OpenID Connect providers on loopback (tests/oidc-setup.ts), the login demo app. What a
 * browser does is played with fetch (tests/integration/oidc_flow.ts); every bad input leaves
 * the user signed out with a message that says what failed.
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { base64url } from "jose";
import { openCookie, sealCookie } from "../../edge/auth/cookies.ts";
import { USER_HEADER, encodeUserHeader } from "../../sessions/auth/user.ts";
import type { ServerFrame } from "../../sessions/protocol.ts";
import { TEST_CLIENT_SECRETS, TEST_COOKIE_SECRET } from "../auth_fixture.ts";
import { appFetch, Jar, loginAtProvider, providerIssuer, setCookies, signIn } from "./oidc_flow.ts";
import { buttonId, elements } from "./page.ts";
import { isRunEnd, openSession, randomSessionId, type TestSocket } from "./socket.ts";

const SLUG = "login-demo";

/** A new session (a new tab) of the login demo, sending `cookie`; resolves after its first run. */
async function newTab(cookie?: string, headers: Record<string, string> = {}): Promise<TestSocket> {
  const socket = await openSession(SLUG, randomSessionId(), { ...(cookie ? { Cookie: cookie } : {}), ...headers });
  await socket.next(isRunEnd);
  return socket;
}

function shows(socket: TestSocket): { buttons: string[]; markdown: string[] } {
  return { buttons: elements(socket.frames, "button").map((b) => b.label), markdown: elements(socket.frames, "markdown").map((m) => m.body) };
}

const SIGNED_OUT = { buttons: ["Log in with Google", "Log in with Microsoft"], markdown: [] };

function identityCookieOf(jar: Jar): string {
  const value = jar.cookies.get(`edgelit_user_${SLUG}`);
  if (!value) throw new Error("no identity cookie");
  return `edgelit_user_${SLUG}=${value}`;
}

async function clickButton(socket: TestSocket, label: string): Promise<ServerFrame[]> {
  const before = socket.frames.length;
  socket.send({ t: "widget", id: buttonId(socket.frames, label), value: true });
  await socket.next(isRunEnd);
  return socket.frames.slice(before);
}

async function expectRefused(response: Response, message: RegExp): Promise<void> {
  expect(response.status).toBe(400);
  const body = unescapeHtml(await response.text());
  expect(body).toContain("Sign-in failed");
  expect(body).toMatch(message);
  expect(setCookies(response).some((c: string) => c.startsWith(`edgelit_user_${SLUG}=`) && !c.includes("Max-Age=0"))).toBe(false);
}

function unescapeHtml(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Starts a sign-in and returns the sign-in cookie, the provider URL and the transaction inside the cookie (the test knows the secret). */
async function startedSignIn(provider: "google" | "microsoft" = "google") {
  const jar = new Jar();
  const start = await appFetch(jar, `/auth/login?provider=${provider}`);
  const value = jar.cookies.get(`edgelit_signin_${SLUG}`)!;
  const opened = await openCookie("sign-in", SLUG, TEST_COOKIE_SECRET, value);
  if (!opened.ok) throw new Error(opened.reason);
  return { jar, location: start.headers.get("Location")!, transaction: opened.claims as { provider: string; state: string; nonce: string; verifier: string } };
}

describe("st.login through a real OpenID Connect provider", () => {
  it("goes to the provider with PKCE, state, nonce and Streamlit's default scope and prompt", async () => {
    const { location, jar, transaction } = await startedSignIn();
    const url = new URL(location);
    expect(url.origin).toBe(providerIssuer("google"));
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: "login-demo",
      redirect_uri: `https://${SLUG}.edgelit.test/oauth2callback`,
      scope: "openid profile email",
      prompt: "select_account",
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge_method: "S256",
    });
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(jar.cookies.has(`edgelit_signin_${SLUG}`)).toBe(true);
  });

  it("signs in through the provider's login form, sets the identity cookie and greets the user in a new session", async () => {
    const { jar, response } = await signIn("google", "alice");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const identity = setCookies(response).find((c: string) => c.startsWith(`edgelit_user_${SLUG}=`))!;
    expect(identity).toMatch(/; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure$/);
    expect(jar.cookies.has(`edgelit_signin_${SLUG}`)).toBe(false);
    // The browser cannot read the claims: the cookie is encrypted.
    const parts = jar.cookies.get(`edgelit_user_${SLUG}`)!.split(".");
    expect(parts).toHaveLength(5);
    for (const part of parts) expect(new TextDecoder().decode(base64url.decode(part))).not.toContain("Alice");

    const tab = await newTab(identityCookieOf(jar));
    expect(shows(tab)).toEqual({ buttons: ["Log out"], markdown: ["Welcome! Alice Liddell"] });
    tab.close();
  });

  it("is signed in already in a new tab; logging out in one leaves the other signed in", async () => {
    const { jar } = await signIn("google", "alice");
    const cookie = identityCookieOf(jar);
    const first = await newTab(cookie);
    const second = await newTab(cookie);
    expect(shows(second).markdown).toEqual(["Welcome! Alice Liddell"]);

    const frames = await clickButton(first, "Log out");
    const redirect = frames.find((f) => f.t === "auth_redirect") as { url: string } | undefined;
    expect(redirect?.url).toBe("/auth/logout");
    const logout = await appFetch(jar, redirect!.url);
    expect(logout.status).toBe(302);
    expect(logout.headers.get("Location")).toBe("/");
    expect(jar.cookies.has(`edgelit_user_${SLUG}`)).toBe(false);
    // The browser comes back in a new session: signed out.
    expect(shows(await newTab(jar.header() || undefined))).toEqual(SIGNED_OUT);

    // The other tab's session started signed in and stays so.
    const before = second.frames.length;
    second.send({ t: "rerun" });
    await second.next(isRunEnd);
    expect(second.frames.length).toBeGreaterThan(before);
    expect(shows(second).markdown).toEqual(["Welcome! Alice Liddell"]);
    first.close();
    second.close();
  });

  it("signs in with the second provider, whose user is its own", async () => {
    const { jar } = await signIn("microsoft", "bob");
    const tab = await newTab(identityCookieOf(jar));
    expect(shows(tab).markdown).toEqual(["Welcome! Bob Builder"]);
    const opened = await openCookie("identity", SLUG, TEST_COOKIE_SECRET, jar.cookies.get(`edgelit_user_${SLUG}`)!);
    expect(opened).toMatchObject({ ok: true, claims: { provider: "microsoft", user: { sub: "bob", email: "bob@microsoft.example", iss: providerIssuer("microsoft") } } });
    expect(Object.keys((opened as unknown as { claims: { user: object } }).claims.user)).not.toContain("nonce");
    tab.close();
  });

  it("sends the browser to the provider from st.login in a button callback", async () => {
    const tab = await newTab();
    const frames = await clickButton(tab, "Log in with Microsoft");
    expect(frames.find((f) => f.t === "auth_redirect")).toEqual({ t: "auth_redirect", url: "/auth/login?provider=microsoft" });
    tab.close();
  });
});

describe("bad identity cookies leave the user signed out", () => {
  const claims = { user: { sub: "mallory", name: "Mallory" }, provider: "google" };
  const forged: [string, () => Promise<string>][] = [
    ["a random value", async () => "not-a-jwt"],
    ["a cookie made for another app", () => sealCookie("identity", "secrets-demo", TEST_COOKIE_SECRET, claims, 3600)],
    ["a cookie made with another secret", () => sealCookie("identity", SLUG, "another-apps-cookie-secret", claims, 3600)],
    ["an unencrypted token with alg none", async () => `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify({ ...claims, iss: "edgelit", aud: `identity:${SLUG}` }))}.`],
    [
      "a cookie with a changed byte",
      async () => {
        const parts = (await sealCookie("identity", SLUG, TEST_COOKIE_SECRET, claims, 3600)).split(".");
        parts[3] = (parts[3]![0] === "A" ? "B" : "A") + parts[3]!.slice(1);
        return parts.join(".");
      },
    ],
  ];
  for (const [what, make] of forged) {
    it(`refuses ${what}`, async () => {
      const cookie = `edgelit_user_${SLUG}=${await make()}`;
      expect(shows(await newTab(cookie))).toEqual(SIGNED_OUT);
      // Loading the app deletes the cookie that did not open.
      const page = await SELF.fetch(`https://${SLUG}.edgelit.test/`, { headers: { Cookie: cookie } });
      expect(page.status).toBe(200);
      expect(setCookies(page)).toEqual([expect.stringMatching(new RegExp(`^edgelit_user_${SLUG}=; .*Max-Age=0`))]);
    });
  }

  it("ignores a user header sent by the browser itself", async () => {
    expect(shows(await newTab(undefined, { [USER_HEADER]: encodeUserHeader({ name: "Mallory" }) }))).toEqual(SIGNED_OUT);
  });
});

describe("the callback refuses what did not come from this sign-in", () => {
  it("without a sign-in in progress", async () => {
    const response = await appFetch(new Jar(), `/oauth2callback?code=abc&state=xyz`);
    await expectRefused(response, /No sign-in is in progress in this browser/);
  });

  it("with a missing or wrong state", async () => {
    const missing = await startedSignIn();
    await expectRefused(await appFetch(missing.jar, `/oauth2callback?code=abc`), /has no state/);
    const wrong = await startedSignIn();
    await expectRefused(await appFetch(wrong.jar, `/oauth2callback?code=abc&state=${"x".repeat(43)}`), /wrong state/);
  });

  it("when the callback is replayed", async () => {
    const first = await signIn("google", "alice");
    expect(first.response.status).toBe(302);
    const replay = new Jar();
    for (const pair of first.cookiesAtCallback.split("; ")) replay.cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    await expectRefused(await appFetch(replay, first.callback), /used already/);
  });

  it("when the ID token's nonce is not this sign-in's", async () => {
    const { location, transaction } = await startedSignIn();
    const callback = await loginAtProvider(location, "alice");
    const jar = new Jar();
    jar.cookies.set(`edgelit_signin_${SLUG}`, await sealCookie("sign-in", SLUG, TEST_COOKIE_SECRET, { ...transaction, nonce: "another-nonce" }, 600));
    await expectRefused(await appFetch(jar, callback), /nonce is not the one this sign-in sent/);
  });

  it("when the answer comes from another issuer than the sign-in's provider", async () => {
    // Started with Google, answered by Microsoft with the same state: a mix-up.
    const { jar, location, transaction } = await startedSignIn("google");
    const elsewhere = new URL(location);
    const microsoft = new URL(`${providerIssuer("microsoft")}/auth`);
    microsoft.search = elsewhere.search;
    const callback = await loginAtProvider(microsoft.href, "alice");
    expect(new URL(callback).searchParams.get("state")).toBe(transaction.state);
    await expectRefused(await appFetch(jar, callback), /another issuer/);

    // Without the iss parameter, Google refuses Microsoft's code.
    const again = await startedSignIn("google");
    const other = new URL(`${providerIssuer("microsoft")}/auth`);
    other.search = new URL(again.location).search;
    const stripped = new URL(await loginAtProvider(other.href, "alice"));
    stripped.searchParams.delete("iss");
    await expectRefused(await appFetch(again.jar, stripped.href), /refused the authorization code \(invalid_grant\)/);
  });

  it("when the provider reports an error", async () => {
    const { jar, transaction } = await startedSignIn();
    await expectRefused(await appFetch(jar, `/oauth2callback?error=access_denied&state=${transaction.state}`), /ended the sign-in with access_denied/);
  });

  it("never redirects anywhere but the provider and the app's home page", async () => {
    const { jar, response } = await signIn("google", "alice");
    expect(response.headers.get("Location")).toBe("/");
    // Parameters that try to choose the destination are ignored.
    const started = await appFetch(new Jar(), `/auth/login?provider=google&redirect_uri=https://evil.example/&next=https://evil.example/`);
    const location = new URL(started.headers.get("Location")!);
    expect(location.origin).toBe(providerIssuer("google"));
    expect(location.searchParams.get("redirect_uri")).toBe(`https://${SLUG}.edgelit.test/oauth2callback`);
    const logout = await appFetch(jar, `/auth/logout?next=https://evil.example/`);
    expect(logout.headers.get("Location")).toBe("/");
    await expectRefused(await appFetch(new Jar(), `/auth/login?provider=https://evil.example/`), /must be the name of one of the app's \[auth\] providers/);
  });

  it("names what is missing when the app's configuration is", async () => {
    await expectRefused(await appFetch(new Jar(), `/auth/login?provider=github`), /missing for the authentication provider "github"/);
    await expectRefused(await appFetch(new Jar(), "https://hello.edgelit.test/auth/login"), /configure credentials for at least one authentication provider/);
  });

  it("never shows a code, token or secret in its messages", async () => {
    const { jar, location } = await startedSignIn();
    const callback = await loginAtProvider(location, "alice");
    const code = new URL(callback).searchParams.get("code")!;
    const wrongState = new URL(callback);
    wrongState.searchParams.set("state", "y".repeat(43));
    const body = await (await appFetch(jar, wrongState.href)).text();
    for (const secret of [code, TEST_COOKIE_SECRET, ...Object.values(TEST_CLIENT_SECRETS)]) expect(body).not.toContain(secret);
  });
});
