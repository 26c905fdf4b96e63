import { describe, expect, it, vi } from "vitest";
import st from "edgelit";
import { apps } from "../../apps/registry.gen.ts";
import { AppSession, type PersistedSession, type ScriptFn } from "../engine/app_session.ts";
import { isBlock, type TreeNode } from "../protocol.ts";
import { MAX_CHUNK_CHARS } from "./layout.ts";
import { MemoryStorage } from "./memory_storage.ts";
import { LEGACY_KEY, MANIFEST_KEY, SessionStore } from "./store.ts";

/** An app session saving into `storage` after every run, as the Durable Object does. */
async function started(script: ScriptFn, storage: MemoryStorage, restored?: PersistedSession) {
  const store = new SessionStore(storage);
  const loaded = restored ?? (await store.load());
  const session = new AppSession({ script, send: () => {}, restored: loaded, persist: async (s) => void (await store.save(s)) });
  session.requestRerun();
  await session.idle();
  return session;
}

/** A restart: a new store over the same storage. */
const reload = (storage: MemoryStorage) => new SessionStore(storage).load();

function widgetId(session: AppSession, kind: string, label: string): string {
  const found: string[] = [];
  const visit = (node: TreeNode) => {
    if (isBlock(node)) node.children.forEach(visit);
    else if (node.kind === kind && (node.props as { label?: string }).label === label) found.push((node.props as { id: string }).id);
  };
  session.tree.roots.forEach(visit);
  if (!found[0]) throw new Error(`No ${kind} "${label}"`);
  return found[0];
}

async function send(session: AppSession, id: string, value: unknown) {
  expect(session.handleFrame({ t: "widget", id, value } as never)).toBeNull();
  await session.idle();
}

const page1000 = apps.find((app) => app.slug === "page1000")!.script;
const whole = (session: PersistedSession) => JSON.stringify(session).length;

describe("saving a session in chunks", () => {
  it("restores after a restart exactly what was saved: state, tree, widgets", async () => {
    const storage = new MemoryStorage();
    const script = () => {
      if (!("visits" in st.session_state)) {
        st.session_state.visits = 0;
        st.session_state.since = new Date("2026-01-02T03:04:05Z");
        st.session_state.seen = new Map([["home", new Set([1, 2])]]);
      }
      st.session_state.visits += 1;
      const name = st.text_input("Name", { key: "name" });
      st.checkbox("Agree");
      with_columns(name);
    };
    const with_columns = (name: string) => {
      const [left, right] = st.columns(2);
      left.write(`Hello ${name}`);
      right.expander("More").write("inside");
    };
    const session = await started(script, storage);
    await send(session, widgetId(session, "text_input", "Name"), "Ada");
    await send(session, widgetId(session, "checkbox", "Agree"), true);

    const restored = await reload(storage);
    expect(restored).toStrictEqual(session.toPersisted());
    expect(restored!.state.user.find(([key]) => key === "since")![1]).toBeInstanceOf(Date);

    const resumed = await started(script, storage, restored);
    expect(resumed.state.get("name")).toBe("Ada");
    expect(resumed.state.get("visits")).toBe(4);
    await send(resumed, widgetId(resumed, "text_input", "Name"), "Grace");
    expect(await reload(storage)).toStrictEqual(resumed.toPersisted());
  });

  it("writes a few KB for a click on the 1000-line page", async () => {
    const storage = new MemoryStorage();
    const session = await started(page1000, storage);
    const firstSave = storage.bytesWritten;
    expect(firstSave).toBeGreaterThan(90_000);

    storage.resetCounts();
    await send(session, widgetId(session, "button", "Bump"), true);
    expect(storage.bytesWritten).toBeLessThan(4096);
    expect(storage.keysWritten).toBeLessThanOrEqual(4);
    expect(whole(session.toPersisted())).toBeGreaterThan(90_000);

    // A rerun that changes nothing writes nothing.
    storage.resetCounts();
    session.requestRerun();
    await session.idle();
    expect(storage.keysWritten).toBe(0);
    expect(storage.keysDeleted).toBe(0);

    const restored = await reload(storage);
    expect(restored).toStrictEqual(session.toPersisted());
    const resumed = await started(page1000, storage, restored);
    await send(resumed, widgetId(resumed, "button", "Bump"), true);
    expect(resumed.state.get("counter")).toBe(2);
  });

  it("writes little when an element is added near the top of a long page, and deletes what is gone", async () => {
    const storage = new MemoryStorage();
    let extra = false;
    const script = () => {
      if (extra) st.write("A new line at the top");
      for (let i = 1; i <= 1000; i++) st.write(`Line ${i}: the quick brown fox jumps over the lazy dog`);
    };
    const session = await started(script, storage);
    const firstSave = storage.bytesWritten;
    const keys = storage.entries.size;

    storage.resetCounts();
    extra = true;
    session.requestRerun();
    await session.idle();
    expect(storage.bytesWritten).toBeLessThan(firstSave / 10);
    expect(await reload(storage)).toStrictEqual(session.toPersisted());

    extra = false;
    session.requestRerun();
    await session.idle();
    expect(storage.entries.size).toBe(keys);
    expect(await reload(storage)).toStrictEqual(session.toPersisted());
  });

  it("persists a page of several MB, with one element bigger than any stored value may be", async () => {
    const storage = new MemoryStorage();
    let note = "first";
    const script = () => {
      st.markdown("x".repeat(2_500_000) + " é😀 ".repeat(50_000));
      st.table(Array.from({ length: 20_000 }, (_, i) => ({ row: i, name: `name ${i}`, value: i / 7 })));
      for (let i = 0; i < 2000; i++) st.write(`Line ${i}`);
      st.write(note);
    };
    const session = await started(script, storage);
    expect(whole(session.toPersisted())).toBeGreaterThan(3_000_000);
    // One key for the whole session would be refused.
    await expect(storage.put({ whole: session.toPersisted() })).rejects.toThrow(/more than/);
    for (const value of storage.entries.values()) {
      if (typeof value === "string") expect(value.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
    }
    expect(await reload(storage)).toStrictEqual(session.toPersisted());

    storage.resetCounts();
    note = "second";
    session.requestRerun();
    await session.idle();
    expect(storage.bytesWritten).toBeLessThan(8192);
    expect(await reload(storage)).toStrictEqual(session.toPersisted());
  });

  it("reads a session saved whole by an earlier version once, then saves it in chunks", async () => {
    const storage = new MemoryStorage();
    const old = await started(page1000, new MemoryStorage());
    await send(old, widgetId(old, "button", "Bump"), true);
    await storage.put({ [LEGACY_KEY]: old.toPersisted() });

    const restored = await reload(storage);
    expect(restored).toStrictEqual(old.toPersisted());
    const store = new SessionStore(storage);
    await store.load();
    await store.save(restored!);
    expect(storage.entries.has(LEGACY_KEY)).toBe(false);
    expect(await reload(storage)).toStrictEqual(old.toPersisted());
  });

  it("leaves out a session-state value that cannot be stored, and keeps the rest", async () => {
    const storage = new MemoryStorage();
    const store = new SessionStore(storage);
    await store.load();
    const session: PersistedSession = {
      version: 1,
      state: { user: [["fn", () => 1], ["kept", [1, 2]]], widgets: [] },
      tree: [],
      widgets: [],
    };
    expect(await store.save(session)).toEqual(["fn"]);
    expect((await reload(storage))!.state.user).toEqual([["kept", [1, 2]]]);
  });

  it("after a failed write, lists storage again and saves everything that is missing", async () => {
    const storage = new FlakyStorage();
    const store = new SessionStore(storage);
    await store.load();
    const session = (n: number): PersistedSession => ({
      version: 1,
      state: { user: [["n", n]], widgets: [] },
      tree: [{ kind: "vertical", props: {}, block: true, children: Array.from({ length: 200 }, (_, i) => ({ kind: "text", props: { body: `${i}` } })) }],
      widgets: [],
    });
    await store.save(session(1));
    storage.failNext = true;
    await expect(store.save(session(2))).rejects.toThrow("disk on fire");
    // Half a save leaves the previous session whole.
    expect(await reload(storage)).toStrictEqual(session(1));
    await store.save(session(3));
    expect(await reload(storage)).toStrictEqual(session(3));
    expect(storage.entries.size).toBe(new Set((storage.entries.get(MANIFEST_KEY) as { chunks: number[] }).chunks).size + 1);
  });

  it("saves a click in one write call where storage has one (the platform's host), and loads it back", async () => {
    const storage = new OneCallStorage();
    const session = await started(page1000, storage);
    storage.calls.length = 0;
    await send(session, widgetId(session, "button", "Bump"), true);
    expect(storage.calls).toEqual(["write"]);
    expect(await reload(storage)).toStrictEqual(session.toPersisted());
    // Nothing changed: nothing is called.
    storage.calls.length = 0;
    session.requestRerun();
    await session.idle();
    expect(storage.calls).toEqual([]);
  });

  it("starts afresh from a store it cannot read, and the next save mends it", async () => {
    const storage = new MemoryStorage();
    const session = await started(page1000, storage);
    const chunk = [...storage.entries.keys()].find((key) => key !== MANIFEST_KEY)!;
    storage.entries.delete(chunk);
    const store = new SessionStore(storage);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await store.load()).toBeUndefined();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
    await store.save(session.toPersisted());
    expect(await reload(storage)).toStrictEqual(session.toPersisted());
  });
});

/** Storage whose next put fails halfway through its entries, as a crash between two writes would leave it. */
class FlakyStorage extends MemoryStorage {
  failNext = false;
  override async put(entries: Record<string, unknown>): Promise<void> {
    if (!this.failNext) return super.put(entries);
    this.failNext = false;
    const pairs = Object.entries(entries);
    await super.put(Object.fromEntries(pairs.slice(0, 1)));
    throw new Error("disk on fire");
  }
}

/** Storage with the host's one-call write, recording which calls a save makes. */
class OneCallStorage extends MemoryStorage {
  readonly calls: string[] = [];
  override async put(entries: Record<string, unknown>): Promise<void> {
    this.calls.push("put");
    return super.put(entries);
  }
  override async delete(keys: string[]): Promise<number> {
    this.calls.push("delete");
    return super.delete(keys);
  }
  async write(puts: Record<string, unknown>, deletes: string[]): Promise<void> {
    this.calls.push("write");
    await super.put(puts);
    await super.delete(deletes);
  }
}
