/**
 * Tables between the page and a component's frame in the form streamlit-component-lib reads and
 * writes (its ArrowTable): three Arrow IPC streams, as Streamlit's component_arrow makes them from
 * a pandas DataFrame. `data` holds the columns (a non-default index as `__index_level_0__`, as
 * pyarrow keeps it); `index` and `columns` are one-column tables (named "0") of the row labels and
 * the column names. Loaded only by pages whose components take or send tables.
 */
import { Bool, DateDay, Float64, Int64, Table, TimestampMicrosecond, Utf8, tableFromIPC, tableToIPC, vectorFromArray, type DataType, type Vector } from "apache-arrow";
import type { WireCell, WireColumn, WireTable } from "../../sessions/protocol.ts";

export interface ArrowTableBuffers {
  data: Uint8Array;
  index: Uint8Array;
  columns: Uint8Array;
}

export function wireToArrow(wire: WireTable): ArrowTableBuffers {
  const columns: Record<string, Vector> = {};
  wire.columns.forEach((column, c) => (columns[column.name] = vectorOf(column, wire.data[c] ?? [])));
  const rows = wire.data[0]?.length ?? wire.index_data?.length ?? 0;
  if (wire.index && wire.index_data) columns["__index_level_0__"] = vectorOf(wire.index, wire.index_data);
  const index = wire.index && wire.index_data ? vectorOf(wire.index, wire.index_data) : vectorOf({ name: "", type: "integer" }, Array.from({ length: rows }, (_, i) => i));
  return {
    data: tableToIPC(new Table(columns), "stream"),
    index: tableToIPC(new Table({ "0": index }), "stream"),
    columns: tableToIPC(new Table({ "0": vectorFromArray(wire.columns.map((c) => c.name), new Utf8()) }), "stream"),
  };
}

function vectorOf(column: WireColumn, cells: WireCell[]): Vector {
  const present = (cell: WireCell) => cell !== null && cell !== undefined;
  switch (column.type) {
    case "integer":
      return vectorFromArray(cells.map((cell) => (typeof cell === "number" && Number.isFinite(cell) ? BigInt(Math.round(cell)) : null)), new Int64() as DataType);
    case "number":
      return vectorFromArray(cells.map((cell) => (typeof cell === "number" ? cell : cell === "inf" ? Infinity : cell === "-inf" ? -Infinity : null)), new Float64() as DataType);
    case "boolean":
      return vectorFromArray(cells.map((cell) => (present(cell) ? cell === true : null)), new Bool() as DataType);
    case "datetime":
      // As Streamlit 1.64 sends a pandas 3 datetime column: timestamp[us].
      // Arrow JS takes epoch milliseconds and stores them in the unit.
      return vectorFromArray(cells.map((cell) => (typeof cell === "number" ? cell : null)), new TimestampMicrosecond() as DataType);
    case "date":
      return vectorFromArray(cells.map((cell) => (typeof cell === "number" ? new Date(cell) : null)), new DateDay() as DataType);
    case "string":
    case "time":
      return vectorFromArray(cells.map((cell) => (present(cell) ? String(cell) : null)), new Utf8() as DataType);
    default:
      return vectorFromArray(cells.map((cell) => (present(cell) ? (typeof cell === "string" ? cell : JSON.stringify(cell)) : null)), new Utf8() as DataType);
  }
}

/** A table a component sent (ArrowTable.serialize()): its column names and rows, as plain JSON values. */
export function arrowToRows(buffers: { data: Uint8Array }): { columns: string[]; rows: unknown[][] } {
  const table = tableFromIPC(buffers.data);
  const names = table.schema.fields.map((field) => field.name).filter((name) => !/^__index_level_\d+__$/.test(name));
  const vectors = names.map((name) => table.getChild(name)!);
  const rows = Array.from({ length: table.numRows }, (_, r) => vectors.map((vector) => plain(vector.get(r))));
  return { columns: names, rows };
}

function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") return (value as { toJSON(): unknown }).toJSON();
  return value;
}
