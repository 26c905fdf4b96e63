/**
 * st.secrets on the platform: each app's secrets come from its own binding
 * (EDGELIT_SECRETS_<SLUG>, bound from the pool's config as .dev.vars would), and no secret
 * value reaches the browser, whatever element carries it.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import st, { env as appEnv } from "edgelit";
import { AppSession } from "../../sessions/engine/app_session.ts";
import { sessionPlatform } from "../../sessions/session_platform.ts";
import { secretValuesOf } from "../secrets_fixture.ts";
import { buttonId, elements } from "./page.ts";
import { isRunEnd, isSnapshot, openSession, randomSessionId } from "./socket.ts";

async function readAs(app: string): Promise<string> {
  const session = new AppSession({
    script: () => st.write(`${String(st.secrets.shared_key)} ${String(appEnv.shared_key)}`),
    send: () => {},
    platform: sessionPlatform(app, env),
  });
  session.requestRerun();
  await session.idle();
  return (session.tree.roots[0]!.children[0] as { props: { body?: string; message?: string } }).props.body ?? "";
}

describe("st.secrets from platform bindings, in workerd", () => {
  it("gives two apps with the same key name their own values only", async () => {
    expect(await readAs("tenant-a")).toBe("tenant-a-value-91c4e7 tenant-a-value-91c4e7");
    expect(await readAs("tenant-b")).toBe("tenant-b-value-2f08d3 tenant-b-value-2f08d3");
    const none = new AppSession({ script: () => st.write(st.secrets.shared_key), send: () => {}, platform: sessionPlatform("hello", env) });
    none.requestRerun();
    await none.idle();
    const error = none.tree.roots[0]!.children[0] as { props: { type: string; message: string } };
    expect(error.props.type).toBe("StreamlitSecretNotFoundError");
    expect(error.props.message).toContain("EDGELIT_SECRETS_HELLO");
  });

  it("sends no secret value to the browser in any frame of the secrets demo", async () => {
    const sessionId = randomSessionId();
    const socket = await openSession("secrets-demo", sessionId);
    await socket.next(isRunEnd);
    expect(elements(socket.frames, "markdown")[0]!.body).toBe("Secret keys of this app: greeting, api_key, db_credentials");

    socket.send({ t: "widget", id: buttonId(socket.frames, "Read a secret that is not there"), value: true });
    await socket.next(isRunEnd);
    expect(elements(socket.frames, "exception")[0]!.message).toContain('st.secrets has no key "not_a_secret"');

    socket.send({ t: "widget", id: buttonId(socket.frames, "Fail with the key in the message"), value: true });
    await socket.next(isRunEnd);
    expect(elements(socket.frames, "exception")[0]!.message).toBe("Could not log in with ********");

    const input = elements(socket.frames, "text_input")[0]!;
    socket.send({ t: "widget", id: input.id, value: "sign this" });
    await socket.next(isRunEnd);
    expect(elements(socket.frames, "code")[0]!.body).toMatch(/^HMAC-SHA256\(api_key, "sign this"\) = [0-9a-f]{64}$/);

    // A browser that reconnects gets the whole page as a snapshot.
    socket.close();
    const again = await openSession("secrets-demo", sessionId);
    await again.next(isSnapshot);
    await again.next(isRunEnd);
    again.close();
    const everything = JSON.stringify([socket.frames, again.frames]);
    expect(everything).toContain("Could not log in with ********");
    const secrets = secretValuesOf(env as unknown as Record<string, unknown>);
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});
