import st from "edgelit";

export default function app() {
  if (!("app_runs" in st.session_state)) {
    st.session_state.app_runs = 0;
    st.session_state.fragment_runs = 0;
  }

  const my_fragment = st.fragment(() => {
    st.session_state.fragment_runs += 1;
    st.button("Rerun fragment");
    st.write(`Fragment says it ran ${st.session_state.fragment_runs} times.`);
  });

  st.session_state.app_runs += 1;
  my_fragment();
  st.button("Rerun full app");
  st.write(`Full app says it ran ${st.session_state.app_runs} times.`);
  st.write(`Full app sees that fragment ran ${st.session_state.fragment_runs} times.`);
}
