/**
 * `st.cache_data`: a function's results, kept per app in the platform's cache store (Workers
 * KV), so that every session and every Durable Object of the app shares them, with a memory
 * tier per isolate in front.
 *
 * Keys, all under the app's own prefix (an app never names a key itself):
 *   cache/<app>/data/<function>/<generation>/<arguments>   an entry: the value's stored text
 *   cache/<app>/gen                                        the app's generation (st.cache_data.clear())
 *   cache/<app>/gen/<function>                             the function's generation (fn.clear())
 * A clear writes a new generation, so every isolate stops seeing the old entries at once
 * (within GENERATION_FRESH_MS of its last look), then deletes them in the background.
 *
 * A function is known by its name and code, its entries by the hash of its arguments. KV's
 * expiry cannot go below 60 s, so each entry also carries its own expiry, checked on read.
 */
import { Buffer } from "node:buffer";
import { currentContext } from "../engine/context.ts";
import type { ScriptRun } from "../engine/run.ts";
import type { AppPlatform } from "../platform.ts";
import { durationSeconds, type Duration } from "./duration.ts";
import { CachedValueTooLargeError, UnhashableParamError, UnserializableReturnValueError, type CacheKind } from "./errors.ts";
import { MemoryTier } from "./memory_tier.ts";
import { withCacheSpinner } from "./spinner.ts";
import { KV_MIN_EXPIRATION_TTL, MAX_VALUE_BYTES, type CacheStore } from "./store.ts";
import { decodeValue, digest, encodeValue, hashValue, isPlainObject, typeName, UnhashableValue, UnstorableValue, type HashFuncs } from "./values.ts";

export interface CacheDataOptions {
  /** How long an entry lives: seconds, or a duration string ("1d", "10m"). Default: until cleared. */
  ttl?: Duration;
  /** Most entries the isolate's memory tier keeps for this function (the store keeps them until ttl or clear). */
  max_entries?: number | null;
  /** Show "Running `fn(...)`." while a miss computes (default), another text, or nothing. */
  show_spinner?: boolean | string;
  /** How to hash argument values of a type: keyed by class, class name or `typeof` name. */
  hash_funcs?: HashFuncs;
  /** Accepted for Streamlit compatibility: entries always persist in the store. */
  persist?: "disk" | boolean | null;
}

/** A function's identity in the cache: its name and its code (Streamlit: its module, name and source). */
export interface FunctionIdentity {
  name: string;
  code: string;
}

/** How fresh an isolate's copy of the generations must be before a call trusts it, in ms. */
export const GENERATION_FRESH_MS = 1000;

/** The isolate's memory tier, shared by every app (keys carry the app). */
export const memoryTier = new MemoryTier();

/** Per store: loads in flight by entry key (concurrent misses compute once), and generations read recently. */
const inFlight = new WeakMap<CacheStore, Map<string, Promise<unknown>>>();
const generations = new WeakMap<CacheStore, Map<string, { value: string; at: number }>>();

export class DataCache<A extends unknown[], R> {
  readonly id: string;
  readonly name: string;
  private readonly ttl: number | null;
  private readonly maxEntries: number | null;

  constructor(
    private readonly fn: (...args: A) => R,
    private readonly options: CacheDataOptions = {},
    identity: FunctionIdentity = { name: fn.name, code: fn.toString() },
  ) {
    this.name = identity.name || "cached function";
    this.id = digest(`cache_data\0${identity.name}\0${identity.code}`).slice(0, 32);
    this.ttl = durationSeconds(options.ttl);
    const maxEntries = options.max_entries ?? null;
    if (maxEntries !== null && (!Number.isInteger(maxEntries) || maxEntries < 0)) {
      throw new TypeError(`\`max_entries\` must be a non-negative integer or null, got ${String(maxEntries)}.`);
    }
    this.maxEntries = maxEntries;
  }

  /** The cached call: a copy of the stored result, or the function's result, stored for next time. */
  async call(args: A): Promise<Awaited<R>> {
    const { run } = currentContext(`st.cache_data (${this.name})`);
    const platform = run.session.platform;
    const argsKey = this.argsKey(args);
    const entryKey = `${await this.generation(platform)}/${argsKey}`;
    const memoryKey = this.memoryKey(platform);
    const hit = memoryTier.get(memoryKey, entryKey);
    if (hit) return structuredClone(hit.value) as Awaited<R>;

    const storeKey = `${this.prefix(platform)}/${entryKey}`;
    let loads = inFlight.get(platform.cache);
    if (!loads) inFlight.set(platform.cache, (loads = new Map()));
    const pending = loads.get(storeKey);
    if (pending) return structuredClone(await pending) as Awaited<R>;
    const load = this.load(run, platform, args, storeKey, memoryKey, entryKey);
    loads.set(storeKey, load);
    try {
      return (await load) as Awaited<R>;
    } finally {
      loads.delete(storeKey);
    }
  }

  /** Forgets every entry of the function, for every session of the app; with arguments, only that entry. */
  async clear(platform: AppPlatform, args?: A): Promise<void> {
    const memoryKey = this.memoryKey(platform);
    if (args && args.length > 0) {
      const entryKey = `${await this.generation(platform)}/${this.argsKey(args)}`;
      memoryTier.remove(memoryKey, entryKey);
      await platform.cache.delete(`${this.prefix(platform)}/${entryKey}`);
      return;
    }
    memoryTier.dropPrefix(memoryKey);
    await bumpGeneration(platform.cache, `cache/${platform.app}/gen/${this.id}`);
    await deletePrefix(platform.cache, `${this.prefix(platform)}/`);
  }

  private async load(run: ScriptRun, platform: AppPlatform, args: A, storeKey: string, memoryKey: string, entryKey: string): Promise<unknown> {
    // A store that fails to answer makes a miss, not an error: the app still runs, only slower.
    const stored = await platform.cache.get(storeKey).catch(() => null);
    if (stored && !(stored.metadata?.expires !== undefined && stored.metadata.expires <= Date.now())) {
      try {
        const value = decodeValue(stored.value);
        memoryTier.set(memoryKey, entryKey, { value: structuredClone(value), bytes: stored.value.length, expires: stored.metadata?.expires ?? null }, this.maxEntries);
        return value;
      } catch {
        // Not an entry this code wrote: compute it again.
      }
    }
    const value = await withCacheSpinner(run, this.spinnerText(args), async () => await this.fn(...args));
    const text = this.encode(value);
    const expires = this.ttl === null ? null : Date.now() + this.ttl * 1000;
    memoryTier.set(memoryKey, entryKey, { value: structuredClone(value), bytes: text.length, expires }, this.maxEntries);
    try {
      await platform.cache.put(storeKey, text, {
        ...(this.ttl !== null ? { expirationTtl: Math.max(KV_MIN_EXPIRATION_TTL, Math.ceil(this.ttl)) } : {}),
        ...(expires !== null ? { metadata: { expires } } : {}),
      });
    } catch (error) {
      // KV refuses more than one write per second to a key, and can be briefly unavailable: the value is still good.
      console.warn(`st.cache_data: could not store a result of ${this.name}() (${error instanceof Error ? error.name : "error"}); it stays in this isolate's memory only.`);
    }
    return value;
  }

  private encode(value: unknown): string {
    let text: string;
    try {
      text = encodeValue(value);
    } catch (error) {
      if (!(error instanceof UnstorableValue)) throw error;
      const what = error.where ? `${error.typeName} (at \`${error.where}\`)` : error.typeName;
      throw new UnserializableReturnValueError(this.name, typeName(value), `functions, symbols, class instances or values that contain themselves, such as this ${what}`);
    }
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > MAX_VALUE_BYTES) throw new CachedValueTooLargeError(this.name, bytes, MAX_VALUE_BYTES);
    return text;
  }

  private argsKey(args: A): string {
    return hashArguments("cache_data", this.name, args, this.options.hash_funcs);
  }

  private spinnerText(args: A): string | null {
    const show = this.options.show_spinner ?? true;
    if (typeof show === "string") return show;
    if (!show) return null;
    return args.length === 0 ? `Running \`${this.name}()\`.` : `Running \`${this.name}(...)\`.`;
  }

  private prefix(platform: AppPlatform): string {
    return `cache/${platform.app}/data/${this.id}`;
  }

  private memoryKey(platform: AppPlatform): string {
    return `${platform.app}/data/${this.id}`;
  }

  /** The app's and the function's generations, as one path segment. */
  private async generation(platform: AppPlatform): Promise<string> {
    const [app, fn] = await Promise.all([
      readGeneration(platform.cache, `cache/${platform.app}/gen`),
      readGeneration(platform.cache, `cache/${platform.app}/gen/${this.id}`),
    ]);
    return `${app}.${fn}`;
  }
}

/** `st.cache_data.clear()`: every cached function of the app, for every session. */
export async function clearAppData(platform: AppPlatform): Promise<void> {
  memoryTier.dropPrefix(`${platform.app}/data/`);
  await bumpGeneration(platform.cache, `cache/${platform.app}/gen`);
  await deletePrefix(platform.cache, `cache/${platform.app}/data/`);
}

async function readGeneration(store: CacheStore, key: string): Promise<string> {
  let known = generations.get(store);
  if (!known) generations.set(store, (known = new Map()));
  const cached = known.get(key);
  if (cached && Date.now() - cached.at < GENERATION_FRESH_MS) return cached.value;
  const stored = await store.get(key).catch(() => null);
  const value = stored?.value ?? cached?.value ?? "0";
  known.set(key, { value, at: Date.now() });
  return value;
}

async function bumpGeneration(store: CacheStore, key: string): Promise<void> {
  const value = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let known = generations.get(store);
  if (!known) generations.set(store, (known = new Map()));
  known.set(key, { value, at: Date.now() });
  try {
    await store.put(key, value);
  } catch {
    // KV takes one write per second per key: two clears in a row wait for the second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await store.put(key, value);
  }
}

/** Deletes what the old generations left; entries nobody can reach any more, so failures only cost space. */
async function deletePrefix(store: CacheStore, prefix: string): Promise<void> {
  try {
    const keys = await store.list(prefix);
    await Promise.all(keys.map((key) => store.delete(key)));
  } catch {
    // Unreachable entries expire with their ttl, or stay as garbage until the next clear.
  }
}

/**
 * The hash of a cached function's arguments. An object argument's keys that start with "_" are
 * left out, as Streamlit leaves out parameters whose names start with one (TS arguments have no names).
 */
export function hashArguments(kind: CacheKind, fnName: string, args: unknown[], hashFuncs: HashFuncs | undefined): string {
  const hashed = args.map((arg) => (isPlainObject(arg) ? Object.fromEntries(Object.entries(arg).filter(([key]) => !key.startsWith("_"))) : arg));
  try {
    return hashValue(hashed, hashFuncs);
  } catch (error) {
    if (!(error instanceof UnhashableValue)) throw error;
    throw new UnhashableParamError(kind, fnName, argumentName(error.where), error.typeName);
  }
}

/** Where inside the arguments a value sits, as an argument name: "[0].client.x" → "client", "[1]" → "arg 2". */
function argumentName(where: string): string {
  const match = /^\[(\d+)\](?:\.([^.[<]+))?/.exec(where);
  if (!match) return where || "(unnamed)";
  return match[2] ?? `arg ${Number(match[1]) + 1}`;
}
