import st from "edgelit";

function dashboard() {
  st.title("Dashboard");
  st.write(`Group ${st.session_state.group}, size ${st.session_state.size}.`);
  st.page_link("reports.ts", { label: "Open the reports", icon: "📄" });
}

export default async function app() {
  st.set_page_config({ page_title: "Multipage demo", page_icon: "🗺️", layout: "wide" });
  const pg = st.navigation({
    Overview: [st.Page(dashboard, { title: "Dashboard", icon: "📊", default: true })],
    Work: [st.Page("reports.ts", { icon: "📄" }), st.Page("settings_page.ts", { title: "Settings", icon: "⚙️", url_path: "settings" })],
  });
  st.sidebar.selectbox("Group", ["A", "B", "C"], { key: "group" });
  st.sidebar.slider("Size", { min_value: 1, max_value: 5, key: "size" });
  await pg.run();
}
