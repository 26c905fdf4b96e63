import st from "edgelit";

// The docs' first dataframe: rows of objects are a JS app's DataFrame.
export default function app() {
  const df = [
    { command: "st.selectbox", rating: 4, is_widget: true },
    { command: "st.balloons", rating: 5, is_widget: false },
    { command: "st.time_input", rating: 3, is_widget: true },
  ];

  st.dataframe(df, { use_container_width: true });
}
