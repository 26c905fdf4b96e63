/**
 * Tables between the page and a component's frame in the form streamlit-component-lib reads and
 * writes (its ArrowTable): three Arrow IPC streams, as Streamlit's component_arrow makes them from
 * a pandas DataFrame. `data` holds the columns (a non-default index as `__index_level_0__`, as
 * pyarrow keeps it); `index` and `columns` are one-column tables (named "0") of the row labels and
 * the column names. Loaded only by pages whose components take or send tables.
 */
import { Bool, DateDay, Float64, Int64, Table, TimestampMicrosecond, Utf8, makeData, makeVector, tableFromIPC, tableToIPC, type Vector } from "apache-arrow";
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
    columns: tableToIPC(new Table({ "0": vectorOf({ name: "0", type: "string" }, wire.columns.map((c) => c.name)) }), "stream"),
  };
}

/**
 * One column as an Arrow vector, its buffers written here: Arrow JS's builders compile code with
 * `new Function`, which the page's Content-Security-Policy forbids.
 */
function vectorOf(column: WireColumn, cells: WireCell[]): Vector {
  const length = cells.length;
  const number = (cell: WireCell) => (typeof cell === "number" ? cell : cell === "inf" ? Infinity : cell === "-inf" ? -Infinity : null);
  switch (column.type) {
    case "integer":
      return fixed(new Int64(), cells, (cell) => (typeof cell === "number" && Number.isFinite(cell) ? cell : null), (values) => BigInt64Array.from(values, (v) => BigInt(Math.round(v ?? 0))));
    case "number":
      return fixed(new Float64(), cells, number, (values) => Float64Array.from(values, (v) => v ?? Number.NaN));
    case "datetime":
      // As Streamlit 1.64 sends a pandas 3 datetime column: timestamp[us].
      return fixed(new TimestampMicrosecond(), cells, number, (values) => BigInt64Array.from(values, (v) => (v === null || !Number.isFinite(v) ? 0n : BigInt(Math.round(v)) * 1000n)));
    case "date":
      return fixed(new DateDay(), cells, number, (values) => Int32Array.from(values, (v) => (v === null || !Number.isFinite(v) ? 0 : Math.floor(v / 86_400_000))));
    case "boolean": {
      const values = new Uint8Array((length + 7) >> 3);
      cells.forEach((cell, i) => {
        if (cell === true) values[i >> 3]! |= 1 << (i & 7);
      });
      return makeVector(makeData({ type: new Bool(), length, data: values, ...validity(cells.map((cell) => (cell === null || cell === undefined ? null : cell))) }));
    }
    default: {
      const texts = cells.map((cell) => (cell === null || cell === undefined ? null : typeof cell === "string" ? cell : column.type === "string" || column.type === "time" ? String(cell) : JSON.stringify(cell)));
      const encoder = new TextEncoder();
      const encoded = texts.map((text) => encoder.encode(text ?? ""));
      const valueOffsets = new Int32Array(length + 1);
      encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i]! + bytes.length));
      const data = new Uint8Array(valueOffsets[length]!);
      encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]!));
      return makeVector(makeData({ type: new Utf8(), length, valueOffsets, data, ...validity(texts) }));
    }
  }
}

/** A fixed-width column: its values (nulls aside) through `toArray`, its validity from `read`. */
function fixed<T extends Int64 | Float64 | TimestampMicrosecond | DateDay>(type: T, cells: WireCell[], read: (cell: WireCell) => number | null, toArray: (values: (number | null)[]) => T["TArray"]): Vector {
  const values = cells.map(read);
  // makeData's overloads are one per type; the props are the same shape for every fixed-width one.
  const props = { type, length: cells.length, data: toArray(values), ...validity(values) };
  return makeVector(makeData(props as unknown as Parameters<typeof makeData>[0]));
}

/** Arrow's validity bitmap: a bit per row, set where the row has a value. */
function validity(values: readonly unknown[]): { nullCount: number; nullBitmap?: Uint8Array } {
  const nullCount = values.filter((v) => v === null).length;
  if (nullCount === 0) return { nullCount };
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v !== null) nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullCount, nullBitmap };
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
