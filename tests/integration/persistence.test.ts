// Saving sessions in chunks, against workerd's real SQLite-backed Durable Object storage.
import { abortAllDurableObjects, env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apps } from "../../apps/registry.gen.ts";
import { AppSession, type PersistedSession } from "../../sessions/engine/app_session.ts";
import { LEGACY_KEY, MANIFEST_KEY, SessionStore } from "../../sessions/persistence/store.ts";
import type { ServerFrame, TreeNode } from "../../sessions/protocol.ts";
import { sessionName } from "../../sessions/session_name.ts";
import { buttonId, elements } from "./page.ts";
import { isRunEnd, isSnapshot, openSession, randomSessionId } from "./socket.ts";

const line500 = (frames: ServerFrame[]) => elements(frames, "markdown")[499]?.body;
const stubOf = (slug: string, sessionId: string) => env.SESSIONS.get(env.SESSIONS.idFromName(sessionName.of(slug, sessionId)));

/** Every entry of a Durable Object's storage, with the size of its value. */
const storedSizes = (slug: string, sessionId: string) =>
  runInDurableObject(stubOf(slug, sessionId), async (_instance, state) => {
    const sizes = new Map<string, number>();
    for (const [key, value] of await state.storage.list()) sizes.set(key, typeof value === "string" ? value.length : JSON.stringify(value).length);
    return sizes;
  });

describe("a session saved in chunks", () => {
  it("writes little for a click, and restores state, tree and widgets after an eviction", async () => {
    const sessionId = randomSessionId();
    const socket = await openSession("page1000", sessionId);
    await socket.next(isRunEnd);
    const before = await storedSizes("page1000", sessionId);
    socket.send({ t: "widget", id: buttonId(socket.frames, "Bump"), value: true });
    await socket.next(isRunEnd);
    const after = await storedSizes("page1000", sessionId);
    socket.close();

    expect(after.has(LEGACY_KEY)).toBe(false);
    expect(after.size).toBeGreaterThan(20);
    const total = [...after.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(90_000);
    // Keys of chunks never change their text: a click adds a few and deletes as many.
    const written = [...after].filter(([key, size]) => before.get(key) !== size || key === MANIFEST_KEY);
    expect(written.reduce((sum, [key, size]) => sum + key.length + size, 0)).toBeLessThan(4096);

    await abortAllDurableObjects();
    // What the app's isolate saved through the platform is the whole session, readable by itself.
    const stored = await runInDurableObject(stubOf("page1000", sessionId), (_instance, state) => new SessionStore(state.storage).load());
    expect(stored?.tree.flatMap((root) => (root.children ?? []) as TreeNode[]).some((node) => JSON.stringify(node).includes("Line 500: counter is 1"))).toBe(true);
    expect(stored?.widgets.map((widget) => widget.props.label)).toContain("Bump");

    const resumed = await openSession("page1000", sessionId);
    expect(line500([await resumed.next(isSnapshot)])).toBe("Line 500: counter is 1");
    await resumed.next(isRunEnd);
    resumed.send({ t: "widget", id: buttonId(resumed.frames, "Bump"), value: true });
    await resumed.next(isRunEnd);
    expect(line500(resumed.frames)).toBe("Line 500: counter is 2");
    resumed.close();
  });

  it("saves and restores a page of several MB, which one key could not hold", async () => {
    const big: PersistedSession = {
      version: 1,
      state: { user: [["rows", Array.from({ length: 30_000 }, (_, i) => ({ i, at: new Date(i) }))]], widgets: [] },
      tree: [
        {
          kind: "vertical",
          props: {},
          block: true,
          children: [
            { kind: "markdown", props: { body: "long ".repeat(600_000) } },
            { kind: "table", props: { table: { id: "big", columns: [{ name: "row", type: "integer" }, { name: "name", type: "string" }], rows: 40_000, data: [Array.from({ length: 40_000 }, (_, i) => i), Array.from({ length: 40_000 }, (_, i) => `name ${i}`)] } } },
            ...Array.from({ length: 3000 }, (_, i): TreeNode => ({ kind: "markdown", props: { body: `Line ${i}` } })),
          ],
        },
        { kind: "vertical", props: {}, block: true, children: [] },
      ],
      widgets: [],
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(4_000_000);
    const sessionId = randomSessionId();
    await runInDurableObject(stubOf("page1000", sessionId), async (_instance, state) => {
      const store = new SessionStore(state.storage);
      await store.load();
      await store.save(big);
    });
    await abortAllDurableObjects();
    // A stub does not outlive its object: each call gets a new one.
    const restored = await runInDurableObject(stubOf("page1000", sessionId), (_instance, state) => new SessionStore(state.storage).load());
    expect(restored).toStrictEqual(big);
    // Saved whole, as before, the same session is refused.
    await runInDurableObject(stubOf("page1000", sessionId), async (_instance, state) => {
      await expect(state.storage.put(LEGACY_KEY, big)).rejects.toThrow(/too big/i);
    });
  });

  it("reads a session an earlier version saved whole, then saves it in chunks", async () => {
    const old = new AppSession({ script: apps.find((app) => app.slug === "page1000")!.script, send: () => {} });
    old.requestRerun();
    await old.idle();
    const bump = (old.tree.roots[0]!.children[0] as Extract<TreeNode, { kind: "button" }>).props.id;
    for (let i = 0; i < 2; i++) {
      old.handleFrame({ t: "widget", id: bump, value: true });
      await old.idle();
    }
    const sessionId = randomSessionId();
    await runInDurableObject(stubOf("page1000", sessionId), (_instance, state) => state.storage.put(LEGACY_KEY, old.toPersisted()));

    const socket = await openSession("page1000", sessionId);
    expect(line500([await socket.next(isSnapshot)])).toBe("Line 500: counter is 2");
    await socket.next(isRunEnd);
    socket.send({ t: "widget", id: bump, value: true });
    await socket.next(isRunEnd);
    expect(line500(socket.frames)).toBe("Line 500: counter is 3");
    socket.close();
    const keys = await storedSizes("page1000", sessionId);
    expect(keys.has(LEGACY_KEY)).toBe(false);
    expect(keys.has(MANIFEST_KEY)).toBe(true);

    await abortAllDurableObjects();
    const resumed = await openSession("page1000", sessionId);
    expect(line500([await resumed.next(isSnapshot)])).toBe("Line 500: counter is 3");
    resumed.close();
  });
});
