/**
 * The red team: hostile tenants (tests/tenants/hostile-*, runaway), each trying an attack on the
 * platform or another app, under the real platform in workerd. Each test asserts the attack
 * fails and the victim's page, secrets, cache and sessions are as they were.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ServerFrame } from "../../sessions/protocol.ts";
import { TENANT_SECRETS } from "../secrets_fixture.ts";
import { buttonId, elements } from "./page.ts";
import { isRunEnd, isSnapshot, openSession, randomSessionId } from "./socket.ts";

const completed = (frame: ServerFrame) => frame.t === "run_end" && frame.outcome === undefined;
const ended = (frame: ServerFrame) => frame.t === "run_end" && frame.outcome !== "rerun";

/** The hello app's page, as a browser sees it after connecting. */
async function helloPage(): Promise<string[]> {
  const socket = await openSession("hello");
  await socket.next(completed);
  socket.close();
  return elements(socket.frames, "markdown").map((m) => m.body);
}

/** The one line of JSON the hostile-reach tenant writes about what it could reach. */
async function reachReport(): Promise<Record<string, { ok?: unknown; error?: string } & unknown>> {
  const socket = await openSession("hostile-reach");
  await socket.next(ended, 10_000);
  socket.close();
  const text = elements(socket.frames, "text")[0];
  if (!text) throw new Error(`No report: ${JSON.stringify(elements(socket.frames, "exception"))}`);
  return JSON.parse(text.body) as Record<string, { ok?: unknown; error?: string }>;
}

describe("a hostile tenant, in its own isolate", () => {
  it("sees only its own capabilities in its env: no platform binding, no other app's secrets", async () => {
    const report = await reachReport();
    expect(report.envKeys).toEqual(["APP_SLUG", "CACHE", "CPU_LIMIT_SECONDS", "SECRETS"]);
    for (const key of report.processEnv as string[]) expect(key).not.toMatch(/EDGELIT_SECRETS|SESSIONS|ASSETS|LOADER|^DB$/);
    const everything = JSON.stringify(report);
    for (const text of Object.values(TENANT_SECRETS)) expect(everything).not.toContain(/"(.*)"/.exec(text)![1]!);
    expect(report.secrets?.error).toContain("EDGELIT_SECRETS_HOSTILE_REACH");
  });

  it("never sees its own cookie or client secret, so it cannot mint identity cookies", async () => {
    const socket = await openSession("hostile-cookie");
    await socket.next(ended);
    socket.close();
    const seen = JSON.parse(elements(socket.frames, "text")[0]!.body) as Record<string, string>;
    expect(seen.cookie).toBe("********");
    expect(seen.client).toBe("********");
    // Configuration that is no secret still reads as itself.
    expect(seen.id).toBe([..."hostile-client-id"].reverse().join(""));
  });

  it("cannot read, list or rewrite another app's cache entries", async () => {
    await env.CACHE.put("app/victim/secret-entry", "victim-value");
    const report = await reachReport();
    // Only what it wrote itself, in its own key space.
    for (const key of report.listAll?.ok as string[]) expect(key).toBe("../victim/secret-entry");
    expect(report.readVictim?.ok).toBeNull();
    expect(JSON.stringify(report.readVictimUp)).not.toContain("victim-value");
    expect(await env.CACHE.get("app/victim/secret-entry")).toBe("victim-value");
    // What it wrote stayed in its own key space.
    expect((await env.CACHE.list({ prefix: "app/hostile-reach/" })).keys.map((k) => k.name)).toContain("app/hostile-reach/../victim/secret-entry");
  });

  it("reaches no D1 database its secrets do not name", async () => {
    const report = await reachReport();
    expect(report.database?.ok).toEqual([]);
    expect(report.connection?.error).toMatch(/secrets|binding/i);
  });

  it("cannot call the platform, another app's origin, loopback or private addresses", async () => {
    const report = await reachReport();
    for (const url of ["https://edgelit.test/", "https://hello.edgelit.test/", "http://localhost:8787/_stcore/health", "http://127.0.0.1:8787/", "http://[::1]/", "http://10.0.0.1/"]) {
      expect(report[`fetch ${url}`]?.ok, url).toBe(403);
    }
    expect(JSON.stringify(report["fetch file:///etc/passwd"])).toMatch(/403|error/);
  });

  it("still reaches public HTTP APIs, through the platform's outbound", async () => {
    const socket = await openSession("egress-demo");
    await socket.next(ended);
    socket.close();
    expect(elements(socket.frames, "markdown").map((m) => m.body)).toContain("200: hello from /greeting");
  });

  it("patches built-ins in its own isolate only: another app's frames and the gallery are unchanged", async () => {
    const before = await helloPage();
    const socket = await openSession("hostile-patch");
    await socket.next(ended);
    socket.close();
    expect(elements(socket.frames, "markdown").map((m) => m.body)).toContain("Patched everything I could reach.");
    expect(await helloPage()).toEqual(before);
    expect(before.join(" ")).toContain("Hello");
    const gallery = await SELF.fetch("https://edgelit.test/");
    expect(gallery.headers.get("content-type")).toContain("text/html");
    expect(await gallery.text()).toContain("Edgelit gallery");
    expect(await (await SELF.fetch("https://edgelit.test/_stcore/health")).text()).toBe("ok");
  });

  it("cannot import platform modules or another app: its build fails, its page says why", async () => {
    const socket = await openSession("hostile-import");
    await socket.next(ended);
    socket.close();
    const error = elements(socket.frames, "exception")[0]!;
    expect(error.message).toContain('could not be built');
    expect(error.message).toContain('"../../../sessions/engine/app_session.ts"');
    expect(error.message).toContain('"../tenant-a/app.ts"');
    expect(await helloPage()).toContain("Streamlit's API, on the edge. Text is **markdown**, with :red[colours] and emoji :rocket:.");
  });

  it("breaking the engine in its own isolate gets its viewers a clear error, and nobody else anything", async () => {
    const socket = await openSession("hostile-crash");
    const error = await socket.next((frame) => frame.t === "error");
    expect(error).toMatchObject({ t: "error", code: "app_failed" });
    expect((error as { message: string }).message).toContain("This app stopped unexpectedly");
    socket.send({ t: "rerun" });
    expect(await socket.next((frame) => frame.t === "error")).toMatchObject({ code: "app_failed" });
    socket.close();
    expect(await helloPage()).toContain("Streamlit's API, on the edge. Text is **markdown**, with :red[colours] and emoji :rocket:.");
  });

  it("whose isolate failed shows its page on reconnect without running the script again unasked", async () => {
    const sessionId = randomSessionId();
    const socket = await openSession("hostile-break", sessionId);
    await socket.next(completed);
    socket.send({ t: "widget", id: buttonId(socket.frames, "Break"), value: true });
    expect(await socket.next((frame) => frame.t === "error")).toMatchObject({ code: "app_failed" });
    socket.close();
    const resumed = await openSession("hostile-break", sessionId);
    expect(JSON.stringify(await resumed.next(isSnapshot))).toContain("Working, for now.");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.frames.some((frame) => frame.t === "run_start" || frame.t === "error")).toBe(false);
    resumed.close();
  });

  it("throwing while its module loads shows the error on its own page only", async () => {
    const socket = await openSession("hostile-throw");
    await socket.next(ended);
    socket.close();
    expect(elements(socket.frames, "exception")[0]!.message).toContain("hostile-throw fails as it loads");
    expect((await helloPage()).length).toBeGreaterThan(0);
  });
});

describe("a runaway script", () => {
  it("is stopped by its CPU limit with an error box, keeps its last state, and does not restart on reconnect", async () => {
    const sessionId = randomSessionId();
    const socket = await openSession("runaway", sessionId);
    await socket.next(completed);
    const other = await openSession("hello");
    await other.next(completed);

    const started = Date.now();
    socket.send({ t: "widget", id: buttonId(socket.frames, "Spin"), value: true });
    await socket.next(ended, 20_000);
    const stoppedAfter = Date.now() - started;
    const error = elements(socket.frames, "exception").at(-1)!;
    expect(error.type).toBe("CpuLimitExceeded");
    expect(error.message).toContain("ran past its limit of 1 s of CPU");
    expect(elements(socket.frames, "markdown").map((m) => m.body)).toContain("Spins: 0");
    // runner.cpuLimitSeconds = 1 in its config.toml.
    expect(stoppedAfter).toBeLessThan(10_000);

    // As soon as it is stopped, another app answers a click as usual.
    const clicked = Date.now();
    const slider = elements(other.frames, "slider")[0]!;
    other.send({ t: "widget", id: slider.id, value: 4 });
    await other.next(completed);
    expect(Date.now() - clicked).toBeLessThan(2000);
    other.close();
    // And so do the gallery and the health check.
    const asked = Date.now();
    expect((await SELF.fetch("https://edgelit.test/")).status).toBe(200);
    expect(await (await SELF.fetch("https://edgelit.test/_stcore/health")).text()).toBe("ok");
    expect(Date.now() - asked).toBeLessThan(2000);
    socket.close();

    // A reconnect shows the error and the last finished run's state, without running the loop again.
    const resumed = await openSession("runaway", sessionId);
    const snapshot = await resumed.next(isSnapshot);
    expect(JSON.stringify(snapshot)).toContain("CpuLimitExceeded");
    expect(JSON.stringify(snapshot)).toContain("Spins: 0");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.frames.some((frame) => frame.t === "run_start")).toBe(false);
    // The viewer asks again: the script runs.
    resumed.send({ t: "rerun" });
    await resumed.next(completed);
    expect(elements(resumed.frames, "markdown").map((m) => m.body)).toContain("Spins: 0");
    resumed.close();
  }, 30_000);
});
