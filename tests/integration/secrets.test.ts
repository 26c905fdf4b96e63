/**
 * st.secrets on the platform: each app's secrets come from its own binding
 * (EDGELIT_SECRETS_<SLUG>, bound from the pool's config as .dev.vars would), and no secret
 * value reaches the browser, whatever element carries it.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { secretValuesOf } from "../secrets_fixture.ts";
import { buttonId, elements } from "./page.ts";
import { isRunEnd, isSnapshot, openSession, randomSessionId } from "./socket.ts";

/** What a tenant's page shows: its first element, after the run a connect triggers. */
async function firstElementOf(app: string): Promise<{ body?: string; type?: string; message?: string }> {
  const socket = await openSession(app);
  const end = await socket.next(isRunEnd);
  socket.close();
  const shown = [...elements(socket.frames, "markdown"), ...elements(socket.frames, "exception")];
  expect(end.t).toBe("run_end");
  return shown[0] as { body?: string; type?: string; message?: string };
}

describe("st.secrets from platform bindings, in workerd", () => {
  it("gives two apps with the same key name their own values only", async () => {
    const reversed = (value: string) => [...value].reverse().join("");
    expect((await firstElementOf("tenant-a")).body).toBe(`${reversed("tenant-a-value-91c4e7")} ${reversed("tenant-a-value-91c4e7")}`);
    expect((await firstElementOf("tenant-b")).body).toBe(`${reversed("tenant-b-value-2f08d3")} ${reversed("tenant-b-value-2f08d3")}`);
    const error = await firstElementOf("tenant-none");
    expect(error.type).toBe("StreamlitSecretNotFoundError");
    expect(error.message).toContain("EDGELIT_SECRETS_TENANT_NONE");
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
