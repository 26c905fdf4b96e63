import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import type { ServerFrame } from "../protocol.ts";

const ONE_PROVIDER = {
  auth: {
    redirect_uri: "http://app.localhost:8787/oauth2callback",
    cookie_secret: "a-cookie-secret",
    client_id: "client",
    client_secret: "client-secret",
    server_metadata_url: "https://accounts.example/.well-known/openid-configuration",
  },
};
const TWO_PROVIDERS = {
  auth: {
    redirect_uri: "http://app.localhost:8787/oauth2callback",
    cookie_secret: "a-cookie-secret",
    google: { client_id: "g", client_secret: "gs", server_metadata_url: "https://g.example/.well-known/openid-configuration" },
    microsoft: { client_id: "m", client_secret: "ms", server_metadata_url: "https://m.example/.well-known/openid-configuration" },
  },
};

/** The docs' example with callbacks. */
function docsApp() {
  if (!st.user.is_logged_in) {
    st.button("Log in with Google", { on_click: st.login, args: ["google"] });
    st.button("Log in with Microsoft", { on_click: st.login, args: ["microsoft"] });
    st.stop();
  }
  st.button("Log out", { on_click: st.logout });
  st.markdown(`Welcome! ${st.user.name}`);
}

function redirects(at: AppTest): string[] {
  return at.messages.flatMap((m) => (JSON.parse(m) as ServerFrame[]).filter((f) => f.t === "auth_redirect").map((f) => (f as { url: string }).url));
}

async function appWith(script: () => unknown, secrets: Record<string, unknown>, user?: Record<string, unknown>): Promise<AppTest> {
  const at = AppTest.from_function(script, user ? { user } : {});
  Object.assign(at.secrets, secrets);
  return at.run();
}

describe("st.user, st.login and st.logout", () => {
  it("shows the login buttons and stops while nobody is signed in", async () => {
    const at = await appWith(docsApp, TWO_PROVIDERS);
    expect(at.button.map((b) => b.label)).toEqual(["Log in with Google", "Log in with Microsoft"]);
    expect(at.markdown.length).toBe(0);
  });

  it("sends the browser to the named provider's sign-in route from an on_click callback", async () => {
    const at = await appWith(docsApp, TWO_PROVIDERS);
    await at.button[1]!.click().run();
    expect(redirects(at)).toEqual(["/auth/login?provider=microsoft"]);
  });

  it("uses the provider in [auth] itself when none is named", async () => {
    const at = await appWith(() => {
      if (st.button("Log in")) st.login();
    }, ONE_PROVIDER);
    await at.button[0]!.click().run();
    expect(redirects(at)).toEqual(["/auth/login?provider=default"]);
  });

  it("greets a signed-in user by the ID token's claims, attribute or key", async () => {
    const at = await appWith(() => {
      docsApp();
      st.write(st.user["email"], st.user.get("missing", "fallback"), "is_logged_in" in st.user);
    }, TWO_PROVIDERS, { name: "Alice Liddell", email: "alice@example.com", sub: "alice" });
    expect(at.markdown.map((m) => m.value)).toEqual(["Welcome! Alice Liddell", "alice@example.com fallback `true`"]);
    expect(at.button.map((b) => b.label)).toEqual(["Log out"]);
  });

  it("signs out of this session at once on st.logout, and sends the browser to the logout route", async () => {
    const at = await appWith(() => {
      if (st.button("Log out")) st.logout();
      st.write(`signed in: ${st.user.is_logged_in}`);
    }, ONE_PROVIDER, { name: "Alice" });
    expect(at.markdown[0]!.value).toBe("signed in: true");
    await at.button[0]!.click().run();
    expect(at.markdown[0]!.value).toBe("signed in: false");
    expect(redirects(at)).toEqual(["/auth/logout"]);
  });

  it("names the missing key of a broken [auth] configuration, as Streamlit does", async () => {
    const cases: [Record<string, unknown>, string | undefined, RegExp][] = [
      [{}, undefined, /configure credentials for at least one authentication provider/],
      [{ auth: { ...ONE_PROVIDER.auth, cookie_secret: undefined } }, undefined, /missing the "cookie_secret" key/],
      [{ auth: { ...ONE_PROVIDER.auth, redirect_uri: undefined } }, undefined, /missing the "redirect_uri" key/],
      [{ auth: { ...ONE_PROVIDER.auth, client_secret: undefined } }, undefined, /default authentication provider are missing the following keys: "client_secret"/],
      [TWO_PROVIDERS, "github", /missing for the authentication provider "github"/],
      [{ auth: { ...TWO_PROVIDERS.auth, google: { client_id: "g" } } }, "google", /"google" are missing the following keys: "client_secret", "server_metadata_url"/],
      [TWO_PROVIDERS, "my_provider", /contains an underscore/],
    ];
    for (const [secrets, provider, message] of cases) {
      const at = await appWith(() => st.login(provider), JSON.parse(JSON.stringify(secrets)));
      expect(at.exception[0]?.type, JSON.stringify(secrets)).toBe("StreamlitAuthError");
      expect(at.exception[0]!.message).toMatch(message);
      expect(redirects(at)).toEqual([]);
    }
  });

  it("is read-only, and says so when a claim is missing", async () => {
    const at = await appWith(() => {
      try {
        (st.user as unknown as Record<string, unknown>).name = "Mallory";
      } catch (error) {
        st.write((error as Error).message);
      }
      st.write(st.user.name);
    }, ONE_PROVIDER);
    expect(at.markdown[0]!.value).toMatch(/read-only/);
    expect(at.exception[0]!.type).toBe("AttributeError");
    expect(at.exception[0]!.message).toMatch(/st.user has no attribute "name". Nobody is logged in/);
  });

  it("keeps the user a session started with for the whole session", async () => {
    const at = await appWith(() => st.write(String(st.user.name)), ONE_PROVIDER, { name: "Alice" });
    at.session.startUser(null); // a later connect (a reconnecting tab) does not change who is signed in
    await at.run();
    expect(at.markdown[0]!.value).toBe("Alice");
    expect(at.session.toPersisted().user).toEqual({ claims: { name: "Alice" } });
  });
});
