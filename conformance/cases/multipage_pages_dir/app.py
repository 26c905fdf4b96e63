import streamlit as st

st.title("Home")
st.slider("Volume", 0, 10, key="volume")
