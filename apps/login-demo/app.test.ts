import { describe, expect, it } from "vitest";
import { parse } from "smol-toml";
import { AppTest } from "edgelit/testing";
import type { ServerFrame } from "../../sessions/protocol.ts";
import { testSecretBindings } from "../../tests/secrets_fixture.ts";

function demo(user?: Record<string, unknown>): AppTest {
  const at = AppTest.from_app("login-demo", user ? { user } : {});
  Object.assign(at.secrets, parse(testSecretBindings().EDGELIT_SECRETS_LOGIN_DEMO!));
  return at;
}

const redirects = (at: AppTest) =>
  at.messages.flatMap((m) => (JSON.parse(m) as ServerFrame[]).flatMap((f) => (f.t === "auth_redirect" ? [f.url] : [])));

describe("Login demo (the docs' two-provider example)", () => {
  it("offers both providers and stops while nobody is logged in", async () => {
    const at = await demo().run();
    expect(at.button.map((b) => b.label)).toEqual(["Log in with Google", "Log in with Microsoft"]);
    await at.button[0]!.click().run();
    expect(redirects(at)).toEqual(["/auth/login?provider=google"]);
    expect(at.markdown.length).toBe(0);
  });

  it("welcomes a logged-in user and logs out", async () => {
    const at = await demo({ sub: "alice", name: "Alice Liddell" }).run();
    expect(at.markdown[0]!.value).toBe("Welcome! Alice Liddell");
    await at.button[0]!.click().run();
    expect(redirects(at)).toEqual(["/auth/logout"]);
    // As in Streamlit, st.user is empty for the rest of that run; the browser is on its way out.
    expect(at.exception[0]!.type).toBe("AttributeError");
    await at.run();
    expect(at.button.map((b) => b.label)).toEqual(["Log in with Google", "Log in with Microsoft"]);
  });
});
