/**
 * A whole table as CSV, built in the browser for "Download as CSV" (a large table downloads
 * from the session instead, rows.ts `csvUrl`): RFC 4180 quoting, a UTF-8 byte order mark so
 * spreadsheets read it as UTF-8, one header line, the same text as the session's download.
 */
import { csvField } from "../../sessions/data/csv.ts";

export function csvText(header: readonly string[], rows: Iterable<readonly string[]>): string {
  let text = "\ufeff" + header.map(csvField).join(",") + "\n";
  for (const row of rows) text += row.map(csvField).join(",") + "\n";
  return text;
}

/** Cells as tab-separated text, as a spreadsheet pastes them (Ctrl+C on the grid). */
export function tsvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join("\t")).join("\n");
}

/** Streamlit's download name: "<YYYY-MM-DDTHH-MM>_export.csv". */
export function exportFileName(now = new Date()): string {
  return `${now.toISOString().slice(0, 16).replace(":", "-")}_export.csv`;
}
