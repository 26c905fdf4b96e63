import st from "edgelit";

export default function app() {
  if (!("clicked" in st.session_state)) {
    st.session_state.clicked = false;
  }

  function click_button() {
    st.session_state.clicked = true;
  }

  st.button("Click me", { on_click: click_button });

  if (st.session_state.clicked) {
    // The message and nested widget will remain on the page
    st.write("Button clicked!");
    st.slider("Select a value");
  }
}
