/**
 * st.query_params: the URL's query string as a dict of strings (the last value of a
 * repeated key), kept in the browser's URL as the script changes it.
 */
import { currentContext } from "../engine/context.ts";
import type { Navigation } from "../engine/navigation.ts";
import { StreamlitAPIException } from "../errors.ts";

export interface QueryParamsProxy {
  [key: string]: any;
  get(key: string, fallback?: string): string | undefined;
  get_all(key: string): string[];
  to_dict(): Record<string, string>;
  from_dict(values: Record<string, string | string[]>): void;
  update(values: Record<string, string | string[]>): void;
  clear(): void;
  keys(): string[];
}

function navigationNow(): Navigation {
  return currentContext("st.query_params").run.session.navigation;
}

function write(navigation: Navigation, update: (query: Record<string, string[]>) => void): void {
  const query = { ...navigation.state.query };
  update(query);
  navigation.state = { ...navigation.state, query };
}

function values(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === null || typeof value === "object") {
    throw new StreamlitAPIException("Query parameter values must be strings, numbers, or lists of them.");
  }
  return [String(value)];
}

export function createQueryParamsProxy(resolve: () => Navigation = navigationNow): QueryParamsProxy {
  const methods: Record<string, (nav: Navigation) => unknown> = {
    get: (nav) => (key: string, fallback?: string) => nav.state.query[key]?.at(-1) ?? fallback,
    get_all: (nav) => (key: string) => [...(nav.state.query[key] ?? [])],
    to_dict: (nav) => () => Object.fromEntries(Object.entries(nav.state.query).map(([k, v]) => [k, v.at(-1) ?? ""])),
    from_dict: (nav) => (next: Record<string, string | string[]>) =>
      write(nav, (query) => {
        for (const key of Object.keys(query)) delete query[key];
        for (const [key, value] of Object.entries(next)) query[key] = values(value);
      }),
    update: (nav) => (next: Record<string, string | string[]>) =>
      write(nav, (query) => {
        for (const [key, value] of Object.entries(next)) query[key] = values(value);
      }),
    clear: (nav) => () => write(nav, (query) => Object.keys(query).forEach((key) => delete query[key])),
    keys: (nav) => () => Object.keys(nav.state.query),
  };
  return new Proxy({} as QueryParamsProxy, {
    get(_target, prop) {
      if (typeof prop === "symbol") return undefined;
      const nav = resolve();
      const method = methods[prop];
      if (method) return method(nav);
      const found = nav.state.query[prop];
      if (found === undefined) {
        throw new StreamlitAPIException(`st.query_params has no key "${prop}".`);
      }
      return found.at(-1) ?? "";
    },
    set(_target, prop, value) {
      if (typeof prop === "symbol") return false;
      write(resolve(), (query) => (query[prop] = values(value)));
      return true;
    },
    deleteProperty(_target, prop) {
      if (typeof prop === "symbol") return false;
      write(resolve(), (query) => delete query[prop]);
      return true;
    },
    has(_target, prop) {
      return typeof prop === "string" && prop in resolve().state.query;
    },
    ownKeys() {
      return Object.keys(resolve().state.query);
    },
    getOwnPropertyDescriptor(_target, prop) {
      const query = resolve().state.query;
      if (typeof prop !== "string" || !(prop in query)) return undefined;
      return { enumerable: true, configurable: true, writable: true, value: query[prop]!.at(-1) };
    },
  });
}
