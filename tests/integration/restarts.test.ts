// A session's Durable Object stopped at the worst moments, against workerd's real storage: after
// it comes back, the session has the state of its last completed run, and nothing half-written.
import { abortAllDurableObjects, env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { PersistedSession } from "../../sessions/engine/app_session.ts";
import { SessionStore } from "../../sessions/persistence/store.ts";
import type { ServerFrame, TreeNode } from "../../sessions/protocol.ts";
import { sessionName } from "../../sessions/session_name.ts";
import { buttonId, elements } from "./page.ts";
import { isRunEnd, isSnapshot, openSession, randomSessionId, type TestSocket } from "./socket.ts";

const stubOf = (slug: string, sessionId: string) => env.SESSIONS.get(env.SESSIONS.idFromName(sessionName.of(slug, sessionId)));
const bodies = (frames: ServerFrame[]) => elements(frames, "markdown").map((props) => props.body);
const shows = (text: string) => (frame: ServerFrame) => JSON.stringify(frame).includes(text);

/** Opens the session again after its object was stopped: what its first frame shows, then its first run's page. */
async function reopen(sessionId: string): Promise<{ socket: TestSocket; restored: string[] }> {
  const socket = await openSession("slow-count", sessionId);
  const restored = bodies([await socket.next(isSnapshot)]);
  await socket.next(isRunEnd);
  return { socket, restored };
}

describe("a session's object stopped mid-way", () => {
  it("in the middle of a run: the run's changes are gone, the last completed run's state is back", async () => {
    const sessionId = randomSessionId();
    const socket = await openSession("slow-count", sessionId);
    await socket.next(isRunEnd);
    socket.send({ t: "widget", id: buttonId(socket.frames, "Count"), value: true });
    // The run has raised the count in session state and is sleeping.
    await socket.next(shows("counting…"));
    await abortAllDurableObjects();

    const { socket: again, restored } = await reopen(sessionId);
    expect(restored).toEqual(["count: 0; Hello nobody"]);
    expect(bodies(again.frames).at(-1)).toBe("count: 0; Hello nobody");
    // And it goes on from there.
    again.send({ t: "widget", id: buttonId(again.frames, "Count"), value: true });
    await again.next(isRunEnd, 10_000);
    expect(bodies(again.frames).at(-1)).toBe("count: 1; Hello nobody");
    again.close();
  }, 30_000);

  it("between a widget event and its rerun: neither the new value nor half of its run is kept", async () => {
    const sessionId = randomSessionId();
    const socket = await openSession("slow-count", sessionId);
    await socket.next(isRunEnd);
    socket.send({ t: "widget", id: buttonId(socket.frames, "Count"), value: true });
    await socket.next(shows("counting…"));
    // The name arrives while the run sleeps: its rerun waits for the run to wake.
    const name = elements(socket.frames, "text_input")[0]!.id;
    socket.send({ t: "widget", id: name, value: "Ada" });
    await abortAllDurableObjects();

    const { socket: again, restored } = await reopen(sessionId);
    expect(restored).toEqual(["count: 0; Hello nobody"]);
    expect(elements(again.frames, "text_input")[0]!.value).toBe("nobody");
    // The viewer types it again: one rerun, whole.
    again.send({ t: "widget", id: name, value: "Ada" });
    await again.next(isRunEnd);
    expect(bodies(again.frames).at(-1)).toBe("count: 0; Hello Ada");
    again.close();
  }, 30_000);

  it("in the middle of a save: storage holds the session saved before or the one being saved, whole", async () => {
    const sessionOf = (label: string, lines: number): PersistedSession => ({
      version: 1,
      state: { user: [["label", label]], widgets: [] },
      tree: [
        { kind: "vertical", props: {}, block: true, children: Array.from({ length: lines }, (_, i): TreeNode => ({ kind: "markdown", props: { body: `${label} line ${i} ${"x".repeat(200)}` } })) },
        { kind: "vertical", props: {}, block: true, children: [] },
      ],
      widgets: [],
    });
    const before = sessionOf("before", 3000);
    const during = sessionOf("during", 6000);
    for (const pause of [0, 1, 3, 10]) {
      const sessionId = randomSessionId();
      await runInDurableObject(stubOf("slow-count", sessionId), async (_instance, state) => {
        const store = new SessionStore(state.storage);
        await store.load();
        await store.save(before);
      });
      // The save of `during` starts, then the object stops itself after `pause` turns of its event loop.
      const stopped = runInDurableObject(stubOf("slow-count", sessionId), async (_instance, state) => {
        const store = new SessionStore(state.storage);
        await store.load();
        void store.save(during).catch(() => undefined);
        for (let i = 0; i < pause; i++) await new Promise((resolve) => setTimeout(resolve, 0));
        state.abort("stopped mid-save");
      });
      await expect(stopped).rejects.toThrow();
      const stored = await runInDurableObject(stubOf("slow-count", sessionId), (_instance, state) => new SessionStore(state.storage).load());
      expect([before, during], `stopped after ${pause} turns`).toContainEqual(stored);
    }
  });
});

describe("a reconnect storm", () => {
  const SESSIONS = 200;
  it(`${SESSIONS} sessions dropped at once and back at once each resume their own state`, async () => {
    const ids = Array.from({ length: SESSIONS }, () => randomSessionId());
    // Each session types its own name.
    const first = await Promise.all(ids.map((id) => openSession("hello", id)));
    await Promise.all(first.map((socket) => socket.next(isRunEnd, 60_000)));
    await Promise.all(
      first.map((socket, i) => {
        socket.send({ t: "widget", id: elements(socket.frames, "text_input")[0]!.id, value: `visitor ${i}` });
        return socket.next(isRunEnd, 60_000);
      }),
    );
    for (const socket of first) socket.close();
    // Every object goes (a redeploy, a restart), and every browser reconnects at once.
    await abortAllDurableObjects();
    const again = await Promise.all(ids.map((id) => openSession("hello", id)));
    const snapshots = await Promise.all(again.map((socket) => socket.next(isSnapshot, 60_000)));
    const names = snapshots.map((snapshot) => elements([snapshot], "text_input")[0]!.value);
    expect(names.filter((name, i) => name !== `visitor ${i}`)).toEqual([]);
    await Promise.all(again.map((socket) => socket.next(isRunEnd, 60_000)));
    expect(again.map((socket) => bodies(socket.frames).find((body) => body.includes("visitor"))).filter((body, i) => body !== `Hello, **visitor ${i}**!`)).toEqual([]);
    for (const socket of again) socket.close();
  }, 240_000);
});
