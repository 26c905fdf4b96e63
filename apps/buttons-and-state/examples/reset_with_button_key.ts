import st from "edgelit";

export default function app() {
  // Use the get method since the keys won't be in session_state
  // on the first script run
  if (st.session_state.get("clear")) {
    st.session_state["name"] = "";
  }
  if (st.session_state.get("streamlit")) {
    st.session_state["name"] = "Streamlit";
  }

  st.text_input("Name", { key: "name" });

  st.button("Clear name", { key: "clear" });
  st.button("Streamlit!", { key: "streamlit" });
}
