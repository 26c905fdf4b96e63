// The library's own render loop, without React: RENDER_EVENT, setComponentReady, setFrameHeight.
import { Streamlit, type ArrowTable, type RenderData } from "streamlit-component-lib";

let table: ArrowTable | null = null;
const show = (id: string, text: string) => (document.getElementById(id)!.textContent = text);

Streamlit.events.addEventListener(Streamlit.RENDER_EVENT, (event) => {
  const { args } = (event as CustomEvent<RenderData>).detail;
  table = args["data"] as ArrowTable;
  show("label", String(args["label"]));
  // Row 0 holds the headers and column 0 the index, as ArrowTable lays out Streamlit's tables.
  show("table", `${table.dataRows}x${table.dataColumns} ${String(table.getCell(0, 1).content)}=${String(table.getCell(1, 1).content)} ${String(table.getCell(0, 2).content)}=${String(table.getCell(2, 2).content)}`);
  show("bytes", Array.from(args["raw"] as Uint8Array).join(","));
  Streamlit.setFrameHeight();
});
document.getElementById("echo")!.addEventListener("click", () => {
  if (table) Streamlit.setComponentValue(table);
});
Streamlit.setComponentReady();
