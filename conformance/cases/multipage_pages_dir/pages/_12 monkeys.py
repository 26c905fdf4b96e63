import streamlit as st

st.title("_12 monkeys")
st.slider("Volume", 0, 10, key="volume")
