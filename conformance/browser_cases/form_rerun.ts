import st from "edgelit";

export default function app() {
  if (!("sum" in st.session_state)) {
    st.session_state.sum = "";
  }

  const [col1, col2] = st.columns(2);
  col1!.title("Sum:");
  if (typeof st.session_state.sum === "number") {
    col2!.title(`${st.session_state.sum.toFixed(2)}`);
  }

  let a!: number;
  let b!: number;
  let submit!: boolean;
  st.form("addition").with(() => {
    a = st.number_input("a");
    b = st.number_input("b");
    submit = st.form_submit_button("add");
  });

  // The value of st.session_state.sum is updated at the end of the script rerun,
  // so the displayed value at the top in col2 does not show the new sum. Trigger
  // a second rerun when the form is submitted to update the value above.
  st.session_state.sum = a + b;
  if (submit) {
    st.rerun();
  }
}
