/**
 * What the browser tells its session about itself when it connects (`st.context`): the socket
 * URL's query (timezone, locale, theme, the page's query string) and the WebSocket request's
 * headers and cookies. Everything here comes from the browser: it is bounded and checked, and
 * the platform's own headers and cookies never reach the app.
 */
import { USER_HEADER } from "../auth/user.ts";
import { queryRefusal, RESUME_COOKIE } from "../protocol.ts";

export type ThemeType = "light" | "dark";

export interface BrowserContext {
  /** IANA timezone of the browser, e.g. "Europe/Paris" (null until a browser connects). */
  timezone: string | null;
  /** Minutes to add to local time to get UTC, as JavaScript's getTimezoneOffset. */
  timezone_offset: number | null;
  locale: string | null;
  /** The WebSocket request's headers, in order, as name/value pairs (the platform's own removed). */
  headers: [string, string][];
  /** The request's cookies (the platform's own removed). */
  cookies: Record<string, string>;
  /** The app's URL without a page path, query or fragment ("https://<slug>.<gallery host>"); `st.context.url` adds the page. */
  app_url: string | null;
  /** The viewer's IP address; null for a loopback connection, as in Streamlit. */
  ip_address: string | null;
  /** The page was loaded with `?embed=true`. */
  is_embedded: boolean | null;
  /** The theme the browser shows. */
  theme: ThemeType | null;
}

export const emptyBrowserContext: BrowserContext = {
  timezone: null,
  timezone_offset: null,
  locale: null,
  headers: [],
  cookies: {},
  app_url: null,
  ip_address: null,
  is_embedded: null,
  theme: null,
};

/** Bounds on what a browser's request may put in the session (it is stored with it). */
export const CONTEXT_LIMITS = { headers: 64, nameLength: 128, valueLength: 8192, totalBytes: 16 * 1024, cookies: 64 } as const;

/** Request headers only the platform sets or reads: partyserver's routing and the Worker's identity header. */
const PLATFORM_HEADER = /^(x-partykit-|x-edgelit-)/i;
/** The platform's own cookies: the identity and sign-in cookies of any app (edge/auth/cookies.ts), and the reload's session (edge/first_paint.ts). */
const PLATFORM_COOKIE = /^edgelit_(user|signin)_/;

/** The page and query string the browser is at, from the socket URL (`?page=...&qs=...`). */
export function pageRequestFrom(url: string): PageRequest | null {
  const params = new URL(url).searchParams;
  return pageRequest(params.get("page"), params.get("qs") ?? "");
}

/** The page and query string of the app page's own URL (`/<page>?<query>`), as its request names them. */
export function pageRequestOfPage(url: string): PageRequest | null {
  const { pathname, search } = new URL(url);
  let page: string;
  try {
    page = decodeURIComponent(pathname.slice(1).replace(/\/+$/, ""));
  } catch {
    return null;
  }
  return pageRequest(page, search.slice(1));
}

export interface PageRequest {
  urlPath: string;
  query: Record<string, string[]>;
}

function pageRequest(page: string | null, qs: string): PageRequest | null {
  if (page === null || page.length > 512) return null;
  const query: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(qs)) (query[key] ??= []).push(value);
  // No browser of the platform is at such a URL: the session stays where it was.
  if (queryRefusal(query)) return null;
  return { urlPath: page, query };
}

/** Reads the context from a socket URL's query (`?tz=...&tzo=...&locale=...&theme=...&qs=...`), keeping only sane values. */
export function browserContextFrom(url: string): BrowserContext {
  const query = new URL(url).searchParams;
  const timezone = query.get("tz");
  const offset = Number(query.get("tzo"));
  const locale = query.get("locale");
  const theme = query.get("theme");
  const qs = query.get("qs");
  return {
    ...emptyBrowserContext,
    timezone: timezone && /^[A-Za-z0-9_+\-/]{1,64}$/.test(timezone) ? timezone : null,
    timezone_offset: query.has("tzo") && Number.isInteger(offset) && Math.abs(offset) <= 24 * 60 ? offset : null,
    locale: locale && /^[A-Za-z0-9-]{2,35}$/.test(locale) ? locale : null,
    theme: isThemeType(theme) ? theme : null,
    // As Streamlit's client: any `embed` value "true" (in any case) in the page's query string.
    is_embedded: qs === null || qs.length > 8192 ? null : new URLSearchParams(qs).getAll("embed").some((v) => v.toLowerCase() === "true"),
  };
}

/**
 * The whole context of a socket's request: its URL's query, and its headers and cookies without
 * the platform's own. `appPath` is the app's path on its origin ("" : apps live at their origin's root), for `st.context.url`.
 */
export function browserContextOf(request: Request, appPath: string): BrowserContext {
  const headers = headersFrom(request.headers);
  const cookieHeader = headers.find(([name]) => name === "cookie");
  const cookies = cookieHeader ? parseCookies(cookieHeader[1]) : [];
  const kept = cookies.filter(([name]) => !PLATFORM_COOKIE.test(name) && name !== RESUME_COOKIE);
  // The Cookie header the app sees lacks the platform's cookies too.
  if (cookieHeader) cookieHeader[1] = kept.map(([name, value]) => `${name}=${value}`).join("; ");
  const ip = request.headers.get("cf-connecting-ip");
  return {
    ...browserContextFrom(request.url),
    headers: headers.filter(([name, value]) => name !== "cookie" || value !== ""),
    cookies: Object.fromEntries(kept.slice(0, CONTEXT_LIMITS.cookies).map(([name, value]) => [name, unquote(value)])),
    app_url: `${new URL(request.url).origin}${appPath}`,
    ip_address: ip && /^[0-9A-Fa-f:.]{2,45}$/.test(ip) && ip !== "127.0.0.1" && ip !== "::1" ? ip : null,
  };
}

export function isThemeType(value: unknown): value is ThemeType {
  return value === "light" || value === "dark";
}

/** The request's headers without the platform's, within the bounds: first come, first kept. */
function headersFrom(source: Headers): [string, string][] {
  const kept: [string, string][] = [];
  let bytes = 0;
  for (const [name, value] of source) {
    if (PLATFORM_HEADER.test(name) || name === USER_HEADER) continue;
    if (name.length > CONTEXT_LIMITS.nameLength || value.length > CONTEXT_LIMITS.valueLength) continue;
    if (kept.length >= CONTEXT_LIMITS.headers || bytes + name.length + value.length > CONTEXT_LIMITS.totalBytes) break;
    bytes += name.length + value.length;
    kept.push([name, value]);
  }
  return kept;
}

/** `a=1; b="two"` as name/value pairs, in order. */
function parseCookies(header: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    const name = (at < 0 ? "" : part.slice(0, at)).trim();
    if (name) pairs.push([name, part.slice(at + 1).trim()]);
  }
  return pairs;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
