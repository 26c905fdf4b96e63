// A test tenant for tests/browser/components.test.ts: a component (components/viewer, built from
// frontend/ with streamlit-component-lib and no React) that gets an Arrow table, bytes and a label
// that "Rename" changes, under a key that "New key" changes; its front end can echo the table back.
import { tableFromArrays } from "apache-arrow";
import st from "edgelit";
import components from "edgelit/components";

const viewer = components.declare_component("viewer", { path: "components/viewer" });
// Typed columns only: Arrow JS builds text columns with generated code, which Workers forbid.
const data = tableFromArrays({ n: Int32Array.from([1, 2]), x: Float64Array.from([0.5, 1.5]) });

export default function app() {
  if (!("label" in st.session_state)) st.session_state["label"] = "first";
  if (!("generation" in st.session_state)) st.session_state["generation"] = 0;
  if (st.button("Rename")) st.session_state["label"] = "second";
  if (st.button("New key")) st.session_state["generation"] = Number(st.session_state["generation"]) + 1;
  const value = viewer({ data, raw: new Uint8Array([7, 8, 9]), label: st.session_state["label"] }, { key: `viewer-${st.session_state["generation"]}` });
  st.text(`value: ${JSON.stringify(value ?? null)}`);
}
