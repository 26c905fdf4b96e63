import st from "edgelit";

export default function app() {
  st.text_input("Name", { key: "name" });

  function set_name(name: string) {
    st.session_state.name = name;
  }

  st.button("Clear name", { on_click: set_name, args: [""] });
  st.button("Streamlit!", { on_click: set_name, args: ["Streamlit"] });
}
