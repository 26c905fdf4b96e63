import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCell } from "./format.ts";
import { column } from "./normalize.ts";
import type { DataTable } from "./table.ts";
import { TableViews } from "./views.ts";

/** What a search must find: every row one of whose cells, as the grid shows it, holds the needle. */
function naive(table: DataTable, needle: string): number[] {
  const rows: number[] = [];
  for (let r = 0; r < table.rowCount; r++) if (table.columns.some((c) => formatCell(c, r).toLowerCase().includes(needle))) rows.push(r);
  return rows;
}

describe("a table's search", () => {
  it("finds what the grid shows, for any numbers, text and needles, typed one character after another", () => {
    const cell = fc.oneof(fc.double(), fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 100), fc.constantFrom(Number.NaN, Infinity, 1e-5, 1e16, 0.0001, -0));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, fc.integer(), fc.option(fc.string({ maxLength: 6 }))), { minLength: 1, maxLength: 40 }), fc.stringMatching(/^[0-9a-z.e-]{1,4}$/), (rows, typed) => {
        const table: DataTable = {
          columns: [column("x", Float64Array.from(rows, (r) => r[0])), column("n", Int32Array.from(rows, (r) => r[1])), column("s", rows.map((r) => r[2]))],
          index: null,
          rowCount: rows.length,
        };
        const views = new TableViews(table);
        // Each prefix in turn, as a viewer types: later searches narrow earlier ones.
        for (let i = 1; i <= typed.length; i++) {
          const needle = typed.slice(0, i);
          expect([...(views.view({ search: needle }) ?? [])]).toEqual(naive(table, needle));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a sort's order among the rows it finds", () => {
    const table: DataTable = { columns: [column("x", Float64Array.from([3, 12, 1, 120, 2]))], index: null, rowCount: 5 };
    const views = new TableViews(table);
    expect([...views.view({ sort: [{ column: 0, desc: true }], search: "1" })!]).toEqual([3, 1, 2]);
    expect([...views.view({ sort: [{ column: 0, desc: true }], search: "12" })!]).toEqual([3, 1]);
  });
});
