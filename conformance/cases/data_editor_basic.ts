import st from "edgelit";

export default function app() {
  const df = [
    { command: "st.selectbox", rating: 4, is_widget: true },
    { command: "st.balloons", rating: 5, is_widget: false },
    { command: "st.time_input", rating: 3, is_widget: true },
  ];
  const edited_df = st.data_editor(df);

  const favorite_command = edited_df.reduce((best, row) => (row.rating > best.rating ? row : best)).command;
  st.markdown(`Your favorite command is **${favorite_command}** 🎈`);
}
