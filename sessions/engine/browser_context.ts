/** What the browser tells its session about itself when it connects (`st.context`). */

export interface BrowserContext {
  /** IANA timezone of the browser, e.g. "Europe/Paris" (null until a browser connects). */
  timezone: string | null;
  /** Minutes to add to local time to get UTC, as JavaScript's getTimezoneOffset. */
  timezone_offset: number | null;
  locale: string | null;
}

export const emptyBrowserContext: BrowserContext = { timezone: null, timezone_offset: null, locale: null };

/** The page and query string the browser is at, from the socket URL (`?page=...&qs=...`). */
export function pageRequestFrom(url: string): { urlPath: string; query: Record<string, string[]> } | null {
  const params = new URL(url).searchParams;
  const page = params.get("page");
  if (page === null || page.length > 512) return null;
  const query: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(params.get("qs") ?? "")) (query[key] ??= []).push(value);
  return { urlPath: page, query };
}

/** Reads the context from a socket URL's query (`?tz=...&tzo=...&locale=...`), keeping only sane values. */
export function browserContextFrom(url: string): BrowserContext {
  const query = new URL(url).searchParams;
  const timezone = query.get("tz");
  const offset = Number(query.get("tzo"));
  const locale = query.get("locale");
  return {
    timezone: timezone && /^[A-Za-z0-9_+\-/]{1,64}$/.test(timezone) ? timezone : null,
    timezone_offset: query.has("tzo") && Number.isInteger(offset) && Math.abs(offset) <= 24 * 60 ? offset : null,
    locale: locale && /^[A-Za-z0-9-]{2,35}$/.test(locale) ? locale : null,
  };
}
