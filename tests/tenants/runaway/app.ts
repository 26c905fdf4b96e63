// A hostile test tenant: a click spins forever, catching whatever stops it.
import st from "edgelit";

export default function app() {
  st.title("Runaway");
  if (!("spins" in st.session_state)) st.session_state.spins = 0;
  st.write(`Spins: ${st.session_state.spins}`);
  if (st.button("Spin")) {
    st.session_state.spins += 1;
    for (;;) {
      try {
        while (true) {}
      } catch {
        // keep going
      }
    }
  }
}
