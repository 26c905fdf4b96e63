import st from "edgelit";

export default function page_a() {
  st.title("Page A");
  st.text_input("Name", { key: "name" });
  st.write(`The size set in the sidebar is ${st.session_state.size}.`);
}
