/**
 * st.table: a static, read-only table of every row, from anything st.dataframe takes
 * (sessions/data/normalize.ts): rows as objects (`conn.query()`'s result), rows as arrays,
 * a list of values, an object of columns, `{ columns, data }`, a Map or an Arrow table.
 */
import { toDataTable } from "../data/normalize.ts";
import { wireTable } from "../data/wire.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { addRowsOf } from "./add_rows.ts";
import { currentContext } from "../engine/context.ts";

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** A static table of `data`: every row, no scrolling grid. */
    table(data?: unknown): DeltaGenerator;
  }
}

export const tableMethods = {
  table(this: DeltaGenerator, data?: unknown): DeltaGenerator {
    const table = toDataTable(data, "st.table");
    const wire = wireTable(table, { whole: true });
    currentContext("st.table").run.session.keepTable(wire, table, "st.table");
    return addRowsOf(this._leaf("table", { table: wire }), table);
  },
};
