import streamlit as st

if "size" not in st.session_state:
    st.session_state.size = 3

def double():
    st.session_state.size = st.session_state.size * 2

st.button("Double", on_click=double)
st.slider("Size", 1, 100, key="size")
st.write(f"size is {st.session_state.size}")
