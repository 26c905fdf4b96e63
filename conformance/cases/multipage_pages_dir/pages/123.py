import streamlit as st

st.title("123")
st.slider("Volume", 0, 10, key="volume")
