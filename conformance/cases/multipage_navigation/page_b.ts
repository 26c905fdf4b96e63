import st from "edgelit";

export default function page_b() {
  st.title("Page B");
  st.checkbox("Tick");
}
