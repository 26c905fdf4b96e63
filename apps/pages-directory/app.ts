import st from "edgelit";

export default function app() {
  st.title("Home");
  st.write("Each file in `pages/` is a page; the sidebar lists them in Streamlit's order.");
  st.number_input("A number that stays on this page", { key: "home_number" });
}
