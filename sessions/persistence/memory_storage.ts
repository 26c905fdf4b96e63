/**
 * Key-value storage in memory with Durable Object storage's batch API and limits, counting
 * what is written: the unit tests' and the benchmark's stand-in for the real thing.
 */
import type { KeyValueStorage } from "./store.ts";

/** SQLite-backed Durable Object storage: a key and its value together at most 2 MB. */
const MAX_ENTRY_BYTES = 2_000_000;
const MAX_BATCH = 128;

export class MemoryStorage implements KeyValueStorage {
  readonly entries = new Map<string, unknown>();
  /** Bytes of keys and values written (UTF-8; a value that is not a string, as JSON). */
  bytesWritten = 0;
  keysWritten = 0;
  keysDeleted = 0;

  async list({ prefix }: { prefix: string }): Promise<Map<string, unknown>> {
    const keys = [...this.entries.keys()].filter((key) => key.startsWith(prefix)).sort();
    return new Map(keys.map((key) => [key, structuredClone(this.entries.get(key))]));
  }

  async put(entries: Record<string, unknown>): Promise<void> {
    const pairs = Object.entries(entries);
    if (pairs.length > MAX_BATCH) throw new Error(`put: ${pairs.length} keys, more than ${MAX_BATCH}.`);
    for (const [key, value] of pairs) {
      const bytes = byteLength(key) + byteLength(typeof value === "string" ? value : JSON.stringify(value));
      if (bytes > MAX_ENTRY_BYTES) throw new Error(`put: ${key} takes ${bytes} bytes, more than ${MAX_ENTRY_BYTES}.`);
      this.entries.set(key, structuredClone(value));
      this.bytesWritten += bytes;
      this.keysWritten++;
    }
  }

  async delete(keys: string[]): Promise<number> {
    if (keys.length > MAX_BATCH) throw new Error(`delete: ${keys.length} keys, more than ${MAX_BATCH}.`);
    let deleted = 0;
    for (const key of keys) if (this.entries.delete(key)) deleted++;
    this.keysDeleted += deleted;
    return deleted;
  }

  /** Starts counting afresh. */
  resetCounts(): void {
    this.bytesWritten = 0;
    this.keysWritten = 0;
    this.keysDeleted = 0;
  }
}

function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
