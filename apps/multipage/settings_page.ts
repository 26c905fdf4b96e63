import st from "edgelit";

export default function settings() {
  st.set_page_config({ page_title: "Settings · Multipage demo" });
  st.title("Settings");
  const name = st.text_input("Display name");
  st.write(`Hello ${name || "stranger"}; this page's widget resets when you leave it.`);
  st.query_params.tab = "settings";
}
