import st from "edgelit";

export default function page() {
  st.title("123");
  st.slider("Volume", { min_value: 0, max_value: 10, key: "volume" });
}
