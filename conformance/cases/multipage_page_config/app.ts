import st from "edgelit";

function home() {
  // A page can set the config too, after elements of the entry script.
  st.set_page_config({ page_title: "Home · Config demo" });
  st.title("Home");
  const layout = st.radio("Layout", ["centered", "wide", "huge"]);
  st.set_page_config({ layout: layout as "centered" | "wide" });
  st.write(`The layout is ${layout}.`);
}

export default async function app() {
  // Several calls add up; a later value wins.
  st.set_page_config({ page_title: "Config demo", layout: "wide" });
  st.set_page_config({ page_icon: "🧪" });

  const pg = st.navigation([st.Page(home), st.Page("settings.ts")]);
  st.sidebar.write("Entry script ran.");
  await pg.run();
  st.set_page_config({ initial_sidebar_state: "collapsed" });
  st.write("Done.");
}
