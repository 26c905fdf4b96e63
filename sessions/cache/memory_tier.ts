/**
 * The in-isolate memory tier in front of the cache store: recently used entries of every
 * app's cached functions, least recently used first out, bounded per function by
 * `max_entries` and for the whole isolate by bytes. It belongs to the isolate, not to a
 * session, so every session (and Durable Object) of an app in this isolate hits it.
 */

export interface MemoryEntry {
  value: unknown;
  /** Size of the stored form, in bytes (close enough: characters of the encoded text). */
  bytes: number;
  /** When it stops being valid (ms since the epoch), or null. */
  expires: number | null;
}

/** Workers give an isolate 128 MB; the cache takes a quarter at most. */
export const MEMORY_TIER_BYTES = 32 * 1024 * 1024;
/** A value larger than this is served from the store only, so one big value cannot flush the tier. */
export const MEMORY_TIER_MAX_ENTRY_BYTES = 4 * 1024 * 1024;

export class MemoryTier {
  /** Entries of each function (by "app/function id"), in least-recently-used order. */
  private readonly functions = new Map<string, Map<string, MemoryEntry & { used: number }>>();
  private total = 0;
  private clock = 0;

  constructor(readonly maxBytes = MEMORY_TIER_BYTES) {}

  get bytes(): number {
    return this.total;
  }

  get(fn: string, key: string, now = Date.now()): MemoryEntry | undefined {
    const entries = this.functions.get(fn);
    const entry = entries?.get(key);
    if (!entries || !entry) return undefined;
    if (entry.expires !== null && entry.expires <= now) {
      this.remove(fn, key);
      return undefined;
    }
    entries.delete(key);
    entry.used = ++this.clock;
    entries.set(key, entry);
    return entry;
  }

  set(fn: string, key: string, entry: MemoryEntry, maxEntries: number | null): void {
    if (entry.bytes > MEMORY_TIER_MAX_ENTRY_BYTES || entry.bytes > this.maxBytes || maxEntries === 0) return;
    this.remove(fn, key);
    let entries = this.functions.get(fn);
    if (!entries) this.functions.set(fn, (entries = new Map()));
    entries.set(key, { ...entry, used: ++this.clock });
    this.total += entry.bytes;
    if (maxEntries !== null) while (entries.size > maxEntries) this.remove(fn, entries.keys().next().value!);
    while (this.total > this.maxBytes) this.evictOldest();
  }

  remove(fn: string, key: string): void {
    const entries = this.functions.get(fn);
    const entry = entries?.get(key);
    if (!entries || !entry) return;
    entries.delete(key);
    this.total -= entry.bytes;
    if (entries.size === 0) this.functions.delete(fn);
  }

  /** Drops every entry of the functions whose id starts with `prefix` ("app/fn" for one, "app/" for an app). */
  dropPrefix(prefix: string): void {
    for (const fn of [...this.functions.keys()]) {
      if (!fn.startsWith(prefix)) continue;
      for (const entry of this.functions.get(fn)!.values()) this.total -= entry.bytes;
      this.functions.delete(fn);
    }
  }

  /** The least recently used entry of the isolate goes: each function's oldest is first in its map. */
  private evictOldest(): void {
    let oldest: { fn: string; key: string; used: number } | null = null;
    for (const [fn, entries] of this.functions) {
      const [key, entry] = entries.entries().next().value!;
      if (!oldest || entry.used < oldest.used) oldest = { fn, key, used: entry.used };
    }
    if (oldest) this.remove(oldest.fn, oldest.key);
  }
}
