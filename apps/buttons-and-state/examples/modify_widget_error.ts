import st from "edgelit";

export default function app() {
  st.text_input("Name", { key: "name" });

  // These buttons will error because their nested code changes
  // a widget's state after that widget within the script.
  if (st.button("Clear name")) {
    st.session_state.name = "";
  }
  if (st.button("Streamlit!")) {
    st.session_state.name = "Streamlit";
  }
}
