# The Python Streamlit original of apps/page1000/app.ts, line by line, for bench/side_by_side.ts.
import streamlit as st


def bump():
    st.session_state.counter += 1


if "counter" not in st.session_state:
    st.session_state.counter = 0
st.button("Bump", on_click=bump)
for i in range(1, 1001):
    st.write(f"Line 500: counter is {st.session_state.counter}" if i == 500 else f"Line {i}: the quick brown fox jumps over the lazy dog")
