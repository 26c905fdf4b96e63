import st from "edgelit";

export default function page() {
  st.title("123_hello_dear_world");
  st.slider("A slider of this page");
}
