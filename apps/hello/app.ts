import st from "edgelit";

export default function app() {
  st.title("Hello, Edgelit :wave:");
  st.markdown("Streamlit's API, on the edge. Text is **markdown**, with :red[colours] and emoji :rocket:.");

  st.sidebar.header("Settings");
  const greeting = st.sidebar.selectbox("Greeting", ["Hello", "Hi", "Howdy"]);

  const name = st.text_input("Your name", { value: "world", key: "name" });
  st.write(`${greeting}, **${name}**!`);

  const [left, right] = st.columns(2);
  const n = left.slider("How many stars?", { min_value: 1, max_value: 10, value: 3 });
  right.write("⭐".repeat(n));

  if (st.button("Celebrate")) st.success("🎉 Clicked!");

  if (!("clicks" in st.session_state)) st.session_state.clicks = 0;
  st.button("Count", { on_click: () => (st.session_state.clicks += 1) });
  st.caption(`Counted ${st.session_state.clicks} times in this session; reload the tab and it stays.`);

  const shown = st.checkbox("Show details");
  if (shown) {
    const [one, two] = st.tabs(["Code", "Data"]);
    one.code("st.write('hello')", { language: "python" });
    two.json({ name, stars: n });
  }
  st.expander("About").write("Each tab is its own session, kept in a Durable Object.");

  if (st.button("Raise an error")) throw new Error("Something went wrong, on purpose.");
}
