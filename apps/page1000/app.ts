import st from "edgelit";

function bump() {
  st.session_state.counter += 1;
}

export default function app() {
  if (!("counter" in st.session_state)) st.session_state.counter = 0;
  st.button("Bump", { on_click: bump });
  for (let i = 1; i <= 1000; i++) {
    st.write(i === 500 ? `Line 500: counter is ${st.session_state.counter}` : `Line ${i}: the quick brown fox jumps over the lazy dog`);
  }
}
