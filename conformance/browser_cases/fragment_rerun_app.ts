import st from "edgelit";

export default function app() {
  if (!("clicks" in st.session_state)) {
    st.session_state.clicks = 0;
  }

  const count_to_five = st.fragment(() => {
    if (st.button("Plus one!")) {
      st.session_state.clicks += 1;
      if (st.session_state.clicks % 5 === 0) {
        st.rerun();
      }
    }
    return;
  });

  count_to_five();
  st.header(`Multiples of five clicks: ${Math.floor(st.session_state.clicks / 5)}`);

  if (st.button("Check click count")) {
    st.toast(`## Total clicks: ${st.session_state.clicks}`);
  }
}
