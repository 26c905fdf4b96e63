/**
 * A content digest of a table: two tables with the same columns, types and cells have the same
 * one, so an unchanged table on a rerun gives the same element and sends nothing. Not
 * cryptographic (nothing trusts it): two 32-bit FNV-style lanes over every cell's bits.
 */
import type { DataColumn, DataTable } from "./table.ts";

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

export function tableDigest(table: DataTable): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ table.rowCount;
  const mixString = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = Math.imul(a ^ 0xff, 0x01000193);
  };
  const columns: DataColumn[] = table.index ? [table.index, ...table.columns] : table.columns;
  for (const column of columns) {
    mixString(`${column.name}\u0000${column.type}\u0000${column.timezone ?? ""}`);
    const cells = column.cells;
    if (cells instanceof Float64Array) {
      for (let i = 0; i < cells.length; i++) {
        f64[0] = cells[i]!;
        a = Math.imul(a ^ u32[0]!, 0x01000193);
        b = Math.imul(b ^ u32[1]!, 0x5bd1e995);
      }
    } else if (cells instanceof Uint8Array) {
      for (let i = 0; i < cells.length; i++) a = Math.imul(a ^ cells[i]!, 0x01000193);
    } else if (Array.isArray(cells)) {
      for (const cell of cells) mixString(typeof cell === "string" ? cell : cell === null ? "\u0001" : JSON.stringify(cell));
    }
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}
