import st from "edgelit";

export default function app() {
  st.title("Data editor");
  // The Streamlit docs' st.data_editor example, with rows to add and delete.
  const df = [
    { command: "st.selectbox", rating: 4, is_widget: true, kind: "input", since: new Date(Date.UTC(2019, 9, 1)) },
    { command: "st.balloons", rating: 5, is_widget: false, kind: "fun", since: new Date(Date.UTC(2019, 11, 5)) },
    { command: "st.time_input", rating: 3, is_widget: true, kind: "input", since: new Date(Date.UTC(2020, 1, 20)) },
  ];
  const edited = st.data_editor(df, {
    key: "editor",
    num_rows: "dynamic",
    column_config: {
      command: st.column_config.TextColumn("Command", { help: "The Streamlit command", required: true }),
      rating: st.column_config.NumberColumn("Your rating", { help: "How much do you like this command (1-5)?", min_value: 1, max_value: 5, step: 1, format: "%d ⭐" }),
      is_widget: st.column_config.CheckboxColumn("Widget?", { help: "Is it a widget?", default: false }),
      kind: st.column_config.SelectboxColumn("Kind", { options: ["input", "fun", "layout"] }),
      since: st.column_config.DateColumn("Since", { format: "MMM D, YYYY" }),
    },
  });
  const best = edited.reduce<(typeof edited)[number] | null>((top, row) => (top === null || (row.rating ?? 0) > (top.rating ?? 0) ? row : top), null);
  st.markdown(`Your favorite command is **${best?.command ?? "none"}** 🎈`);
  st.write(`Rows: ${edited.length}`);
  st.write(`Commands: ${edited.map((row) => row.command ?? "None").join(", ")}`);
  st.write(`Ratings: ${edited.map((row) => row.rating ?? "None").join(", ")}`);
  st.write(`Since: ${edited.map((row) => (row.since instanceof Date ? row.since.toISOString().slice(0, 10) : "None")).join(", ")}`);
  st.write(`Edits: ${JSON.stringify(st.session_state.editor)}`);
}
