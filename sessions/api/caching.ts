/**
 * st.cache_data and st.cache_resource. Python decorates; here the function is wrapped:
 *
 *   const load = st.cache_data(async function load(url: string) { ... }, { ttl: "10m" });
 *   const rows = await load(url);            // a cached call always returns a promise
 *   await load.clear();                       // this function, every session of the app
 *   await st.cache_data.clear();              // every cached function of the app
 *
 * `st.cache_data(options)` returns a wrapper to apply, like the decorator with arguments.
 * Arguments are hashed by value; keys of an object argument that start with "_" are not
 * hashed (`load({ _client: client, table: "pets" })`), as Streamlit skips parameters whose
 * names start with "_". Name the function (`async function load(...)`) to see its name in
 * the spinner and in errors: an arrow function passed inline has none.
 */
import { currentContext } from "../engine/context.ts";
import { clearAppData, DataCache, type CacheDataOptions, type FunctionIdentity } from "../cache/data_cache.ts";
import { clearAppResources, ResourceCache, type CacheResourceOptions } from "../cache/resource_cache.ts";

export type { CacheDataOptions } from "../cache/data_cache.ts";
export type { CacheResourceOptions } from "../cache/resource_cache.ts";

/** A function wrapped by `st.cache_data`: its calls return (a copy of) the cached result. */
export type CachedDataFunction<A extends unknown[], R> = ((...args: A) => Promise<Awaited<R>>) & {
  /** Forgets the function's results for every session of the app; with arguments, only that one. */
  clear(...args: A | []): Promise<void>;
};

/** A function wrapped by `st.cache_resource`: its calls return the one shared object. */
export type CachedResourceFunction<A extends unknown[], R> = ((...args: A) => R) & {
  /** Forgets the function's resources in this isolate; with arguments, only that one. */
  clear(...args: A | []): void;
};

export interface CacheDataAPI {
  <A extends unknown[], R>(fn: (...args: A) => R, options?: CacheDataOptions): CachedDataFunction<A, R>;
  (options?: CacheDataOptions): <A extends unknown[], R>(fn: (...args: A) => R) => CachedDataFunction<A, R>;
  /** Forgets every `st.cache_data` result of the app, for every session. */
  clear(): Promise<void>;
}

export interface CacheResourceAPI {
  <A extends unknown[], R>(fn: (...args: A) => R, options?: CacheResourceOptions): CachedResourceFunction<A, R>;
  (options?: CacheResourceOptions): <A extends unknown[], R>(fn: (...args: A) => R) => CachedResourceFunction<A, R>;
  /** Forgets every `st.cache_resource` object of the app in this isolate. */
  clear(): void;
}

/** `st.cache_data` with an identity other than the function's own name and code (SQLConnection.query). */
export function cachedData<A extends unknown[], R>(fn: (...args: A) => R, options: CacheDataOptions = {}, identity?: FunctionIdentity): CachedDataFunction<A, R> {
  const cache = new DataCache(fn, options, identity);
  const cached = (...args: A) => cache.call(args);
  return Object.assign(cached, {
    clear: (...args: A | []) => cache.clear(platformNow("clear()"), args.length > 0 ? (args as A) : undefined),
  });
}

export function cachedResource<A extends unknown[], R>(fn: (...args: A) => R, options: CacheResourceOptions = {}, identity?: FunctionIdentity): CachedResourceFunction<A, R> {
  const cache = new ResourceCache(fn, options, identity);
  const cached = (...args: A) => cache.call(args);
  return Object.assign(cached, {
    clear: (...args: A | []) => cache.clear(platformNow("clear()"), args.length > 0 ? (args as A) : undefined),
  });
}

export const cache_data = Object.assign(
  (fnOrOptions?: ((...args: any[]) => unknown) | CacheDataOptions, options?: CacheDataOptions) =>
    typeof fnOrOptions === "function" ? cachedData(fnOrOptions, options) : (fn: (...args: any[]) => unknown) => cachedData(fn, fnOrOptions),
  { clear: () => clearAppData(platformNow("st.cache_data.clear()")) },
) as CacheDataAPI;

export const cache_resource = Object.assign(
  (fnOrOptions?: ((...args: any[]) => unknown) | CacheResourceOptions, options?: CacheResourceOptions) =>
    typeof fnOrOptions === "function" ? cachedResource(fnOrOptions, options) : (fn: (...args: any[]) => unknown) => cachedResource(fn, fnOrOptions),
  { clear: () => clearAppResources(platformNow("st.cache_resource.clear()")) },
) as CacheResourceAPI;

function platformNow(what: string) {
  return currentContext(what).run.session.platform;
}
