import st from "edgelit";

export default function app() {
  if (st.button("Sign up")) {
    const name = st.text_input("Name");

    if (name) {
      // This will never be executed.
      st.success(`Welcome ${name}`);
    }
  }
}
