import st from "edgelit";

export default function page() {
  st.title("123");
  st.slider("A slider of this page");
}
