import st from "edgelit";

export default function page() {
  st.title("_12 monkeys");
  st.slider("Volume", { min_value: 0, max_value: 10, key: "volume" });
}
