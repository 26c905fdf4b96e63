import st from "edgelit";

export default function app() {
  function display_input_row(index: number) {
    const [left, middle, right] = st.columns(3);
    left.text_input("First", { key: `first_${index}` });
    middle.text_input("Middle", { key: `middle_${index}` });
    right.text_input("Last", { key: `last_${index}` });
  }

  if (!("rows" in st.session_state)) {
    st.session_state["rows"] = 0;
  }

  function increase_rows() {
    st.session_state["rows"] += 1;
  }

  st.button("Add person", { on_click: increase_rows });

  for (let i = 0; i < st.session_state["rows"]; i++) {
    display_input_row(i);
  }

  // Show the results
  st.subheader("People");
  for (let i = 0; i < st.session_state["rows"]; i++) {
    st.write(
      `Person ${i + 1}:`,
      st.session_state[`first_${i}`],
      st.session_state[`middle_${i}`],
      st.session_state[`last_${i}`],
    );
  }
}
