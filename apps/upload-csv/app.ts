import st from "edgelit";
import Papa from "papaparse";

type Row = Record<string, unknown>;

// Streamlit's classic upload-and-explore app: st.file_uploader, a CSV parser, st.dataframe and
// st.download_button, line by line.
export default async function app() {
  st.title("📄 CSV explorer");
  st.write("Upload a CSV file: look through it, keep the columns and rows you want, and download the result.");

  const file = st.file_uploader("Choose a CSV file", { type: ["csv"], help: "A header row, then one record per line." });
  if (file === null) {
    st.info("Upload a CSV file to begin.");
    return;
  }

  const parsed = Papa.parse<Row>(await file.text(), { header: true, dynamicTyping: true, skipEmptyLines: true });
  const columns = parsed.meta.fields ?? [];
  if (parsed.errors.length > 0) st.warning(`Line ${(parsed.errors[0]!.row ?? 0) + 2}: ${parsed.errors[0]!.message} (${parsed.errors.length} problem(s) in all)`);
  if (columns.length === 0) {
    st.error("This file has no header row.");
    return;
  }
  st.caption(`${file.name}: ${parsed.data.length} rows, ${columns.length} columns`);

  const kept = st.multiselect("Columns", columns, { default: columns });
  const search = st.text_input("Keep the rows containing", { placeholder: "any text" });
  const sortBy = st.selectbox("Sort by", ["(file order)", ...kept]);

  let rows = parsed.data;
  if (search) {
    const needle = search.toLowerCase();
    rows = rows.filter((row) => kept.some((c) => String(row[c] ?? "").toLowerCase().includes(needle)));
  }
  if (sortBy && sortBy !== "(file order)") rows = [...rows].sort((a, b) => compare(a[sortBy], b[sortBy]));
  const table = rows.map((row) => Object.fromEntries(kept.map((c) => [c, row[c] ?? null])));

  st.subheader(`${table.length} of ${parsed.data.length} rows`);
  st.dataframe(table, { use_container_width: true, hide_index: true });

  const numeric = kept.filter((c) => table.length > 0 && table.every((row) => row[c] === null || typeof row[c] === "number"));
  if (numeric.length > 0) {
    const [first] = st.columns(numeric.length > 1 ? 2 : 1);
    first!.with(() => {
      const column = st.selectbox("Sum of", numeric);
      if (column) st.metric(`Sum of ${column}`, table.reduce((sum, row) => sum + (typeof row[column] === "number" ? (row[column] as number) : 0), 0).toLocaleString("en-US"));
    });
  }

  const csv = Papa.unparse(table, { columns: kept });
  const [left, right] = st.columns(2);
  left!.download_button("Download CSV", csv, { file_name: `edited-${file.name}`, mime: "text/csv", icon: "⬇️" });
  // Deferred data: the JSON is made only when the button is clicked, and the click does not rerun.
  right!.download_button("Download JSON", () => JSON.stringify(table, null, 2), {
    file_name: file.name.replace(/\.csv$/i, "") + ".json",
    mime: "application/json",
    on_click: "ignore",
  });
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}
