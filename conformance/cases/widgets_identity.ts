import st from "edgelit";

export default function app() {
  const label = st.radio("Label of the slider", ["First", "Second"]);
  st.slider(label!);
  st.button("Same", { key: "one" });
  st.button("Same", { key: "two" });
  st.write("two keyed buttons coexist");
  st.button("Same");
  st.button("Same");
  st.write("never shown");
}
