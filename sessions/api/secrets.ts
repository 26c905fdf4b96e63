/**
 * st.secrets: the app's own secrets.toml, read-only, with key and attribute access alike
 * (`st.secrets["db"]`, `st.secrets.db.username`), sections that spread
 * (`connect({ ...st.secrets.db_credentials })`), `in`, and iteration over keys.
 * Methods win over secrets of the same name: read a secret called "keys" with `st.secrets.get("keys")`.
 * A missing key raises Streamlit's KeyError for both forms: JS cannot tell `.key` from `["key"]`
 * (Python raises AttributeError for the first).
 *
 * `env`: the root-level string secrets, the app's environment (Streamlit puts them in
 * `os.environ`). A Worker's `process.env` is shared by every app of the isolate, so apps
 * get their own object instead: `import st, { env } from "edgelit"`.
 */
import { currentContext } from "../engine/context.ts";
import { AppSecrets, isTable, type SecretTable, type SecretValue } from "../secrets/secrets.ts";

export interface SecretsSection {
  readonly [key: string]: any;
  get<T = unknown>(key: string, fallback?: T): T;
  keys(): string[];
  values(): unknown[];
  items(): [string, unknown][];
  /** A plain, deep copy. */
  to_dict(): Record<string, unknown>;
  has_key(key: string): boolean;
  [Symbol.iterator](): IterableIterator<string>;
}

export type SecretsProxy = SecretsSection;

function secretsNow(): AppSecrets {
  return currentContext("st.secrets").run.session.platform.secrets;
}

/** `st.secrets`, resolving the current session's app on each access. */
export function createSecretsProxy(resolve: () => AppSecrets = secretsNow): SecretsProxy {
  return sectionProxy(() => {
    const secrets = resolve();
    return { secrets, table: secrets.root };
  }, []);
}

/** The app's environment: its root-level string secrets. An unknown name reads undefined, as in `process.env`. */
export function createEnvProxy(resolve: () => AppSecrets = () => currentContext("env").run.session.platform.secrets): Readonly<Record<string, string | undefined>> {
  return new Proxy({} as Record<string, string>, {
    get: (_target, prop) => (typeof prop === "string" ? resolve().env()[prop] : undefined),
    has: (_target, prop) => typeof prop === "string" && Object.hasOwn(resolve().env(), prop),
    ownKeys: () => Object.keys(resolve().env()),
    getOwnPropertyDescriptor: (_target, prop) => {
      const env = resolve().env();
      if (typeof prop !== "string" || !Object.hasOwn(env, prop)) return undefined;
      return { value: env[prop], enumerable: true, configurable: true, writable: false };
    },
    set: readOnly,
    deleteProperty: readOnly,
    defineProperty: readOnly,
  });
}

/** Names some tools probe on any object (await, test matchers, inspectors): not secrets, never an error. */
const PROBES = new Set(["then", "constructor", "asymmetricMatch", "$$typeof", "nodeType", "tagName", "_isMockFunction", "inspect", "valueOf"]);

type Resolved = { secrets: AppSecrets; table: SecretTable };

function sectionProxy(resolve: () => Resolved, path: string[]): SecretsSection {
  const lookup = (key: string): unknown => {
    const { secrets, table } = resolve();
    if (!Object.hasOwn(table, key)) throw secrets.missingKey([...path, key].join("."));
    return wrap(table[key]!, () => ({ secrets, table: table[key] as SecretTable }), [...path, key]);
  };
  const keys = () => Object.keys(resolve().table);
  const methods: Record<string, () => unknown> = {
    get: () => (key: string, fallback?: unknown) => (Object.hasOwn(resolve().table, key) ? lookup(key) : fallback),
    keys: () => keys,
    values: () => () => keys().map(lookup),
    items: () => () => keys().map((key) => [key, lookup(key)]),
    to_dict: () => () => toPlain(resolve().table),
    has_key: () => (key: string) => Object.hasOwn(resolve().table, key),
    toJSON: () => () => toPlain(resolve().table),
    // Never the values: a string conversion is how secrets end up in logs.
    toString: () => () => (path.length ? `[st.secrets.${path.join(".")}]` : "[st.secrets]"),
  };
  return new Proxy({} as SecretsSection, {
    get(_target, prop) {
      if (typeof prop === "symbol") {
        if (prop === Symbol.iterator) return () => keys()[Symbol.iterator]();
        if (prop === Symbol.toStringTag) return "Secrets";
        return undefined;
      }
      const method = methods[prop];
      if (method) return method();
      if (PROBES.has(prop) && !Object.hasOwn(resolve().table, prop)) return undefined;
      return lookup(prop);
    },
    has: (_target, prop) => typeof prop === "string" && Object.hasOwn(resolve().table, prop),
    ownKeys: () => keys(),
    getOwnPropertyDescriptor(_target, prop) {
      if (typeof prop !== "string" || !Object.hasOwn(resolve().table, prop)) return undefined;
      return { value: lookup(prop), enumerable: true, configurable: true, writable: false };
    },
    set: readOnly,
    deleteProperty: readOnly,
    defineProperty: readOnly,
  });
}

function wrap(value: SecretValue, resolve: () => Resolved, path: string[]): unknown {
  if (isTable(value)) return sectionProxy(resolve, path);
  return value instanceof Date || Array.isArray(value) ? toPlain(value) : value;
}

function toPlain(value: unknown): any {
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(toPlain);
  if (isTable(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
  return value;
}

function readOnly(): never {
  throw new TypeError("Secrets does not support item assignment.");
}
