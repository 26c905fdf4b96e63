import st from "edgelit";

export default function app() {
  if (!("button" in st.session_state)) {
    st.session_state.button = false;
  }

  function click_button() {
    st.session_state.button = !st.session_state.button;
  }

  st.button("Click me", { on_click: click_button });

  st.slider("Select a value", { disabled: st.session_state.button });
}
