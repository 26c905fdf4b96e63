import st from "edgelit";

export default function app() {
  if (st.button("Button 1")) {
    st.write("Button 1 was clicked");
    if (st.button("Button 2")) {
      // This will never be executed.
      st.write("Button 2 was clicked");
    }
  }
}
