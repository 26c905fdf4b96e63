// A test tenant whose click runs take a while: the Durable Object can be aborted in the middle.
import st from "edgelit";

export default async function app() {
  if (!("count" in st.session_state)) st.session_state["count"] = 0;
  const name = st.text_input("Name", { value: "nobody" });
  if (st.button("Count")) {
    st.session_state["count"] = Number(st.session_state["count"]) + 1;
    st.markdown("counting…");
    await st.sleep(1500);
  }
  st.session_state["greeting"] = `Hello ${name}`;
  st.markdown(`count: ${Number(st.session_state["count"])}; ${st.session_state["greeting"]}`);
}
