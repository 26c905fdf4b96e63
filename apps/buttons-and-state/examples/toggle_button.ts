import st from "edgelit";

export default function app() {
  if (!("button" in st.session_state)) {
    st.session_state.button = false;
  }

  function click_button() {
    st.session_state.button = !st.session_state.button;
  }

  st.button("Click me", { on_click: click_button });

  if (st.session_state.button) {
    // The message and nested widget will remain on the page
    st.write("Button is on!");
    st.slider("Select a value");
  } else {
    st.write("Button is off!");
  }
}
