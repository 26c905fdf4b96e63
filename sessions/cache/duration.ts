/**
 * A `ttl` as Streamlit takes it: seconds, or a duration string as pandas' Timedelta reads it
 * ("1d", "10m", "1h30m", "2 days", "1.5h", "00:05:00"). null or undefined: no expiry.
 */
import { StreamlitAPIException } from "../errors.ts";

export type Duration = number | string | null | undefined;

export class StreamlitBadTimeStringError extends StreamlitAPIException {
  override name = "StreamlitBadTimeStringError";
  constructor(text: string) {
    super(`Time string doesn't look right. It should be formatted as \`'1d2h34m'\` or \`2 days\`, for example. Got: ${text}`);
  }
}

const UNIT_SECONDS: Record<string, number> = {
  w: 604800, week: 604800, weeks: 604800,
  d: 86400, day: 86400, days: 86400,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60, t: 60,
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  ms: 1e-3, milli: 1e-3, millis: 1e-3, millisecond: 1e-3, milliseconds: 1e-3, l: 1e-3,
  us: 1e-6, µs: 1e-6, micro: 1e-6, micros: 1e-6, microsecond: 1e-6, microseconds: 1e-6, u: 1e-6,
  ns: 1e-9, nano: 1e-9, nanos: 1e-9, nanosecond: 1e-9, nanoseconds: 1e-9, n: 1e-9,
};

/** Seconds, or null for "never expires"; throws Streamlit's errors for a bad value. */
export function durationSeconds(ttl: Duration, parameter = "ttl"): number | null {
  if (ttl === null || ttl === undefined) return null;
  if (typeof ttl === "number") {
    if (Number.isNaN(ttl) || ttl < 0) throw new StreamlitAPIException(`\`${parameter}\` must be a non-negative number of seconds, got ${ttl}.`);
    return ttl === Infinity ? null : ttl;
  }
  if (typeof ttl !== "string") throw new StreamlitAPIException(`\`${parameter}\` must be a number of seconds or a duration string such as "1d" or "10m".`);
  const seconds = parseDurationString(ttl);
  if (seconds === null) throw new StreamlitBadTimeStringError(ttl);
  return seconds;
}

function parseDurationString(text: string): number | null {
  let rest = text.trim().toLowerCase();
  if (rest === "") return null;
  const negative = rest.startsWith("-");
  if (negative || rest.startsWith("+")) rest = rest.slice(1).trim();
  // "[N days ]HH:MM:SS[.fff]"
  const clock = /^(?:(\d+(?:\.\d+)?)\s*days?,?\s*)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(rest);
  if (clock) return sign(negative, Number(clock[1] ?? 0) * 86400 + Number(clock[2]) * 3600 + Number(clock[3]) * 60 + Number(clock[4]));
  let total = 0;
  let matched = false;
  const part = /\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-zµ]+)\s*,?/y;
  while (part.lastIndex < rest.length) {
    const found = part.exec(rest);
    if (!found) return null;
    const unit = UNIT_SECONDS[found[2]!];
    if (unit === undefined) return null;
    total += Number(found[1]) * unit;
    matched = true;
  }
  return matched ? sign(negative, total) : null;
}

function sign(negative: boolean, seconds: number): number | null {
  return negative ? null : seconds;
}
