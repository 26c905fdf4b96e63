import streamlit as st

if "calls" not in st.session_state:
    st.session_state.calls = 0


@st.cache_data
def load_rows(n):
    st.session_state.calls += 1
    return [{"row": i, "tags": []} for i in range(n)]


if st.button("Clear load_rows(2)"):
    load_rows.clear(2)
if st.button("Clear load_rows"):
    load_rows.clear()
if st.button("Clear st.cache_data"):
    st.cache_data.clear()

rows = load_rows(3)
# The caller gets a copy: changing it leaves the cached value as it was.
rows[0]["tags"].append("changed")
st.write(rows)
st.write(load_rows(3))
st.write(f"{len(load_rows(2))} rows of another call")
st.write(f"load_rows ran {st.session_state.calls} times.")
