import st from "edgelit";

const load_rows = st.cache_data(function load_rows(n: number) {
  st.session_state.calls += 1;
  return Array.from({ length: n }, (_, i) => ({ row: i, tags: [] as string[] }));
});

export default async function app() {
  if (!("calls" in st.session_state)) {
    st.session_state.calls = 0;
  }

  if (st.button("Clear load_rows(2)")) {
    await load_rows.clear(2);
  }
  if (st.button("Clear load_rows")) {
    await load_rows.clear();
  }
  if (st.button("Clear st.cache_data")) {
    await st.cache_data.clear();
  }

  const rows = await load_rows(3);
  // The caller gets a copy: changing it leaves the cached value as it was.
  rows[0]!.tags.push("changed");
  st.write(rows);
  st.write(await load_rows(3));
  st.write(`${(await load_rows(2)).length} rows of another call`);
  st.write(`load_rows ran ${st.session_state.calls} times.`);
}
