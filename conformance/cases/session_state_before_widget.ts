import st from "edgelit";

export default function app() {
  if (!("size" in st.session_state)) {
    st.session_state.size = 3;
  }

  function double() {
    st.session_state.size = st.session_state.size * 2;
  }

  st.button("Double", { on_click: double });
  st.slider("Size", { min_value: 1, max_value: 100, key: "size" });
  st.write(`size is ${st.session_state.size}`);
}
