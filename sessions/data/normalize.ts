/**
 * Turns the data a JavaScript app has into a DataTable, as pandas turns Python data into a
 * DataFrame: rows as objects, an object of columns, `{ columns, data, index? }`, an
 * apache-arrow Table, a Map (keys become the index), a list of values, or rows as arrays.
 */
import { Buffer } from "node:buffer";
import { StreamlitAPIException } from "../errors.ts";
import type { ColumnType } from "../protocol.ts";
import { BOOLEAN_NULL, sealedCells, type ColumnValues, type DataColumn, type DataTable } from "./table.ts";

/** A DataFrame's counterpart (an Arrow table, a DataTable), which st.write shows as a dataframe. */
export function isDataFrameLike(data: unknown): boolean {
  return isArrowTable(data) || isDataTable(data);
}

export function toDataTable(data: unknown, element = "st.dataframe"): DataTable {
  if (data === null || data === undefined) return { columns: [], index: null, rowCount: 0 };
  if (isDataTable(data)) return data;
  if (isArrowTable(data)) return fromArrow(data);
  if (data instanceof Map) return fromMap(data, element);
  if (isNumericArray(data)) return fromColumns(["0"], [data], element);
  if (Array.isArray(data)) return fromArray(data, element);
  if (isRecord(data)) {
    if (isSplit(data)) return fromSplit(data, element);
    const names = Object.keys(data);
    const values = Object.values(data);
    if (values.every(isColumnArray)) return fromColumns(names, values.map((v) => (Array.isArray(v) || isNumericArray(v) ? v : Array.from(v as ArrayLike<unknown>))), element);
    // A record of scalars is one row, as a dict of scalars with an index of one label.
    return fromColumns(names, values.map((v) => [v]), element);
  }
  throw new StreamlitAPIException(
    `${element} cannot show a ${describe(data)}. Pass rows (an array of objects or of arrays), an object of columns, { columns, data }, a Map, or an apache-arrow Table.`,
  );
}

function fromArray(rows: unknown[], element: string): DataTable {
  if (rows.length > 0 && rows.every(isRecord)) {
    // Columns in the order the rows first name them, as a DataFrame built from records.
    const names = [...new Set(rows.flatMap((row) => Object.keys(row as object)))];
    return fromColumns(names, names.map((name) => rows.map((row) => (row as Record<string, unknown>)[name])), element);
  }
  if (rows.length > 0 && rows.every(Array.isArray)) {
    // Ragged rows are filled with missing values, as pandas does.
    const width = Math.max(...rows.map((row) => (row as unknown[]).length));
    return fromColumns(Array.from({ length: width }, (_, i) => String(i)), Array.from({ length: width }, (_, i) => rows.map((row) => (row as unknown[])[i])), element);
  }
  return fromColumns(["0"], [rows], element);
}

function fromSplit(data: Record<string, unknown>, element: string): DataTable {
  const names = (data.columns as unknown[]).map(String);
  const rows = data.data as unknown[];
  if (!rows.every(Array.isArray)) throw new StreamlitAPIException(`${element}: \`data\` must be a list of rows (arrays) when \`columns\` is given.`);
  const bad = rows.findIndex((row) => (row as unknown[]).length !== names.length);
  if (bad >= 0) throw new StreamlitAPIException(`${element}: ${names.length} columns passed, but row ${bad} has ${(rows[bad] as unknown[]).length} values.`);
  const table = fromColumns(names, names.map((_, c) => rows.map((row) => (row as unknown[])[c])), element);
  if (Array.isArray(data.index)) {
    if (data.index.length !== table.rowCount) throw new StreamlitAPIException(`${element}: the index has ${data.index.length} labels for ${table.rowCount} rows.`);
    table.index = column("", data.index);
  }
  return table;
}

function fromMap(data: Map<unknown, unknown>, element: string): DataTable {
  const keys = [...data.keys()];
  const values = [...data.values()];
  const table = values.length > 0 && values.every(isRecord) ? fromArray(values, element) : fromColumns(["value"], [values], element);
  table.index = column("", keys);
  return table;
}

/** A column as the app gives it: an array of values, or a typed array of numbers. */
type Column = unknown[] | NumericArray;
type NumericArray = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array | Uint8ClampedArray;

function isNumericArray(value: unknown): value is NumericArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);
}

function fromColumns(names: string[], values: Column[], element: string): DataTable {
  const lengths = new Set(values.map((v) => v.length));
  if (lengths.size > 1) throw new StreamlitAPIException(`${element}: all columns must have the same length (got ${[...lengths].join(", ")}).`);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new StreamlitAPIException(`${element}: the column name "${duplicate}" appears twice.`);
  return { columns: names.map((name, i) => column(name, values[i]!)), index: null, rowCount: values[0]?.length ?? 0 };
}

/** One column with the type its values share; values of mixed kinds make an object column. */
export function column(name: string, values: Column): DataColumn {
  return { name, ...(isNumericArray(values) ? numericValues(values) : columnValues(values)) };
}

/**
 * The copy last made of each Float64Array an app passed, with its type: the same array passed
 * again (a cached table, on every rerun and in every session) is compared with that copy in one
 * native call, and when the app has not changed it the copy serves again. A million-row table
 * costs no new copy, scan or digest per run.
 */
const copies = new WeakMap<Float64Array, ColumnValues & { cells: Float64Array }>();

/** A typed array is a number column already: copied (the app may change its array later), never boxed. */
function numericValues(values: NumericArray): ColumnValues {
  if (!(values instanceof Float64Array)) return numericCopy(values, Float64Array.from(values));
  const known = copies.get(values);
  if (known && known.cells.length === values.length && Buffer.compare(bytesOf(known.cells), bytesOf(values)) === 0) return known;
  const copy = numericCopy(values, values.slice());
  copies.set(values, copy);
  return copy;
}

function bytesOf(array: Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function numericCopy(values: NumericArray, cells: Float64Array): ColumnValues & { cells: Float64Array } {
  sealedCells.add(cells);
  let integer = !(values instanceof Float64Array || values instanceof Float32Array);
  if (!integer) {
    integer = true;
    for (let i = 0; i < cells.length; i++) {
      if (!Number.isInteger(cells[i]!)) {
        integer = false;
        break;
      }
    }
  }
  return { type: integer ? "integer" : "number", cells };
}

function columnValues(values: unknown[]): ColumnValues {
  const kinds = new Set<string>();
  for (const value of values) {
    const kind = kindOf(value);
    if (kind !== "missing") kinds.add(kind);
    if (kinds.size > 1) break;
  }
  const [only] = kinds;
  const n = values.length;
  switch (kinds.size === 1 ? only : kinds.size === 0 ? "null" : "mixed") {
    case "null":
      return { type: "null", cells: { length: n } };
    case "number":
    case "bigint": {
      const cells = new Float64Array(n);
      let integer = true;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        const x = v === null || v === undefined ? Number.NaN : Number(v);
        cells[i] = x;
        if (integer && !(Number.isInteger(x) || (Number.isNaN(x) && (v === null || v === undefined)))) integer = false;
      }
      // A missing value makes an integer column float in pandas; we keep it integer (Int64 with <NA>).
      return { type: integer ? "integer" : "number", cells };
    }
    case "boolean": {
      const cells = new Uint8Array(n);
      for (let i = 0; i < n; i++) cells[i] = values[i] === true ? 1 : values[i] === false ? 0 : BOOLEAN_NULL;
      return { type: "boolean", cells };
    }
    case "string":
      return { type: "string", cells: values.map((v) => (typeof v === "string" ? v : null)) };
    case "date": {
      const cells = new Float64Array(n);
      for (let i = 0; i < n; i++) cells[i] = values[i] instanceof Date ? (values[i] as Date).getTime() : Number.NaN;
      return { type: "datetime", cells };
    }
    case "list":
      return { type: "list", cells: values.map((v) => (v === undefined ? null : Array.from(v as ArrayLike<unknown>).map(jsonCell))) };
    default:
      return { type: "object", cells: values.map(jsonCell) };
  }
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "missing";
  if (typeof value === "number") return "number";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "missing" : "date";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return "list";
  return typeof value;
}

/** A cell of an object column as plain data: text for anything JSON cannot hold. */
function jsonCell(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.isNaN(value) ? null : String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null) {
    try {
      return JSON.parse(JSON.stringify(value)) as unknown;
    } catch {
      return String(value);
    }
  }
  return typeof value === "function" || typeof value === "symbol" ? String(value) : value;
}

// ---- apache-arrow ----

/** The parts of an apache-arrow Table we read: no import of the library, any version works. */
interface ArrowLike {
  numRows: number;
  schema: { fields: { name: string; type: { typeId: number; unit?: number; timezone?: string | null; toString(): string } }[] };
  getChildAt(i: number): { get(row: number): unknown; toArray(): ArrayLike<unknown> } | null;
}

function isArrowTable(data: unknown): data is ArrowLike {
  const t = data as ArrowLike;
  return typeof data === "object" && data !== null && typeof t.numRows === "number" && Array.isArray(t.schema?.fields) && typeof t.getChildAt === "function";
}

/** Arrow's Type enum: the ids we map (apache-arrow's `Type`). */
const ARROW = { Null: 1, Int: 2, Float: 3, Bool: 6, Utf8: 5, LargeUtf8: 20, Date: 8, Time: 9, Timestamp: 10, Decimal: 7, List: 12 } as const;

function fromArrow(table: ArrowLike): DataTable {
  const columns = table.schema.fields.map((field, i): DataColumn => {
    const vector = table.getChildAt(i)!;
    const values = Array.from({ length: table.numRows }, (_, row) => vector.get(row));
    const type = field.type;
    switch (type.typeId) {
      case ARROW.Timestamp: {
        const cells = Float64Array.from(values, (v) => (v === null || v === undefined ? Number.NaN : Number(v)));
        return { name: field.name, type: "datetime", cells, ...(type.timezone ? { timezone: type.timezone } : {}) };
      }
      case ARROW.Date:
        return { name: field.name, type: "date", cells: Float64Array.from(values, (v) => (v === null || v === undefined ? Number.NaN : v instanceof Date ? v.getTime() : Number(v))) };
      case ARROW.Int: {
        const cells = Float64Array.from(values, (v) => (v === null || v === undefined ? Number.NaN : Number(v)));
        return { name: field.name, type: "integer", cells };
      }
      case ARROW.Float:
      case ARROW.Decimal:
        return { name: field.name, type: "number", cells: Float64Array.from(values, (v) => (v === null || v === undefined ? Number.NaN : Number(v))) };
      case ARROW.List:
        return column(field.name, values.map((v) => (v && typeof (v as { toArray?: unknown }).toArray === "function" ? Array.from((v as { toArray(): ArrayLike<unknown> }).toArray()) : v)));
      default:
        return column(field.name, values);
    }
  });
  return { columns, index: null, rowCount: table.numRows };
}

// ---- shapes ----

function isDataTable(data: unknown): data is DataTable {
  const t = data as DataTable;
  return typeof data === "object" && data !== null && Array.isArray(t.columns) && typeof t.rowCount === "number" && "index" in t;
}

function isSplit(data: Record<string, unknown>): boolean {
  return Array.isArray(data.columns) && Array.isArray(data.data) && Object.keys(data).every((k) => k === "columns" || k === "data" || k === "index");
}

function isColumnArray(value: unknown): boolean {
  return Array.isArray(value) || ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Map) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer);
}

function describe(value: unknown): string {
  if (typeof value !== "object") return typeof value;
  return (value as object).constructor?.name ?? "object";
}

export type { ColumnType };
