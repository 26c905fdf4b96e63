import streamlit as st

st.title("123_hello_dear_world")
st.slider("Volume", 0, 10, key="volume")
