import st from "edgelit";

export default function reports() {
  st.title("Reports");
  const kind = st.radio("Report", ["Daily", "Weekly"], { key: "report_kind" });
  st.write(`Showing the ${kind!.toLowerCase()} report for group ${st.session_state.group}.`);
  if (st.button("Go to the settings")) st.switch_page("settings_page.ts");
}
