/**
 * A table as CSV, produced in chunks of rows as the reader pulls them (a million rows never
 * sit in memory as one string). Quoting follows RFC 4180; the index comes first unless hidden.
 */
import { formatCell } from "./format.ts";
import type { DataColumn, DataTable } from "./table.ts";

const ROWS_PER_CHUNK = 2000;

export function csvStream(table: DataTable, options: { rows?: Uint32Array | null; hideIndex?: boolean } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const columns: DataColumn[] = [...(table.index && !options.hideIndex ? [table.index] : []), ...table.columns];
  const order = options.rows ?? null;
  const total = order ? order.length : table.rowCount;
  let next = -1;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next === -1) {
        // A BOM, so spreadsheet programs read the text as UTF-8 (Streamlit's download does the same).
        controller.enqueue(encoder.encode("\ufeff" + columns.map((c) => csvField(c.name)).join(",") + "\n"));
        next = 0;
        return;
      }
      if (next >= total) return controller.close();
      const end = Math.min(total, next + ROWS_PER_CHUNK);
      let text = "";
      for (let i = next; i < end; i++) {
        const row = order ? order[i]! : i;
        text += columns.map((c) => csvField(formatCell(c, row, "csv"))).join(",") + "\n";
      }
      next = end;
      controller.enqueue(encoder.encode(text));
    },
  }, { highWaterMark: 1 });
}

/** One CSV field, RFC 4180 quoted when it must be (the browser's download of a whole table uses it too). */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
