import st from "edgelit";

export default function app() {
  if (!("app_runs" in st.session_state)) {
    st.session_state.app_runs = 0;
    st.session_state.fragment_runs = 0;
  }

  st.session_state.app_runs += 1;
  st.checkbox("Ask for a fragment rerun in every run", { key: "ask" });

  const my_fragment = st.fragment(() => {
    st.session_state.fragment_runs += 1;
    if (st.button("Rerun fragment")) {
      st.rerun({ scope: "fragment" });
    }
    if (st.button("Rerun app")) {
      st.rerun();
    }
    st.write(`Fragment ran ${st.session_state.fragment_runs} times.`);
    if (st.session_state.ask) {
      st.rerun({ scope: "fragment" });
    }
  });

  my_fragment();
  st.write(`App ran ${st.session_state.app_runs} times.`);
}
