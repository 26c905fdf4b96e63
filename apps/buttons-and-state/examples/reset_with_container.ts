import st from "edgelit";

export default function app() {
  const begin = st.container();

  if (st.button("Clear name")) {
    st.session_state.name = "";
  }
  if (st.button("Streamlit!")) {
    st.session_state.name = "Streamlit";
  }

  // The widget is second in logic, but first in display
  begin.text_input("Name", { key: "name" });
}
