/**
 * Wire cells (sessions/protocol.ts, WireCell) as text, as Streamlit shows them: the grid's style
 * (floats with up to 4 decimals, booleans as checkboxes elsewhere) and st.table's pandas style.
 */
import type { WireCell, WireColumn } from "../../sessions/protocol.ts";
import { formatDatetime, formatFloat } from "../../sessions/data/format.ts";

export type CellStyle = "grid" | "pandas";

export function cellText(cell: WireCell, column: Pick<WireColumn, "type" | "timezone">, style: CellStyle = "grid"): string {
  if (cell === null) return "None";
  switch (column.type) {
    case "number":
      if (typeof cell !== "number") return String(cell);
      return style === "grid" ? formatFloat(cell) : pandasFloat(cell);
    case "integer":
      return String(cell);
    case "boolean":
      return style === "pandas" ? (cell ? "True" : "False") : String(cell);
    case "datetime":
      return typeof cell === "number" ? formatDatetime(cell, column.timezone) : String(cell);
    case "date":
      return typeof cell === "number" ? new Date(cell).toISOString().slice(0, 10) : String(cell);
    case "string":
    case "time":
      return String(cell);
    default:
      return typeof cell === "string" ? cell : JSON.stringify(cell);
  }
}

export function isNumeric(column: Pick<WireColumn, "type">): boolean {
  return column.type === "number" || column.type === "integer";
}

/** pandas' default: 6 significant decimals, every float of a column with the same decimals is pandas' own; we keep it per cell. */
function pandasFloat(x: number): string {
  if (x !== 0 && (Math.abs(x) >= 1e16 || Math.abs(x) < 1e-4)) return x.toExponential(6);
  return x.toFixed(6).replace(/0+$/, "").replace(/\.$/, ".0");
}
