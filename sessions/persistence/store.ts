/**
 * A session in Durable Object storage, saved piece by piece: the session's text (see
 * layout.ts) cut into chunks, each under a key of its own, and a manifest naming them in
 * order. A save writes only the chunks that differ from every chunk already stored, the
 * manifest when it changed, and deletes the chunks no longer named.
 *
 * A chunk's key never holds other text than the one first written under it, so what is in
 * memory about storage can always be rebuilt by listing it.
 */
import type { PersistedSession } from "../engine/app_session.ts";
import { cutChunks, decodeSession, encodeSession } from "./layout.ts";

/** What the store needs of Durable Object storage; `DurableObjectStorage` has it, and so does MemoryStorage. */
export interface KeyValueStorage {
  list(options: { prefix: string }): Promise<Map<string, unknown>>;
  put(entries: Record<string, unknown>): Promise<void>;
  delete(keys: string[]): Promise<unknown>;
  /**
   * The puts, then the deletes (at most BATCH keys of each), committed together. The session's
   * host in an app's isolate has it: a save is then one call into the platform, not two.
   */
  write?(puts: Record<string, unknown>, deletes: string[]): Promise<void>;
}

interface Manifest {
  format: 2;
  /** Chunk numbers, in order; chunk n is under `${prefix}${n}`. */
  chunks: number[];
}

/** Durable Object storage takes at most 128 keys per put or delete. */
export const BATCH = 128;
/** Where a session was saved whole, before it was saved in chunks; one listing finds it and them. */
export const LEGACY_KEY = "session";
const PREFIX = `${LEGACY_KEY}:`;
export const MANIFEST_KEY = `${PREFIX}m`;

export class SessionStore {
  /** Every chunk in storage: its text, and its number. */
  private stored = new Map<string, number>();
  /** Keys in storage that no manifest needs (left by an interrupted save, or the session saved whole). */
  private strays: string[] = [];
  private manifest = "";
  private nextChunk = 0;
  private synced = false;

  constructor(private readonly storage: KeyValueStorage) {}

  /** The saved session, if any: in chunks, or whole as sessions were saved before. */
  async load(): Promise<PersistedSession | undefined> {
    const { manifest, chunks, legacy } = await this.sync();
    if (!manifest) return (legacy as PersistedSession | undefined)?.version === 1 ? (legacy as PersistedSession) : undefined;
    const texts = manifest.chunks.map((n) => chunks.get(n));
    try {
      if (texts.some((text) => text === undefined)) throw new Error("a chunk is missing");
      return decodeSession(texts.join(""));
    } catch (error) {
      // Better a session that starts afresh than one that cannot start at all.
      console.error(`Stored session unreadable (${error instanceof Error ? error.message : String(error)}); it starts afresh.`);
      return undefined;
    }
  }

  /** Writes what changed since the last save (or load); returns the session-state keys that could not be stored. */
  async save(session: PersistedSession): Promise<string[]> {
    if (!this.synced) await this.sync();
    const { parts, dropped } = encodeSession(session);
    const puts: Record<string, unknown> = {};
    const next = new Map<string, number>();
    const order: number[] = [];
    for (const text of cutChunks(parts)) {
      let n = next.get(text) ?? this.stored.get(text);
      if (n === undefined) {
        n = this.nextChunk++;
        puts[`${PREFIX}${n}`] = text;
      }
      next.set(text, n);
      order.push(n);
    }
    const manifest = JSON.stringify(order);
    if (manifest !== this.manifest) puts[MANIFEST_KEY] = { format: 2, chunks: order } satisfies Manifest;
    const kept = new Set(next.values());
    const deletes = [...this.stored.values()].filter((n) => !kept.has(n)).map((n) => `${PREFIX}${n}`);
    deletes.push(...this.strays);

    this.stored = next;
    this.strays = [];
    this.manifest = manifest;
    try {
      await this.write(puts, deletes);
    } catch (error) {
      // What storage holds is unknown now: the next save lists it first.
      this.synced = false;
      throw error;
    }
    return dropped;
  }

  /**
   * The chunks, then the manifest that names them, then the deletions of the chunks the old
   * manifest named: storage holds a whole session at every step, whatever it commits together.
   */
  private async write(puts: Record<string, unknown>, deletes: string[]): Promise<void> {
    const entries = Object.entries(puts);
    if (entries.length === 0 && deletes.length === 0) return;
    if (this.storage.write && entries.length <= BATCH && deletes.length <= BATCH) return this.storage.write(puts, deletes);
    const batches: Promise<unknown>[] = [];
    for (let i = 0; i < entries.length; i += BATCH) batches.push(this.storage.put(Object.fromEntries(entries.slice(i, i + BATCH))));
    await Promise.all(batches);
    batches.length = 0;
    for (let i = 0; i < deletes.length; i += BATCH) batches.push(this.storage.delete(deletes.slice(i, i + BATCH)));
    await Promise.all(batches);
  }

  /** Reads what storage holds into memory; returns the manifest, the chunks by number and the session saved whole. */
  private async sync(): Promise<{ manifest: Manifest | undefined; chunks: Map<number, string>; legacy: unknown }> {
    const entries = await this.storage.list({ prefix: LEGACY_KEY });
    const found = entries.get(MANIFEST_KEY) as Manifest | undefined;
    const manifest = found?.format === 2 ? found : undefined;
    const named = new Set(manifest?.chunks ?? []);
    this.stored = new Map();
    this.strays = [];
    this.nextChunk = 0;
    const chunks = new Map<number, string>();
    for (const [key, value] of entries) {
      if (key === MANIFEST_KEY || !(key === LEGACY_KEY || key.startsWith(PREFIX))) continue;
      const n = key === LEGACY_KEY ? NaN : Number(key.slice(PREFIX.length));
      if (Number.isInteger(n)) this.nextChunk = Math.max(this.nextChunk, n + 1);
      if (typeof value === "string" && Number.isInteger(n)) chunks.set(n, value);
      // A chunk no manifest names (its save was cut short), or a second copy of a text, goes at the next save.
      if (typeof value === "string" && named.has(n) && !this.stored.has(value)) this.stored.set(value, n);
      else this.strays.push(key);
    }
    this.manifest = manifest ? JSON.stringify(manifest.chunks) : "";
    this.synced = true;
    return { manifest, chunks, legacy: entries.get(LEGACY_KEY) };
  }
}
