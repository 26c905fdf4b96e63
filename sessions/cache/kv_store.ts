/** The CacheStore of the platform: Workers KV, one namespace for every app (keys carry the app's prefix). */
import { KV_MIN_EXPIRATION_TTL, type CacheEntryMetadata, type CacheStore } from "./store.ts";

export class KvCacheStore implements CacheStore {
  constructor(private readonly kv: KVNamespace) {}

  async get(key: string): Promise<{ value: string; metadata: CacheEntryMetadata | null } | null> {
    const { value, metadata } = await this.kv.getWithMetadata<CacheEntryMetadata>(key, "text");
    return value === null ? null : { value, metadata };
  }

  async put(key: string, value: string, options: { expirationTtl?: number; metadata?: CacheEntryMetadata } = {}): Promise<void> {
    await this.kv.put(key, value, {
      ...(options.expirationTtl !== undefined ? { expirationTtl: Math.max(KV_MIN_EXPIRATION_TTL, Math.ceil(options.expirationTtl)) } : {}),
      ...(options.metadata ? { metadata: options.metadata } : {}),
    });
  }

  async delete(key: string): Promise<void> {
    await this.kv.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      const page: KVNamespaceListResult<unknown, string> = await this.kv.list({ prefix, ...(cursor ? { cursor } : {}) });
      keys.push(...page.keys.map((key) => key.name));
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    return keys;
  }
}
