/**
 * `.add_rows(data)` on a table, a dataframe or a chart: the element keeps its place and gains
 * rows, and the browser receives only the new ones (an `add_rows` delta op).
 */
import { StreamlitAPIException } from "../errors.ts";
import { currentContext } from "../engine/context.ts";
import { concatTables, type DataTable } from "../data/table.ts";
import { toDataTable } from "../data/normalize.ts";
import type { DeltaGenerator } from "./delta_generator.ts";

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** Appends rows to the table or chart this generator shows (Streamlit's `add_rows`). */
    add_rows(data: unknown): DeltaGenerator;
  }
}

const tables = new WeakMap<DeltaGenerator, DataTable>();

/** Marks `dg` (an element's slot) as showing `table`, so that `dg.add_rows()` can extend it. */
export function addRowsOf(dg: DeltaGenerator, table: DataTable): DeltaGenerator {
  tables.set(dg, table);
  return dg;
}

export const addRowsMethods = {
  add_rows(this: DeltaGenerator, data: unknown): DeltaGenerator {
    const table = tables.get(this);
    if (!table) throw new StreamlitAPIException("add_rows() works on an element that shows data: st.table, st.dataframe or a chart.");
    const added = toDataTable(data, "add_rows");
    if (added.rowCount === 0) return this;
    const ctx = currentContext("add_rows");
    const joined = concatTables(table, added);
    ctx.run.session.addRows(this._slotPath(ctx), table, added, joined);
    tables.set(this, joined);
    return this;
  },
};
