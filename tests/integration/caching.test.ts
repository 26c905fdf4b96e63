/**
 * st.cache_data on the platform: real Durable Objects and real Workers KV. The demo app's slow
 * function runs once for two browser sessions; entries are per app; clear() reaches every
 * session; ttl expires entries even below KV's 60-second minimum.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import st from "edgelit";
import { memoryTier } from "../../sessions/cache/data_cache.ts";
import { AppSession } from "../../sessions/engine/app_session.ts";
import { KvCacheStore } from "../../sessions/cache/kv_store.ts";
import { AppSecrets } from "../../sessions/secrets/secrets.ts";
import { buttonId, elements } from "./page.ts";
import { isRunEnd, openSession } from "./socket.ts";
import type { ServerFrame } from "../../sessions/protocol.ts";

/** The end of a run that completed (a click's run that asks for a rerun ends with outcome "rerun"). */
const isCompleted = (frame: ServerFrame) => frame.t === "run_end" && frame.outcome === undefined;

/** Runs `script` once in a new in-process session of `app` whose cache is the real KV namespace. */
async function runAs(app: string, script: () => unknown): Promise<AppSession> {
  const platform = { app, secrets: AppSecrets.none({ kind: "apptest" }), cache: new KvCacheStore(env.CACHE), binding: () => undefined };
  const session = new AppSession({ script, send: () => {}, platform });
  session.requestRerun();
  await session.idle();
  return session;
}

const SLOW_MS = 1200;

describe("st.cache_data across sessions, in workerd with KV", () => {
  it("computes the demo's slow function once for two browser sessions, and clear() reaches both", async () => {
    const a = await openSession("caching");
    await a.next(isRunEnd, 8000);
    // Start from a known state: A clears, and its rerun computes the report again.
    a.send({ t: "widget", id: buttonId(a.frames, "Clear this function's cache"), value: true });
    await a.next(isCompleted, 8000);
    expect(elements(a.frames, "caption")[0]!.body).toMatch(/\(this one\)\.$/);
    const computedByA = elements(a.frames, "caption")[0]!.body;

    const b = await openSession("caching");
    await b.next(isRunEnd, 8000);
    const seenByB = elements(b.frames, "caption")[0]!.body;
    expect(seenByB.slice(0, seenByB.indexOf(";"))).toBe(computedByA.replace(" (this one).", ""));
    const answeredInB = elements(b.frames, "metric")[0]!.value;
    expect(answeredInB).toMatch(/ ms$/);
    expect(parseFloat(answeredInB)).toBeLessThan(SLOW_MS);

    // B clears: its rerun computes again; A's next run sees B's result, not its own.
    b.send({ t: "widget", id: buttonId(b.frames, "Clear this function's cache"), value: true });
    await b.next(isCompleted, 8000);
    expect(elements(b.frames, "caption")[0]!.body).toMatch(/\(this one\)\.$/);
    const computedByB = elements(b.frames, "caption")[0]!.body.replace(" (this one).", "");
    a.send({ t: "rerun" });
    await a.next(isRunEnd, 8000);
    expect(elements(a.frames, "caption")[0]!.body.startsWith(computedByB + ";")).toBe(true);
    a.close();
    b.close();
  });

  it("computes a miss once when two browser sessions ask at the same time", async () => {
    const a = await openSession("caching");
    await a.next(isCompleted, 8000);
    a.send({ t: "widget", id: buttonId(a.frames, "Clear this function's cache"), value: true });
    await a.next(isCompleted, 8000);
    // Both ask for another region at once: one computes, the other waits for its result.
    const b = await openSession("caching");
    await b.next(isCompleted, 8000);
    const regionOf = (frames: ServerFrame[]) => elements(frames, "selectbox")[0]!;
    a.send({ t: "widget", id: regionOf(a.frames).id, value: 2 });
    b.send({ t: "widget", id: regionOf(b.frames).id, value: 2 });
    await Promise.all([a.next(isCompleted, 8000), b.next(isCompleted, 8000)]);
    const byA = elements(a.frames, "caption")[0]!.body;
    const byB = elements(b.frames, "caption")[0]!.body;
    expect(elements(a.frames, "markdown").map((m) => m.body)).toContain("Report for **Asia**: total 4938.");
    expect(byA.slice(0, byA.indexOf(" by session"))).toBe(byB.slice(0, byB.indexOf(" by session")));
    expect(byA.match(/by session `(\w+)`/)![1]).toBe(byB.match(/by session `(\w+)`/)![1]);
    a.close();
    b.close();
  });

  it("is a hit from KV in another session of the app, and a miss for another app with the same function", async () => {
    let calls = 0;
    const load = st.cache_data(async function identical(x: number) {
      calls++;
      return { x, at: Date.now() };
    });
    const script = async () => st.write(JSON.stringify(await load(7)));
    const tag = crypto.randomUUID().slice(0, 8);
    await runAs(`kv-a-${tag}`, script);
    expect(calls).toBe(1);
    // Another isolate has an empty memory tier: only KV can answer.
    memoryTier.dropPrefix(`kv-a-${tag}/`);
    await runAs(`kv-a-${tag}`, script);
    expect(calls).toBe(1);
    await runAs(`kv-b-${tag}`, script);
    expect(calls).toBe(2);
    const keys = await env.CACHE.list({ prefix: `cache/kv-a-${tag}/data/` });
    expect(keys.keys.length).toBe(1);
    const stored = await env.CACHE.get(keys.keys[0]!.name);
    expect(JSON.parse(stored!)).toMatchObject({ x: 7 });
  });

  it("expires an entry after a ttl shorter than KV's minimum", async () => {
    let calls = 0;
    const brief = st.cache_data(async function brief() {
      return ++calls;
    }, { ttl: 1 });
    const app = `kv-ttl-${crypto.randomUUID().slice(0, 8)}`;
    const read = async () => {
      const session = await runAs(app, async () => st.write(`${await brief()}`));
      memoryTier.dropPrefix(`${app}/`);
      return (session.tree.roots[0]!.children[0] as { props: { body: string } }).props.body;
    };
    expect(await read()).toBe("1");
    expect(await read()).toBe("1");
    const [key] = (await env.CACHE.list({ prefix: `cache/${app}/data/` })).keys;
    expect(key!.expiration).toBeGreaterThan(Date.now() / 1000 + 50);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await read()).toBe("2");
  });
});
