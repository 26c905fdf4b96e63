import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppSession } from "./engine/app_session.ts";
import { FakeD1 } from "./connections/fake_d1.ts";
import { sessionPlatform } from "./session_platform.ts";

/** A Worker's env as the session Durable Object sees it, with stand-ins for its bindings. */
function workerEnv(extra: Record<string, unknown>): Env {
  return { CACHE: {}, SESSIONS: {}, ASSETS: {}, DB: new FakeD1(), ...extra } as unknown as Env;
}

async function run(slug: string, env: Env, script: () => unknown) {
  const session = new AppSession({ script, send: () => {}, platform: sessionPlatform(slug, env) });
  session.requestRerun();
  await session.idle();
  return session.tree.roots[0]!.children[0] as { kind: string; props: { body?: string; message?: string } };
}

describe("the session's platform", () => {
  it("reads the app's own secrets binding and no other", async () => {
    const env = workerEnv({ EDGELIT_SECRETS_ONE: 'k = "one-value"', EDGELIT_SECRETS_TWO: 'k = "two-value"' });
    expect((await run("one", env, () => st.write(st.secrets.k))).props.body).toBe("one-value");
    expect((await run("two", env, () => st.write(st.secrets.k))).props.body).toBe("two-value");
    expect((await run("three", env, () => st.write(st.secrets.k))).props.message).toContain("EDGELIT_SECRETS_THREE");
  });

  it("never hands the platform's own bindings to a connection, whatever the secrets name", async () => {
    for (const binding of ["CACHE", "SESSIONS", "ASSETS"]) {
      const env = workerEnv({ EDGELIT_SECRETS_SNEAKY: `[connections.c]\ntype = "sql"\nbinding = "${binding}"` });
      const shown = await run("sneaky", env, () => st.connection("c"));
      expect(shown.props.message).toContain(`No D1 database is bound as "${binding}"`);
    }
  });

  it("lets an app reach a D1 binding its secrets name", async () => {
    const env = workerEnv({ EDGELIT_SECRETS_PETS_APP: '[connections.pets]\ntype = "sql"\nbinding = "DB"' });
    expect((await run("pets-app", env, () => st.write(st.connection("pets").toString()))).props.body).toBe("SQLConnection(pets, D1 binding DB)");
  });
});
