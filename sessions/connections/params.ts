/**
 * Bound parameters for D1. Streamlit's SQL examples name them (`:owner`, with a dict of
 * params); D1 only takes numbered ones (`?1`), so names become numbers here. Values are
 * always bound, never written into the SQL text.
 */
import { StreamlitAPIException } from "../errors.ts";

export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>> | null | undefined;

/** The SQL with `:name` placeholders numbered, and the values to bind in order. */
export function bindParameters(sql: string, params: SqlParams): { sql: string; values: unknown[] } {
  if (Array.isArray(params)) return { sql, values: params.map((value, i) => bindable(value, String(i + 1))) };
  // Without params, a `:name` in the SQL is still a parameter, and one without a value.
  const named = (params ?? {}) as Readonly<Record<string, unknown>>;
  const names: string[] = [];
  const text = replaceNamedPlaceholders(sql, (name) => {
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    return `?${index + 1}`;
  });
  const values = names.map((name) => {
    if (!Object.hasOwn(named, name)) throw new StreamlitAPIException(`A value is required for bind parameter '${name}'`);
    return bindable(named[name], name);
  });
  return { sql: text, values };
}

/** D1 binds null, numbers, strings and bytes; booleans become 1/0 and dates ISO text, as SQLite stores them. */
function bindable(value: unknown, name: string): unknown {
  if (value === null || typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new StreamlitAPIException(`Bind parameter '${name}' is ${value}: SQLite stores only finite numbers.`);
    return value;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new StreamlitAPIException(`Bind parameter '${name}' is a bigint beyond 2^53: pass it as a string.`);
    }
    return Number(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value;
  throw new StreamlitAPIException(
    `Bind parameter '${name}' is ${value === undefined ? "undefined" : `a ${typeof value}`}: bind null, a number, a string, a boolean, a Date or bytes.`,
  );
}

/** Replaces each `:name` outside strings, quoted names and comments. */
function replaceNamedPlaceholders(sql: string, replace: (name: string) => string): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const close = ch === "'" || ch === '"' || ch === "`" ? ch : ch === "[" ? "]" : null;
    if (close) {
      // A quote inside is doubled ('it''s'): scanning to the next quote and going on handles that too.
      const end = sql.indexOf(close, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
    } else if (ch === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (ch === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (ch === ":" && sql[i - 1] !== ":" && sql[i + 1] !== ":" && /[A-Za-z_]/.test(sql[i + 1] ?? "")) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      out += replace(name);
      i += 1 + name.length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
