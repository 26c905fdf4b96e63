import streamlit as st

st.title("1 - first page")
st.slider("Volume", 0, 10, key="volume")
