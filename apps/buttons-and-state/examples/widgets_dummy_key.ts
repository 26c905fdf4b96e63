import st from "edgelit";

export default function app() {
  if (!("my_key" in st.session_state)) {
    st.session_state.my_key = 1;
  }

  function store_value(key: string) {
    st.session_state[key] = st.session_state["_" + key];
  }
  function load_value(key: string) {
    st.session_state["_" + key] = st.session_state[key];
  }

  // Stands in for switching to another page and back.
  if (st.checkbox("Show the page with the widget", { value: true })) {
    load_value("my_key");
    st.number_input("Number of filters", { key: "_my_key", on_change: store_value, args: ["my_key"], step: 1 });
  }
  st.write(`my_key = ${st.session_state.my_key}`);
}
