import st from "edgelit";

export default function app() {
  if ("my_key" in st.session_state) {
    st.session_state.my_key = st.session_state.my_key;
  }

  // Stands in for switching to another page and back.
  if (st.checkbox("Show the page with the widget", { value: true })) {
    st.number_input("Number", { key: "my_key" });
  }
  st.write("my_key" in st.session_state);
}
