import st from "edgelit";

export default function page() {
  st.title("_12 monkeys");
  st.slider("A slider of this page");
}
