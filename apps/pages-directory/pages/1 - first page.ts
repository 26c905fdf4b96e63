import st from "edgelit";

export default function page() {
  st.title("1 - first page");
  st.slider("A slider of this page");
}
