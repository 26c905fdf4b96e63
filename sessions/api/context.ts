/**
 * st.context: what the browser told the session about itself when it connected, read-only,
 * as Streamlit's `ContextProxy`: `headers`, `cookies`, `theme`, `timezone`, `timezone_offset`,
 * `locale`, `url`, `ip_address` and `is_embedded`. Outside a browser (AppTest without a
 * `context` option) they are empty or null, as in Streamlit.
 *
 * `headers` and `cookies` are read-only mappings: `headers["user-agent"]` (header names in any
 * case), `.get(name, fallback)`, `.get_all(name)` (headers), `.keys()`, `.to_dict()`, `name in`.
 * Unlike Python's KeyError, a missing name reads `undefined`, as a JavaScript object's does.
 * In a Worker, the Fetch API joins a repeated request header into one comma-separated value.
 */
import { currentContext } from "../engine/context.ts";
import type { AppSession } from "../engine/app_session.ts";
import type { ThemeType } from "../engine/browser_context.ts";
import { StreamlitAPIException } from "../errors.ts";

interface MappingMethods {
  get(name: string, fallback?: string): string | undefined;
  keys(): string[];
  to_dict(): Record<string, string>;
}

/** The WebSocket request's headers (the first value of a repeated one; `get_all` has every value). */
export type StreamlitHeaders = Readonly<Record<string, string>> & MappingMethods & { get_all(name: string): string[] };
export type StreamlitCookies = Readonly<Record<string, string>> & MappingMethods;
export interface StreamlitTheme {
  /** The theme the browser shows: "light" or "dark" (null outside a browser). */
  readonly type: ThemeType | null;
}

export interface StreamlitContext {
  readonly headers: StreamlitHeaders;
  readonly cookies: StreamlitCookies;
  readonly theme: StreamlitTheme;
  readonly timezone: string | null;
  readonly timezone_offset: number | null;
  readonly locale: string | null;
  /** The page's URL in the browser without its query string or fragment (scheme, host, path). */
  readonly url: string | null;
  /** The viewer's IP address; null for a local (loopback) connection. Not for security: it can be spoofed. */
  readonly ip_address: string | null;
  readonly is_embedded: boolean | null;
}

const KEYS = new Set<string>(["headers", "cookies", "theme", "timezone", "timezone_offset", "locale", "url", "ip_address", "is_embedded"]);

/** Streamlit's Http-Header-Case: "content-TYPE" → "Content-Type". */
function headerCase(name: string): string {
  return name
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join("-");
}

function read(session: AppSession, key: string): unknown {
  const context = session.contextForScript();
  switch (key) {
    case "headers":
      return headersOf(context.headers);
    case "cookies":
      return readOnlyMapping("st.context.cookies", new Map(Object.entries(context.cookies).map(([name, value]) => [name, [value]])), (name) => name);
    case "theme":
      return Object.freeze({ type: context.theme });
    case "url": {
      // The page's path is added to the app's URL, as Streamlit adds the running page's.
      const page = session.navigation.state.url_path;
      return context.app_url === null ? null : page ? `${context.app_url}/${page.split("/").map(encodeURIComponent).join("/")}` : context.app_url;
    }
    default:
      return context[key as "timezone" | "timezone_offset" | "locale" | "ip_address" | "is_embedded"];
  }
}

function headersOf(pairs: readonly (readonly [string, string])[]): StreamlitHeaders {
  const byName = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const key = headerCase(name);
    byName.set(key, [...(byName.get(key) ?? []), value]);
  }
  return readOnlyMapping("st.context.headers", byName, headerCase) as StreamlitHeaders;
}

/** A read-only mapping of names to their values (the first one when repeated); `normalize` maps a name to its key. */
function readOnlyMapping(what: string, byName: ReadonlyMap<string, string[]>, normalize: (name: string) => string): StreamlitCookies {
  const first = (name: string) => byName.get(normalize(name))?.[0];
  const toDict = () => Object.fromEntries([...byName].map(([name, values]) => [name, values[0]!]));
  const methods: Record<string, unknown> = {
    get: (name: string, fallback?: string) => first(name) ?? fallback,
    get_all: (name: string) => [...(byName.get(normalize(name)) ?? [])],
    keys: () => [...byName.keys()],
    to_dict: toDict,
    toJSON: toDict,
  };
  const refuse = () => {
    throw new StreamlitAPIException(`${what} is read-only: it holds what the browser sent when it connected.`);
  };
  return new Proxy({} as StreamlitCookies, {
    get: (_target, prop) => (typeof prop !== "string" ? undefined : Object.hasOwn(methods, prop) ? methods[prop] : first(prop)),
    has: (_target, prop) => typeof prop === "string" && byName.has(normalize(prop)),
    ownKeys: () => [...byName.keys()],
    getOwnPropertyDescriptor: (_target, prop) => {
      const value = typeof prop === "string" ? byName.get(prop)?.[0] : undefined;
      return value === undefined ? undefined : { value, enumerable: true, configurable: true, writable: false };
    },
    set: refuse,
    deleteProperty: refuse,
    defineProperty: refuse,
  });
}

/** `st.context`, resolving the current session on each access. */
export function createContextProxy(): StreamlitContext {
  const refuse = () => {
    throw new StreamlitAPIException("st.context is read-only: it holds what the browser sent when it connected.");
  };
  return new Proxy({} as StreamlitContext, {
    get(_target, prop) {
      if (typeof prop !== "string" || !KEYS.has(prop)) return undefined;
      return read(currentContext("st.context").run.session, prop);
    },
    // As Streamlit's `"timezone" in st.context`: whether it is a property, not whether it has a value.
    has: (_target, prop) => typeof prop === "string" && KEYS.has(prop),
    set: refuse,
    deleteProperty: refuse,
    defineProperty: refuse,
  });
}
