import st from "edgelit";

function home() {
  st.title("Home");
  st.text_input("Name", { key: "name" });
  st.write(`Hello, ${st.session_state.name || "stranger"}.`);
}

function about() {
  st.title("About");
  // Same key as on the home page: a different widget, since the page is part of its identity.
  st.text_input("Name", { key: "name" });
}

export default async function app() {
  const pages = [
    st.Page(home),
    st.Page(about, { title: "About us" }),
    st.Page("page_a.ts"),
    st.Page("page_b.ts", { title: "Page B", url_path: "bee" }),
  ];
  const pg = st.navigation(pages);

  // Widgets of the entry script are on every page: they keep their state.
  st.sidebar.slider("Size", { min_value: 1, max_value: 5, key: "size" });
  st.sidebar.write(pages.map((p) => [p.title, p.url_path]));
  st.sidebar.write(`Running ${pg.title} at /${pg.url_path}`);
  if (st.sidebar.button("About us")) {
    st.switch_page(pages[1]!);
  }

  await pg.run();
}
