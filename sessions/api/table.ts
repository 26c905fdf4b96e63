/**
 * st.table: a static, read-only table. It takes what a JS app has where Python has a
 * DataFrame: rows as objects (`conn.query()`'s result), rows as arrays, a list of values,
 * or columns as an object of arrays.
 */
import { StreamlitAPIException } from "../errors.ts";
import type { LeafProps } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";

export type TableCell = LeafProps["table"]["rows"][number][number];

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** A static table of `data`: rows as objects, rows as arrays, a list of values, or an object of columns. */
    table(data?: unknown): DeltaGenerator;
  }
}

export const tableMethods = {
  table(this: DeltaGenerator, data?: unknown): DeltaGenerator {
    return this._leaf("table", tableProps(data));
  },
};

export function tableProps(data: unknown): LeafProps["table"] {
  if (data === null || data === undefined) return { columns: [], rows: [] };
  if (Array.isArray(data)) {
    if (data.every(isRecord)) {
      // Columns in the order rows first name them, as a DataFrame built from records.
      const columns = [...new Set(data.flatMap((row) => Object.keys(row)))];
      return { columns, rows: data.map((row) => columns.map((column) => cell(row[column]))) };
    }
    if (data.every(Array.isArray)) {
      const width = Math.max(0, ...data.map((row) => row.length));
      return { columns: Array.from({ length: width }, (_, i) => String(i)), rows: data.map((row) => Array.from({ length: width }, (_, i) => cell(row[i]))) };
    }
    return { columns: ["0"], rows: data.map((value) => [cell(value)]) };
  }
  if (isRecord(data)) {
    const columns = Object.keys(data);
    const values = columns.map((column) => data[column]);
    if (values.every(Array.isArray)) {
      const height = Math.max(0, ...values.map((column) => column.length));
      return { columns, rows: Array.from({ length: height }, (_, i) => values.map((column) => cell(column[i]))) };
    }
    // A record of scalars is one row.
    return { columns, rows: [values.map(cell)] };
  }
  throw new StreamlitAPIException(`st.table cannot show a ${typeof data}: pass rows (objects or arrays), a list of values, or an object of columns.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer);
}

/** One cell as the wire carries it: text, a number, a boolean, or null (pandas' None/NaN). */
function cell(value: unknown): TableCell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : Number.isNaN(value) ? null : String(value);
    case "bigint":
      return value.toString();
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return `<${value.byteLength} bytes>`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
