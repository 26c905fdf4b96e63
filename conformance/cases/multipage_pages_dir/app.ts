import st from "edgelit";

export default function app() {
  st.title("Home");
  st.slider("Volume", { min_value: 0, max_value: 10, key: "volume" });
}
