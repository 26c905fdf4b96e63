/**
 * What the platform gives an app's sessions besides the script: which app they belong to,
 * its secrets, the store its `st.cache_data` entries live in, and the bindings its
 * connections may reach. In an app's isolate it is made of the capabilities the platform bound
 * to the app (sessions/runtime/isolate_platform.ts); AppTest and the benchmark fill it in memory.
 */
import { MemoryCacheStore, type CacheStore } from "./cache/store.ts";
import { AppSecrets } from "./secrets/secrets.ts";

export interface AppPlatform {
  /** The app's slug: every cache key and resource is scoped by it, so no app reads another's. */
  readonly app: string;
  secrets: AppSecrets;
  /** Shared by every session of the app, in every Durable Object (Workers KV on the platform). */
  readonly cache: CacheStore;
  /** A binding of the Worker by name (a D1 database), or undefined. Connections check the app may use it first. */
  binding(name: string): unknown;
}

/** One store for every in-process session, as Streamlit's cache is one per server process. */
const processCache = new MemoryCacheStore();

/** The platform of an in-process session (AppTest, the benchmark): memory cache, no secrets unless given. */
export function inProcessPlatform(app: string, options: { secrets?: AppSecrets; cache?: CacheStore; bindings?: Record<string, unknown> } = {}): AppPlatform {
  const bindings = options.bindings ?? {};
  return {
    app,
    secrets: options.secrets ?? AppSecrets.none({ kind: "apptest" }),
    cache: options.cache ?? processCache,
    binding: (name) => (Object.hasOwn(bindings, name) ? bindings[name] : undefined),
  };
}
