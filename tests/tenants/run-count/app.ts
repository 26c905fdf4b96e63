// A test tenant that counts its own runs: a page load must run the script once, not twice.
import st from "edgelit";

export default function app() {
  st.session_state["runs"] = "runs" in st.session_state ? Number(st.session_state["runs"]) + 1 : 1;
  st.markdown(`runs: ${st.session_state["runs"]}`);
  st.button("Again");
}
