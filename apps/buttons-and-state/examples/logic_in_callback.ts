import st from "edgelit";

export default function app() {
  if (!("name" in st.session_state)) {
    st.session_state["name"] = "John Doe";
  }

  function change_name(name: string) {
    st.session_state["name"] = name;
  }

  st.header(st.session_state["name"]);

  st.button("Jane", { on_click: change_name, args: ["Jane Doe"] });
  st.button("John", { on_click: change_name, args: ["John Doe"] });

  st.header(st.session_state["name"]);
}
