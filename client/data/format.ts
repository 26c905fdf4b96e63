/**
 * A grid cell as text under its column config (`st.column_config`): number formats (printf
 * style, "%.2f", "$%d", "%.1f%%", or Streamlit's names "percent", "dollar", "compact", ...),
 * date and time formats (moment.js tokens, "localized", "iso8601", "distance"), and CSV text.
 */
import type { WireCell, WireColumn, WireColumnConfig } from "../../sessions/protocol.ts";
import { cellText } from "./cells.ts";

export type ColumnKind = NonNullable<WireColumnConfig["type"]>;

/** The column's kind: its config's type, else one from its data type (booleans as checkboxes). */
export function columnKind(column: Pick<WireColumn, "type">, config: WireColumnConfig | undefined): ColumnKind {
  if (config?.type) return config.type;
  switch (column.type) {
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "checkbox";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "time":
      return "time";
    case "list":
      return "list";
    case "object":
      return "json";
    default:
      return "text";
  }
}

/** The cell as the grid shows it (what search matches and Ctrl+C copies). */
export function displayText(cell: WireCell | undefined, column: Pick<WireColumn, "type" | "timezone">, config: WireColumnConfig | undefined): string {
  if (cell === undefined) return "";
  if (cell === null) return "None";
  const format = typeof config?.options?.format === "string" ? config.options.format : undefined;
  const kind = columnKind(column, config);
  if ((kind === "number" || kind === "progress") && typeof cell === "number") return format ? formatNumber(cell, format) : cellText(cell, column);
  if ((kind === "date" || kind === "datetime" || kind === "time") && format) {
    const ms = timeValue(cell, column);
    if (ms !== null) return formatDate(ms, format, kind, column.type === "datetime" ? column.timezone : "UTC");
  }
  if (kind === "checkbox" && typeof cell === "boolean") return cell ? "true" : "false";
  return cellText(cell, column);
}

/** The cell as a CSV field holds it (before quoting): missing values empty, numbers in full. */
export function csvCell(cell: WireCell | undefined, column: Pick<WireColumn, "type" | "timezone">): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "True" : "False";
  if (typeof cell === "number" && column.type === "number") return String(cell);
  return cellText(cell, column);
}

// ---- numbers ----

const PRINTF = /%([-+ 0,']*)(\d+)?(?:\.(\d+))?([diufeEgGs])/;

/** A number under a format: one of Streamlit's names, or a printf pattern as sprintf-js reads it. */
export function formatNumber(x: number, format: string): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "None" : x > 0 ? "∞" : "-∞";
  switch (format) {
    case "plain":
      return String(x);
    case "localized":
      return x.toLocaleString();
    case "percent":
      return new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 2 }).format(x);
    case "dollar":
      return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(x);
    case "euro":
      return new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(x);
    case "yen":
      return new Intl.NumberFormat("en-US", { style: "currency", currency: "JPY" }).format(x);
    case "accounting":
      return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", currencySign: "accounting" }).format(x);
    case "compact":
      return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(x);
    case "scientific":
      return new Intl.NumberFormat("en-US", { notation: "scientific", maximumFractionDigits: 4 }).format(x);
    case "engineering":
      return new Intl.NumberFormat("en-US", { notation: "engineering", maximumFractionDigits: 4 }).format(x);
  }
  const match = PRINTF.exec(format);
  if (!match) return format;
  const [spec, flags = "", width, precision, conversion] = match;
  const body = printfNumber(x, flags, precision === undefined ? undefined : Number(precision), conversion!);
  const padded = width && body.length < Number(width) ? (flags.includes("-") ? body.padEnd(Number(width)) : flags.includes("0") ? padZeros(body, Number(width)) : body.padStart(Number(width))) : body;
  const index = match.index;
  return (format.slice(0, index) + padded + format.slice(index + spec.length)).replace(/%%/g, "%");
}

function printfNumber(x: number, flags: string, precision: number | undefined, conversion: string): string {
  let text: string;
  switch (conversion) {
    case "d":
    case "i":
    case "u":
      text = String(Math.trunc(conversion === "u" ? Math.abs(x) : x));
      break;
    case "f":
      text = x.toFixed(precision ?? 6);
      break;
    case "e":
    case "E":
      text = x.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
      if (conversion === "E") text = text.toUpperCase();
      break;
    case "g":
    case "G":
      text = String(Number(x.toPrecision(precision || 6)));
      break;
    default:
      text = String(x);
  }
  if (flags.includes(",") || flags.includes("'")) text = groupThousands(text);
  if (x >= 0 && flags.includes("+")) text = `+${text}`;
  else if (x >= 0 && flags.includes(" ")) text = ` ${text}`;
  return text;
}

function groupThousands(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function padZeros(body: string, width: number): string {
  const sign = /^[-+ ]/.test(body) ? body[0]! : "";
  return sign + body.slice(sign.length).padStart(width - sign.length, "0");
}

// ---- dates and times ----

/** A date, datetime or time cell as epoch milliseconds (a time of day on 1970-01-01 UTC). */
export function timeValue(cell: WireCell, column: Pick<WireColumn, "type">): number | null {
  if (typeof cell === "number") return column.type === "time" ? null : cell;
  if (typeof cell !== "string") return null;
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(cell);
  if (time) return Date.UTC(1970, 0, 1, Number(time[1]), Number(time[2]), Number(time[3] ?? 0), Number((time[4] ?? "0").slice(0, 3).padEnd(3, "0")));
  const ms = Date.parse(cell);
  return Number.isNaN(ms) ? null : ms;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const TOKENS = /\[([^\]]*)]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a|Z/g;

/** A moment.js-style format ("MMM D, YYYY", "HH:mm"), or "localized", "iso8601", "distance". */
export function formatDate(ms: number, format: string, kind: "date" | "datetime" | "time", timezone = "UTC"): string {
  const date = new Date(ms);
  if (format === "iso8601") return kind === "date" ? date.toISOString().slice(0, 10) : kind === "time" ? date.toISOString().slice(11, 19) : date.toISOString();
  if (format === "localized") {
    const options: Intl.DateTimeFormatOptions = kind === "date" ? { dateStyle: "medium" } : kind === "time" ? { timeStyle: "short" } : { dateStyle: "medium", timeStyle: "short" };
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: timezone }).format(date);
  }
  if (format === "distance") return distance(ms - Date.now());
  const parts = zonedParts(date, timezone);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const hour12 = parts.hour % 12 === 0 ? 12 : parts.hour % 12;
  return format.replace(TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case "YYYY": return String(parts.year);
      case "YY": return pad(parts.year % 100);
      case "MMMM": return MONTHS[parts.month - 1]!;
      case "MMM": return MONTHS[parts.month - 1]!.slice(0, 3);
      case "MM": return pad(parts.month);
      case "M": return String(parts.month);
      case "Do": return ordinal(parts.day);
      case "DD": return pad(parts.day);
      case "D": return String(parts.day);
      case "dddd": return DAYS[parts.weekday]!;
      case "ddd": return DAYS[parts.weekday]!.slice(0, 3);
      case "HH": return pad(parts.hour);
      case "H": return String(parts.hour);
      case "hh": return pad(hour12);
      case "h": return String(hour12);
      case "mm": return pad(parts.minute);
      case "m": return String(parts.minute);
      case "ss": return pad(parts.second);
      case "s": return String(parts.second);
      case "SSS": return pad(date.getUTCMilliseconds(), 3);
      case "A": return parts.hour < 12 ? "AM" : "PM";
      case "a": return parts.hour < 12 ? "am" : "pm";
      case "Z": return timezone === "UTC" ? "+00:00" : "";
      default: return token;
    }
  });
}

function zonedParts(date: Date, timezone: string) {
  if (timezone === "UTC") {
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() };
  }
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: timezone, year: "numeric", month: "numeric", day: "numeric", weekday: "short", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "0";
  return { year: Number(get("year")), month: Number(get("month")), day: Number(get("day")), weekday: Math.max(0, DAYS.findIndex((d) => d.startsWith(get("weekday")))), hour: Number(get("hour")), minute: Number(get("minute")), second: Number(get("second")) };
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}

function distance(deltaMs: number): string {
  const units: [Intl.RelativeTimeFormatUnit, number][] = [["year", 31536e6], ["month", 2592e6], ["day", 864e5], ["hour", 36e5], ["minute", 6e4], ["second", 1e3]];
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) if (Math.abs(deltaMs) >= size || unit === "second") return format.format(Math.round(deltaMs / size), unit);
  return "";
}
