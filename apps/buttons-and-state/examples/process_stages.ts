import st from "edgelit";

export default function app() {
  if (!("stage" in st.session_state)) {
    st.session_state.stage = 0;
  }

  function set_state(i: number) {
    st.session_state.stage = i;
  }

  if (st.session_state.stage === 0) {
    st.button("Begin", { on_click: set_state, args: [1] });
  }

  let name = "";
  if (st.session_state.stage >= 1) {
    name = st.text_input("Name", { on_change: set_state, args: [2] });
  }

  let color: string | null = null;
  if (st.session_state.stage >= 2) {
    st.write(`Hello ${name}!`);
    color = st.selectbox(
      "Pick a Color",
      [null, "red", "orange", "green", "blue", "violet"],
      { on_change: set_state, args: [3] },
    );
    if (color === null) {
      set_state(2);
    }
  }

  if (st.session_state.stage >= 3) {
    st.write(`:${color}[Thank you!]`);
    st.button("Start Over", { on_click: set_state, args: [0] });
  }
}
