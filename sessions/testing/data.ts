/** Tables as AppTest hands them to a test: rows as objects, and a table rebuilt from its wire form. */
import type { WireCell, WireTable } from "../protocol.ts";
import { column } from "../data/normalize.ts";
import { cellValue, type DataColumn, type DataTable } from "../data/table.ts";

export function tableRecords(table: DataTable): Record<string, unknown>[] {
  return Array.from({ length: table.rowCount }, (_, r) => Object.fromEntries(table.columns.map((c) => [c.name, cellValue(c, r)])));
}

/** The table an element carries (whole, or its first rows when the session kept the rest). */
export function fromWire(wire: WireTable): DataTable {
  const columns: DataColumn[] = wire.columns.map((c, i) => {
    const values = (wire.data[i] ?? []).map((cell) => valueOf(cell, c.type));
    return { ...column(c.name, values), ...(c.timezone ? { timezone: c.timezone } : {}) };
  });
  return { columns, index: wire.index && wire.index_data ? column(wire.index.name, wire.index_data.map((cell) => valueOf(cell, wire.index!.type))) : null, rowCount: wire.data[0]?.length ?? 0 };
}

function valueOf(cell: WireCell, type: string): unknown {
  if (cell === "inf") return Infinity;
  if (cell === "-inf") return -Infinity;
  if ((type === "datetime" || type === "date") && typeof cell === "number") return new Date(cell);
  return cell;
}
