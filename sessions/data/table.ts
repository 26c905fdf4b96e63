/**
 * The one columnar table every data element works on (st.dataframe, st.data_editor, st.table,
 * the charts, st.write of rows): typed columns of equal length plus an index. Columns keep
 * their cells in typed arrays where they can, so a million rows cost bytes, not objects.
 */
import type { ColumnType } from "../protocol.ts";

/** Cells of one column. Numbers, integers and datetimes use NaN for a missing value; booleans 2. */
export type ColumnValues =
  | { type: "number" | "integer" | "datetime" | "date"; cells: Float64Array }
  | { type: "boolean"; cells: Uint8Array }
  | { type: "string" | "time"; cells: (string | null)[] }
  | { type: "null"; cells: { length: number } }
  /** Lists and mixed values, as JSON-able cells (pandas' object dtype). */
  | { type: "object" | "list"; cells: unknown[] };

export type DataColumn = ColumnValues & {
  name: string;
  /** An IANA zone or offset for a timezone-aware datetime column (`datetime64[ns, UTC]`). */
  timezone?: string;
};

export interface DataTable {
  columns: DataColumn[];
  /** Row labels: absent for a RangeIndex (0, 1, 2, ...). */
  index: DataColumn | null;
  rowCount: number;
}

export const BOOLEAN_NULL = 2;

/**
 * Cells nothing writes to again: the normalised copies of an app's typed arrays. Their digest
 * (sessions/data/digest.ts) is computed once, however many runs and sessions show them.
 */
export const sealedCells = new WeakSet<Float64Array | Uint8Array>();

export function isMissing(column: ColumnValues, row: number): boolean {
  switch (column.type) {
    case "number":
    case "integer":
    case "datetime":
    case "date":
      return Number.isNaN(column.cells[row]!);
    case "boolean":
      return column.cells[row] === BOOLEAN_NULL;
    case "string":
    case "time":
      return column.cells[row] === null;
    case "null":
      return true;
    default:
      return column.cells[row] === null || column.cells[row] === undefined;
  }
}

/** A JS value for one cell, as the script gets it back (st.data_editor's return value). */
export function cellValue(column: ColumnValues, row: number): unknown {
  if (isMissing(column, row)) return null;
  switch (column.type) {
    case "number":
    case "integer":
      return column.cells[row]!;
    case "datetime":
    case "date":
      return new Date(column.cells[row]!);
    case "boolean":
      return column.cells[row] === 1;
    case "null":
      return null;
    default:
      return column.cells[row];
  }
}

/** A new column of `length` missing cells of a type (rows added in an editor). */
export function emptyColumn(type: ColumnType, length: number): ColumnValues {
  switch (type) {
    case "number":
    case "integer":
    case "datetime":
    case "date":
      return { type, cells: new Float64Array(length).fill(Number.NaN) };
    case "boolean":
      return { type, cells: new Uint8Array(length).fill(BOOLEAN_NULL) };
    case "string":
    case "time":
      return { type, cells: new Array<string | null>(length).fill(null) };
    case "null":
      return { type, cells: { length } };
    default:
      return { type, cells: new Array<unknown>(length).fill(null) };
  }
}

/** Rows `[start, end)` of a table, in order. */
export function sliceTable(table: DataTable, start: number, end: number): DataTable {
  const rows = Array.from({ length: Math.max(0, Math.min(end, table.rowCount) - start) }, (_, i) => start + i);
  return takeRows(table, rows);
}

/** The table with only the rows at these positions, in this order. */
export function takeRows(table: DataTable, rows: ArrayLike<number>): DataTable {
  const pick = (column: DataColumn): DataColumn => ({ ...column, ...pickCells(column, rows) }) as DataColumn;
  return { columns: table.columns.map(pick), index: table.index ? pick(table.index) : null, rowCount: rows.length };
}

function pickCells(column: ColumnValues, rows: ArrayLike<number>): ColumnValues {
  const n = rows.length;
  switch (column.type) {
    case "number":
    case "integer":
    case "datetime":
    case "date": {
      const cells = new Float64Array(n);
      for (let i = 0; i < n; i++) cells[i] = column.cells[rows[i]!]!;
      return { type: column.type, cells };
    }
    case "boolean": {
      const cells = new Uint8Array(n);
      for (let i = 0; i < n; i++) cells[i] = column.cells[rows[i]!]!;
      return { type: column.type, cells };
    }
    case "null":
      return { type: "null", cells: { length: n } };
    default: {
      const cells = new Array(n);
      for (let i = 0; i < n; i++) cells[i] = column.cells[rows[i]!];
      return { type: column.type, cells } as ColumnValues;
    }
  }
}

/** `a` then the rows of `b` (add_rows): columns by name; a column only one side has is missing on the other. */
export function concatTables(a: DataTable, b: DataTable): DataTable {
  const names = [...new Set([...a.columns.map((c) => c.name), ...b.columns.map((c) => c.name)])];
  const columns = names.map((name) => {
    const left = a.columns.find((c) => c.name === name);
    const right = b.columns.find((c) => c.name === name);
    let type = left && left.type !== "null" ? left.type : (right?.type ?? "null");
    // Whole numbers then fractions: the column is float, as pandas' concat makes it.
    if (type === "integer" && right?.type === "number") type = "number";
    const joined = joinCells(left ?? emptyColumn(type, a.rowCount), right ?? emptyColumn(type, b.rowCount), type);
    return { ...(left ?? right)!, ...joined, name } as DataColumn;
  });
  let index: DataColumn | null = null;
  if (a.index || b.index) {
    const range = (from: number, length: number): DataColumn => ({ name: "", type: "integer", cells: Float64Array.from({ length }, (_, i) => from + i) });
    const left = a.index ?? range(0, a.rowCount);
    const right = b.index ?? range(a.rowCount, b.rowCount);
    index = { ...left, ...joinCells(left, right, left.type) } as DataColumn;
  }
  return { columns, index, rowCount: a.rowCount + b.rowCount };
}

function joinCells(a: ColumnValues, b: ColumnValues, type: ColumnType): ColumnValues {
  const length = a.cells.length + b.cells.length;
  const sameKind = [a, b].every((side) => side.type === "null" || kindOf(side.type) === kindOf(type));
  if (!sameKind) {
    // Mixed kinds after an append: the column holds values as they are (pandas' object dtype).
    const cells: unknown[] = [];
    for (const side of [a, b]) for (let i = 0; i < side.cells.length; i++) cells.push(cellValue(side, i));
    return { type: "object", cells: cells.map((v) => (v instanceof Date ? v.toISOString() : v)) };
  }
  const out = emptyColumn(type, length);
  if (out.type === "null") return out;
  const target = out.cells as { [i: number]: unknown };
  let at = 0;
  for (const side of [a, b]) {
    if (side.type === "null") {
      at += side.cells.length;
      continue;
    }
    const cells = side.cells as ArrayLike<unknown>;
    for (let i = 0; i < cells.length; i++) target[at++] = cells[i];
  }
  return out;
}

function kindOf(type: ColumnType): string {
  switch (type) {
    case "number":
    case "integer":
    case "datetime":
    case "date":
      return "float";
    case "string":
    case "time":
      return "text";
    case "null":
      return "null";
    default:
      return type;
  }
}

/** Bytes the table's cells take in memory (typed arrays exactly, other cells estimated). */
export function tableBytes(table: DataTable): number {
  let bytes = 0;
  for (const column of [...table.columns, ...(table.index ? [table.index] : [])]) {
    const cells = column.cells;
    if (ArrayBuffer.isView(cells)) bytes += cells.byteLength;
    else if (column.type === "string" || column.type === "time") {
      for (const cell of column.cells) bytes += 8 + (cell === null ? 0 : 16 + cell.length * 2);
    } else if (column.type !== "null") bytes += (cells as unknown[]).length * 16;
  }
  return bytes;
}
