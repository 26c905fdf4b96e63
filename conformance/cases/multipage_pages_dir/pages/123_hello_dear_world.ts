import st from "edgelit";

export default function page() {
  st.title("123_hello_dear_world");
  st.slider("Volume", { min_value: 0, max_value: 10, key: "volume" });
}
