/**
 * A content digest of a table: two tables with the same columns, types and cells have the same
 * one, so an unchanged table on a rerun gives the same element and sends nothing. The bytes go
 * through the runtime's native hash (Node's and workerd's `node:crypto`), a million-row table's
 * typed arrays without a loop in JavaScript; sealed cells (an app's cached table) are hashed
 * once and their digest kept.
 */
import { createHash } from "node:crypto";
import { sealedCells, type DataColumn, type DataTable } from "./table.ts";

const sealedDigests = new WeakMap<Float64Array | Uint8Array, string>();

export function tableDigest(table: DataTable): string {
  const hash = createHash("sha1");
  hash.update(`${table.rowCount}\u0000`);
  const columns: DataColumn[] = table.index ? [table.index, ...table.columns] : table.columns;
  for (const column of columns) {
    hash.update(`\u0001${column.name}\u0000${column.type}\u0000${column.timezone ?? ""}\u0000`);
    const cells = column.cells;
    if (cells instanceof Float64Array || cells instanceof Uint8Array) hash.update(typedDigest(cells));
    // Text and other cells as JSON: one native call, and null stays apart from "".
    else if (Array.isArray(cells)) hash.update(JSON.stringify(cells));
  }
  // 80 bits are plenty to tell a page's tables apart; the id travels with every element.
  return hash.digest("hex").slice(0, 20);
}

function typedDigest(cells: Float64Array | Uint8Array): string {
  const known = sealedDigests.get(cells);
  if (known) return known;
  const digest = createHash("sha1").update(new Uint8Array(cells.buffer, cells.byteOffset, cells.byteLength)).digest("hex");
  if (sealedCells.has(cells)) sealedDigests.set(cells, digest);
  return digest;
}
