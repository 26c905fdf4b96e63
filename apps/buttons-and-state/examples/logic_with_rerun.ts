import st from "edgelit";

export default function app() {
  if (!("name" in st.session_state)) {
    st.session_state["name"] = "John Doe";
  }

  st.header(st.session_state["name"]);

  if (st.button("Jane")) {
    st.session_state["name"] = "Jane Doe";
    st.rerun();
  }

  if (st.button("John")) {
    st.session_state["name"] = "John Doe";
    st.rerun();
  }

  st.header(st.session_state["name"]);
}
