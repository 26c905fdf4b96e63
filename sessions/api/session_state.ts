/**
 * st.session_state: dict-style and attribute-style access to the session's state, the
 * way Python code uses it (`st.session_state.count`, `"count" in st.session_state`, `del`).
 */
import { currentContext } from "../engine/context.ts";
import type { SessionState } from "../engine/state.ts";

export interface SessionStateProxy {
  [key: string]: any;
  get<T = unknown>(key: string, fallback?: T): T;
  keys(): string[];
  values(): unknown[];
  items(): [string, unknown][];
  to_dict(): Record<string, unknown>;
  /** Sets several keys, like Python's `dict.update`. */
  update(values: Record<string, unknown>): void;
  setdefault<T>(key: string, fallback: T): T;
  clear(): void;
}

const methods: Record<string, (state: SessionState) => unknown> = {
  get: (state) => (key: string, fallback?: unknown) => (state.has(key) ? state.get(key) : fallback),
  keys: (state) => () => state.keys(),
  values: (state) => () => state.keys().map((key) => state.get(key)),
  items: (state) => () => state.keys().map((key) => [key, state.get(key)]),
  to_dict: (state) => () => state.toDict(),
  update: (state) => (values: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(values)) state.set(key, value);
  },
  setdefault: (state) => (key: string, fallback: unknown) => {
    if (!state.has(key)) state.set(key, fallback);
    return state.get(key);
  },
  clear: (state) => () => {
    for (const key of state.keys()) state.delete(key);
  },
};

function stateNow(): SessionState {
  return currentContext("st.session_state").run.session.state;
}

export function createSessionStateProxy(resolve: () => SessionState = stateNow): SessionStateProxy {
  return new Proxy({} as SessionStateProxy, {
    get(_target, prop) {
      if (typeof prop === "symbol") {
        if (prop === Symbol.iterator) return () => resolve().keys()[Symbol.iterator]();
        return undefined;
      }
      const state = resolve();
      const method = methods[prop];
      if (method) return method(state);
      if (prop === "toJSON") return () => state.toDict();
      return state.get(prop);
    },
    set(_target, prop, value) {
      if (typeof prop === "symbol") return false;
      resolve().set(prop, value);
      return true;
    },
    has(_target, prop) {
      return typeof prop === "string" && resolve().has(prop);
    },
    deleteProperty(_target, prop) {
      if (typeof prop === "symbol") return false;
      resolve().delete(prop);
      return true;
    },
    ownKeys() {
      return resolve().keys();
    },
    getOwnPropertyDescriptor(_target, prop) {
      if (typeof prop !== "string" || !resolve().has(prop)) return undefined;
      return { enumerable: true, configurable: true, writable: true, value: resolve().get(prop) };
    },
  });
}
