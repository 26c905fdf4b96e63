/**
 * A DataTable as it travels: whole when small, else its first rows and a content digest by
 * which the browser asks the session for more (protocol.ts, WireTable and `rows` frames).
 */
import type { WireCell, WireColumn, WireTable } from "../protocol.ts";
import { tableDigest } from "./digest.ts";
import type { ColumnValues, DataColumn, DataTable } from "./table.ts";
import { BOOLEAN_NULL } from "./table.ts";

/** Tables up to this many cells travel whole (a few hundred rows of a few columns, or more). */
export const WHOLE_TABLE_CELLS = 20_000;
/** A large table's first rows, sent with the element so the grid paints before it asks for more. */
export const FIRST_ROWS = 100;

export function wireTable(table: DataTable, options: { whole?: boolean; id?: string } = {}): WireTable {
  const whole = options.whole === true || table.rowCount * Math.max(1, table.columns.length) <= WHOLE_TABLE_CELLS;
  const count = whole ? table.rowCount : Math.min(FIRST_ROWS, table.rowCount);
  const rows = range(count);
  return {
    id: options.id ?? tableDigest(table),
    columns: table.columns.map(wireColumn),
    ...(table.index ? { index: wireColumn(table.index) } : {}),
    rows: table.rowCount,
    data: table.columns.map((column) => wireCells(column, rows)),
    ...(table.index ? { index_data: wireCells(table.index, rows) } : {}),
    ...(whole ? {} : { lazy: true }),
  };
}

export function wireColumn(column: DataColumn): WireColumn {
  return { name: column.name, type: column.type, ...(column.timezone ? { timezone: column.timezone } : {}) };
}

/** The cells at these row positions of a column, as JSON carries them. */
export function wireCells(column: ColumnValues, rows: ArrayLike<number>): WireCell[] {
  const out = new Array<WireCell>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = wireCell(column, rows[i]!);
  return out;
}

export function wireCell(column: ColumnValues, row: number): WireCell {
  switch (column.type) {
    case "number":
    case "integer":
    case "datetime":
    case "date": {
      const x = column.cells[row]!;
      if (Number.isFinite(x)) return x;
      return Number.isNaN(x) ? null : x > 0 ? "inf" : "-inf";
    }
    case "boolean": {
      const b = column.cells[row];
      return b === BOOLEAN_NULL ? null : b === 1;
    }
    case "null":
      return null;
    default:
      return (column.cells[row] ?? null) as WireCell;
  }
}

function range(n: number): Uint32Array {
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}
