import st from "edgelit";

export default function app() {
  let my_number!: number;
  let my_color!: string | null;
  st.form("my_form").with(() => {
    st.write("Inside the form");
    my_number = st.slider("Pick a number", { min_value: 1, max_value: 10 });
    my_color = st.selectbox("Pick a color", ["red", "orange", "green", "blue", "violet"]);
    st.form_submit_button("Submit my picks");
  });

  // This is outside the form
  st.write(my_number);
  st.write(my_color);
}
