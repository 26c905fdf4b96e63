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

/**
 * How an element turns the rows `add_rows` is given into the rows its table gains: a built-in
 * chart melts them as it melted its data (sessions/api/charts.ts). Called once per `add_rows`,
 * so it may keep state (the last index label it numbered).
 */
export type AddRowsTransform = (added: DataTable) => DataTable;

/**
 * Draws the element anew from the rows `add_rows` is given, in its place: a built-in chart that
 * had no rows knows no columns to melt by, so Streamlit makes the chart again from the new data.
 * Returns the generator the new element was registered on.
 */
export type AddRowsRedraw = (data: unknown) => DeltaGenerator;

interface Shown {
  table: DataTable;
  transform?: AddRowsTransform;
  redraw?: AddRowsRedraw;
}

const tables = new WeakMap<DeltaGenerator, Shown>();

/**
 * Marks `dg` (an element's slot) as showing `table`, so that `dg.add_rows()` can extend it;
 * `transform`, when given, prepares each batch of added rows first; `redraw`, when given,
 * replaces the element instead (once: the new element's registration takes over).
 */
export function addRowsOf(dg: DeltaGenerator, table: DataTable, transform?: AddRowsTransform, redraw?: AddRowsRedraw): DeltaGenerator {
  tables.set(dg, { table, ...(transform ? { transform } : {}), ...(redraw ? { redraw } : {}) });
  return dg;
}

export const addRowsMethods = {
  add_rows(this: DeltaGenerator, data: unknown): DeltaGenerator {
    const shown = tables.get(this);
    if (!shown) throw new StreamlitAPIException("add_rows() works on an element that shows data: st.table, st.dataframe or a chart.");
    const { table, transform, redraw } = shown;
    const given = toDataTable(data, "add_rows");
    if (given.rowCount === 0) return this;
    if (redraw) {
      const drawn = redraw(given);
      const now = tables.get(drawn);
      if (now) tables.set(this, now);
      return this;
    }
    const added = transform ? transform(given) : given;
    if (added.rowCount === 0) return this;
    const ctx = currentContext("add_rows");
    const joined = concatTables(table, added);
    ctx.run.session.addRows(this._slotPath(ctx), table, added, joined);
    tables.set(this, { ...shown, table: joined });
    return this;
  },
};
