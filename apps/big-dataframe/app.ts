import st from "edgelit";

/** Columns of numbers the way a JS app builds them fast: typed arrays, one per column. */
const makeTable = st.cache_resource(function make_table(rows: number, cols: number) {
  const table: Record<string, Float64Array> = {};
  for (let c = 0; c < cols; c++) {
    const column = new Float64Array(rows);
    for (let r = 0; r < rows; r++) column[r] = c === 0 ? r : Math.round(Math.sin(r * (c + 1)) * 100_000) / 100;
    table[c === 0 ? "row" : `value ${c}`] = column;
  }
  return table;
});

export default function app() {
  const rows = Math.min(2_000_000, Math.max(1, Number(st.query_params.get("rows") ?? 1_000_000) || 1_000_000));
  const cols = Math.min(20, Math.max(1, Number(st.query_params.get("cols") ?? 10) || 10));
  st.title(`${rows.toLocaleString("en")} rows × ${cols} columns`);
  st.button("Rerun");
  st.dataframe(makeTable(rows, cols), { use_container_width: true });
}
