/**
 * A data editor's edits, as Streamlit keeps them (its widget value, JSON text):
 * `{"edited_rows": {"<row>": {"<column>": value}}, "added_rows": [{"<column>": value}], "deleted_rows": [row, ...]}`.
 * Rows are positions in the table the script passed; added rows come after them.
 */
import type { WireCell, WireColumn, WireTable } from "../../sessions/protocol.ts";
import type { RowSource } from "./view.ts";

export interface EditDict {
  edited_rows: Record<string, Record<string, WireCell>>;
  added_rows: Record<string, WireCell>[];
  deleted_rows: number[];
}

export function emptyEdits(): EditDict {
  return { edited_rows: {}, added_rows: [], deleted_rows: [] };
}

/** The edits in a widget value; anything malformed reads as no edits. */
export function parseEdits(text: string | undefined): EditDict {
  try {
    const value = JSON.parse(text ?? "") as Partial<EditDict> | null;
    const edits = emptyEdits();
    if (value && typeof value.edited_rows === "object" && value.edited_rows !== null && !Array.isArray(value.edited_rows)) edits.edited_rows = value.edited_rows;
    if (Array.isArray(value?.added_rows)) edits.added_rows = value.added_rows.filter((row) => typeof row === "object" && row !== null && !Array.isArray(row));
    if (Array.isArray(value?.deleted_rows)) edits.deleted_rows = value.deleted_rows.filter((row) => Number.isSafeInteger(row));
    return edits;
  } catch {
    return emptyEdits();
  }
}

export function serializeEdits(edits: EditDict): string {
  return JSON.stringify({ edited_rows: edits.edited_rows, added_rows: edits.added_rows, deleted_rows: [...edits.deleted_rows].sort((a, b) => a - b) });
}

/** The table as the editor shows it: edited cells, deleted rows gone, added rows at the end. */
export function editedSource(table: WireTable, edits: EditDict): RowSource {
  const n = table.data[0]?.length ?? table.rows;
  const deleted = new Set(edits.deleted_rows);
  const positions: number[] = [];
  for (let p = 0; p < n; p++) if (!deleted.has(p)) positions.push(p);
  for (let k = 0; k < edits.added_rows.length; k++) positions.push(n + k);
  return {
    positions,
    cell(position, column) {
      if (column === -1) return position >= n ? null : table.index_data ? (table.index_data[position] ?? null) : position;
      const wire = table.columns[column];
      if (!wire) return null;
      const changes = position < n ? edits.edited_rows[String(position)] : edits.added_rows[position - n];
      if (changes && Object.hasOwn(changes, wire.name)) return fromEditValue(changes[wire.name]!, wire);
      return position < n ? (table.data[column]?.[position] ?? null) : null;
    },
  };
}

/** Sets one cell: an original row's change goes to `edited_rows`, an added row's to its entry. */
export function withCell(edits: EditDict, n: number, position: number, column: string, value: WireCell): EditDict {
  if (position >= n) {
    const added = edits.added_rows.map((row, k) => (k === position - n ? { ...row, [column]: value } : row));
    return { ...edits, added_rows: added };
  }
  const key = String(position);
  return { ...edits, edited_rows: { ...edits.edited_rows, [key]: { ...edits.edited_rows[key], [column]: value } } };
}

export function withAddedRow(edits: EditDict, row: Record<string, WireCell>): EditDict {
  return { ...edits, added_rows: [...edits.added_rows, row] };
}

/** Deletes rows by position: an original row joins `deleted_rows`, an added row leaves `added_rows`. */
export function withoutRows(edits: EditDict, n: number, positions: readonly number[]): EditDict {
  const originals = positions.filter((p) => p < n);
  const added = new Set(positions.filter((p) => p >= n).map((p) => p - n));
  const edited = { ...edits.edited_rows };
  for (const p of originals) delete edited[String(p)];
  return {
    edited_rows: edited,
    added_rows: edits.added_rows.filter((_, k) => !added.has(k)),
    deleted_rows: [...new Set([...edits.deleted_rows, ...originals])].sort((a, b) => a - b),
  };
}

/**
 * The edit value of a cell as the grid holds cells: dates and datetimes travel in the edit
 * dict as ISO text (as Streamlit's editor sends them) and show as epoch milliseconds.
 */
export function fromEditValue(value: WireCell, column: Pick<WireColumn, "type">): WireCell {
  if ((column.type === "date" || column.type === "datetime") && typeof value === "string") {
    const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) || value.length <= 10 ? value : `${value}Z`);
    return Number.isNaN(ms) ? value : ms;
  }
  return value;
}

/** A grid cell as the edit dict carries it (the inverse of `fromEditValue`). */
export function toEditValue(cell: WireCell, column: Pick<WireColumn, "type">): WireCell {
  if (typeof cell !== "number") return cell;
  if (column.type === "date") return new Date(cell).toISOString().slice(0, 10);
  if (column.type === "datetime") return new Date(cell).toISOString().replace(/\.000Z$/, "").replace(/Z$/, "");
  return cell;
}
