import st from "edgelit";

export default function app() {
  const options = ["North", "East", "South", "West"];
  const selection = st.pills("Directions", options, { selection_mode: "multi" });
  st.markdown(`Your selected options: ${selection.join(", ")}.`);

  const mode = st.segmented_control("Mode", ["Walk", "Bike", "Drive"], { default: "Bike" });
  st.markdown(`Travelling by: ${mode ?? "None"}.`);

  const size = st.pills("Size", ["S", "M", "L"]);
  st.markdown(`Size: ${size ?? "None"}`);

  const sentiment_mapping = ["one", "two", "three", "four", "five"];
  const selected = st.feedback("stars");
  if (selected !== null) {
    st.markdown(`You selected ${sentiment_mapping[selected]} star(s).`);
  }

  const thumbs = st.feedback("thumbs");
  if (thumbs !== null) {
    st.markdown(`Thumbs: ${thumbs}`);
  }

  const option_map: Record<number, string> = {
    0: ":material/add:",
    1: ":material/zoom_in:",
    2: ":material/zoom_out:",
    3: ":material/zoom_out_map:",
  };
  const tool = st.segmented_control("Tool", [0, 1, 2, 3], {
    format_func: (option) => option_map[option],
    selection_mode: "single",
  });
  st.write("Your selected option: " + `${tool === null ? "None" : option_map[tool]}`);
}
