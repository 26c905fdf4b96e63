/**
 * Where `st.cache_data` keeps its entries, shared by every session of an app: Workers KV on
 * the platform (./kv_store.ts, made by the Durable Object's shell), a Map in-process (AppTest,
 * the benchmark). The engine only knows this interface, so it stays free of Cloudflare.
 */

/** What travels beside a stored value. */
export interface CacheEntryMetadata {
  /** When the entry stops being valid (ms since the epoch): KV's own expiry cannot go below 60 s. */
  expires?: number;
}

export interface CacheStore {
  get(key: string): Promise<{ value: string; metadata: CacheEntryMetadata | null } | null>;
  /** `expirationTtl` in seconds, at least KV_MIN_EXPIRATION_TTL. */
  put(key: string, value: string, options?: { expirationTtl?: number; metadata?: CacheEntryMetadata }): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key that starts with `prefix`. */
  list(prefix: string): Promise<string[]>;
}

/** Workers KV's shortest expiry, in seconds; a shorter `ttl` is checked against the stored expiry on read. */
export const KV_MIN_EXPIRATION_TTL = 60;
/** Workers KV's largest value, in bytes (25 MiB). */
export const MAX_VALUE_BYTES = 25 * 1024 * 1024;

/** A CacheStore in memory, with KV's expiry semantics: for AppTest and in-process use. */
export class MemoryCacheStore implements CacheStore {
  private readonly entries = new Map<string, { value: string; metadata: CacheEntryMetadata | null; expiresAt: number }>();
  /** Counts reads and writes, for tests of what reaches the store. */
  readonly stats = { gets: 0, puts: 0, deletes: 0 };

  async get(key: string): Promise<{ value: string; metadata: CacheEntryMetadata | null } | null> {
    this.stats.gets++;
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return { value: entry.value, metadata: entry.metadata };
  }

  async put(key: string, value: string, options: { expirationTtl?: number; metadata?: CacheEntryMetadata } = {}): Promise<void> {
    this.stats.puts++;
    if (options.expirationTtl !== undefined && options.expirationTtl < KV_MIN_EXPIRATION_TTL) {
      throw new Error(`Invalid expiration_ttl of ${options.expirationTtl}. Expiration TTL must be at least ${KV_MIN_EXPIRATION_TTL}.`);
    }
    const expiresAt = options.expirationTtl === undefined ? Infinity : Date.now() + options.expirationTtl * 1000;
    this.entries.set(key, { value, metadata: options.metadata ?? null, expiresAt });
  }

  async delete(key: string): Promise<void> {
    this.stats.deletes++;
    this.entries.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.entries.keys()].filter((key) => key.startsWith(prefix));
  }
}
