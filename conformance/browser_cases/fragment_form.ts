import st from "edgelit";

export default function app() {
  if (!("app_runs" in st.session_state)) {
    st.session_state.app_runs = 0;
  }
  st.session_state.app_runs += 1;

  const order = st.fragment(() => {
    let dish!: string;
    let count!: number;
    let sent!: boolean;
    st.form("order").with(() => {
      dish = st.text_input("Dish");
      count = st.slider("Count", { min_value: 1, max_value: 5, value: 1 });
      sent = st.form_submit_button("Order");
    });
    if (sent) {
      st.write(`Ordered ${count} x ${dish}`);
    }
  });

  order();
  st.write(`App ran ${st.session_state.app_runs} times.`);
  st.button("Rerun app");
}
