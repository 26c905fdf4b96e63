/**
 * A cell as text, as Streamlit's grid and its CSV download show it: integers plain, floats
 * with up to 4 decimals in the grid (all digits in CSV), datetimes as "YYYY-MM-DD HH:MM:SS",
 * missing values empty in CSV and "None" in the grid.
 */
import { isMissing, type DataColumn } from "./table.ts";

export function formatCell(column: DataColumn, row: number, mode: "grid" | "csv" = "grid"): string {
  if (isMissing(column, row)) return mode === "csv" ? "" : "None";
  switch (column.type) {
    case "integer":
      return String(column.cells[row]);
    case "number": {
      const x = column.cells[row]!;
      if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
      return mode === "csv" ? String(x) : formatFloat(x);
    }
    case "boolean":
      return mode === "csv" ? (column.cells[row] === 1 ? "True" : "False") : column.cells[row] === 1 ? "true" : "false";
    case "datetime":
      return formatDatetime(column.cells[row]!, column.timezone);
    case "date":
      return new Date(column.cells[row]!).toISOString().slice(0, 10);
    case "string":
    case "time":
      return column.cells[row]!;
    case "null":
      return "";
    default: {
      const cell = column.cells[row];
      return typeof cell === "string" ? cell : JSON.stringify(cell);
    }
  }
}

/** Up to 4 decimals, trailing zeros dropped ("0.1235", "2", "1.5"). */
export function formatFloat(x: number): string {
  if (Math.abs(x) >= 1e15 || (x !== 0 && Math.abs(x) < 1e-4)) return x.toExponential(4).replace(/\.?0+e/, "e");
  return String(Number(x.toFixed(4)));
}

/** Wall-clock time in the column's zone (UTC for a naive datetime, as a JS Date is an instant). */
export function formatDatetime(ms: number, timezone?: string): string {
  if (!timezone || timezone === "UTC") return new Date(ms).toISOString().replace("T", " ").replace(/\.000Z$|Z$/, "");
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}
