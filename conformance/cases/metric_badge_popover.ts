import st from "edgelit";

export default function app() {
  st.link_button("Go to gallery", "https://streamlit.io/gallery");

  const [col1, col2, col3] = st.columns(3);
  col1!.metric("Temperature", "70 °F", { delta: "1.2 °F" });
  col2!.metric("Wind", "9 mph", { delta: "-8%" });
  col3!.metric("Humidity", "86%", { delta: "4%" });
  st.metric("Count", 42, { delta: 0.5 });
  st.metric("Nothing yet", null);

  st.badge("New");
  st.badge("Success", { icon: ":material/check:", color: "green" });
  st.badge("Tag [beta]", { color: "orange" });

  let name = "";
  st.popover("Open popover").with(() => {
    st.markdown("Hello World 👋");
    name = st.text_input("What's your name?");
  });

  st.write("Your name:", name);
}
