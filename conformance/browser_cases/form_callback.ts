import st from "edgelit";

export default function app() {
  if (!("sum" in st.session_state)) {
    st.session_state.sum = "";
  }

  function sum() {
    const result = st.session_state.a + st.session_state.b;
    st.session_state.sum = result;
  }

  const [col1, col2] = st.columns(2);
  col1!.title("Sum:");
  if (typeof st.session_state.sum === "number") {
    col2!.title(`${st.session_state.sum.toFixed(2)}`);
  }

  st.form("addition").with(() => {
    st.number_input("a", { key: "a" });
    st.number_input("b", { key: "b" });
    st.form_submit_button("add", { on_click: sum });
  });
}
