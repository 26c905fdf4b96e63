/**
 * The platform of an app's session Durable Object, from its Worker's `env`: the app's own
 * secrets binding (EDGELIT_SECRETS_<SLUG>, the text of its secrets.toml), the shared KV
 * namespace for `st.cache_data` (keys carry the app's prefix), and the Worker's bindings,
 * which connections may reach only when the app's secrets name them.
 */
import { KvCacheStore } from "./cache/kv_store.ts";
import type { AppPlatform } from "./platform.ts";
import { AppSecrets, secretsBindingName } from "./secrets/secrets.ts";

/**
 * One store per KV namespace in the isolate, so that every session Durable Object here shares
 * the cache's in-flight loads and the generations it has read (they are kept per store).
 */
const stores = new WeakMap<KVNamespace, KvCacheStore>();

/** The platform's own bindings: never an app's database, whatever its secrets say. */
const PLATFORM_BINDINGS = new Set(["SESSIONS", "CACHE", "ASSETS"]);

export function sessionPlatform(slug: string, env: Env): AppPlatform {
  const bindings = env as unknown as Record<string, unknown>;
  return {
    app: slug,
    secrets: appSecrets(slug, bindings),
    cache: storeFor(env.CACHE),
    binding: (name) => (PLATFORM_BINDINGS.has(name) || !Object.hasOwn(bindings, name) ? undefined : bindings[name]),
  };
}

/** The app's secrets from its binding; an app without one has none (Streamlit's "No secrets found"). */
export function appSecrets(slug: string, bindings: Readonly<Record<string, unknown>>): AppSecrets {
  const binding = secretsBindingName(slug);
  const text = bindings[binding];
  const source = { kind: "binding", binding } as const;
  if (typeof text !== "string") return AppSecrets.none(source);
  // The Worker reads an app's secrets on every page load and socket connect: parse each text once per isolate.
  const parsed = parsedSecrets.get(binding);
  if (parsed?.text === text) return parsed.secrets;
  const secrets = AppSecrets.fromToml(text, source);
  parsedSecrets.set(binding, { text, secrets });
  return secrets;
}

const parsedSecrets = new Map<string, { text: string; secrets: AppSecrets }>();

function storeFor(kv: KVNamespace): KvCacheStore {
  let store = stores.get(kv);
  if (!store) stores.set(kv, (store = new KvCacheStore(kv)));
  return store;
}
