import st from "edgelit";

export default function app() {
  let name!: string;
  let age!: number;
  let role!: string | null;
  let submitted!: boolean;
  st.form("profile").with(() => {
    name = st.text_input("Name");
    age = st.slider("Age", { min_value: 0, max_value: 100, value: 30 });
    role = st.radio("Role", ["Author", "Reviewer"]);
    submitted = st.form_submit_button("Save");
  });

  if (submitted) {
    st.success(`Saved ${name}, ${age}, ${role}`);
  }
  st.write(`Name: ${name}`);
  st.write(`Age: ${age}`);
}
