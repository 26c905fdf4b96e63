import st from "edgelit";

/**
 * Everything here takes its looks from .streamlit/config.toml: a light and a dark theme (⋮ →
 * Settings), the sidebar's own colors, and images from static/ (server.enableStaticServing).
 */
export default function app() {
  st.title("A themed app");
  st.markdown(
    "This app's `.streamlit/config.toml` defines a **light** and a **dark** theme. " +
      "Switch between them, or follow your system, in the menu: ⋮ → Settings. " +
      "Links like [the theming docs](https://docs.streamlit.io/develop/concepts/configuration/theming) take the theme's colors.",
  );

  st.header("Images from static/");
  st.image(["app/static/dawn.png", "app/static/dusk.png"], { caption: ["Dawn", "Dusk"], width: 240 });
  st.markdown("And one through Markdown: ![A checkered tile](app/static/tile.png)");

  st.header("Widgets and text");
  const name = st.text_input("Your name", { key: "name", placeholder: "Ada" });
  const warmth = st.slider("Warmth", { min_value: 0, max_value: 10, value: 6, key: "warmth" });
  if (st.button("Greet", { type: "primary" })) st.success(`Hello, ${name || "stranger"}! Warmth ${warmth}.`);
  st.info("An info box, in the theme's blue.");
  st.warning("A warning, in its yellow.");
  st.markdown("Colored text: :red[red], :green[green], :blue[blue], :violet[violet], and `inline code`.");
  st.code("st.image('app/static/dawn.png', caption='Dawn')", { language: "python" });

  st.header("Errors");
  st.caption('client.showErrorDetails = "type": the browser sees the error\'s type and a generic message; the server logs all of it.');
  if (st.button("Raise an error")) throw new Error("the database password is hunter2");

  st.sidebar.header("The sidebar");
  st.sidebar.markdown("It has its own colors: `[theme.light.sidebar]` and `[theme.dark.sidebar]`.");
  st.sidebar.button("A sidebar button");
  st.sidebar.checkbox("A sidebar checkbox", { value: true });
}
