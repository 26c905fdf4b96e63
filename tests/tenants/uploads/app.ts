// A test tenant for tests/integration/uploads.test.ts: one CSV uploader (1 MB limit, its
// .streamlit/config.toml), one for many files of any type, a button, and downloads.
import st from "edgelit";

export default async function app() {
  const csv = st.file_uploader("CSV", { type: ["csv"], key: "csv" });
  st.text(csv ? `csv:${csv.name}|${csv.type}|${csv.size}|${await csv.text()}` : "csv:none");
  const many = st.file_uploader("Many", { accept_multiple_files: true, key: "many" });
  st.text(`many:${many.map((f) => f.name).join(",")}`);
  st.button("Not an uploader");
  const clicked = st.download_button("Get", csv ? `copy of ${await csv.text()}` : "nothing", { file_name: "copy ✓.csv", mime: "text/csv" });
  st.download_button("Later", async () => `made at click, ${csv ? csv.name : "no file"}`, { file_name: "later.txt" });
  st.text(`clicked:${clicked}`);
}
