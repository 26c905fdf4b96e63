import st from "edgelit";

export default function app() {
  if (st.checkbox("Show the widget", { value: true })) {
    st.text_input("Name", { key: "name" });
  }
  st.write("name" in st.session_state);
  st.session_state.kept = "a key of no widget";
  st.write(st.session_state.kept);
}
