import st from "edgelit";

export default function app() {
  let item!: string;
  let quantity!: number;
  let submitted!: boolean;
  st.form("entry", { clear_on_submit: true }).with(() => {
    item = st.text_input("Item", { key: "item" });
    quantity = st.slider("Quantity", { min_value: 1, max_value: 10, value: 1, key: "quantity" });
    submitted = st.form_submit_button("Add");
  });

  if (submitted) {
    st.write(`Added ${quantity} x ${item}`);
  }
  st.write(`In session state: ${st.session_state.item} / ${st.session_state.quantity}`);
  st.button("Rerun");
}
