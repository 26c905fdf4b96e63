import streamlit as st

st.title("Page B")
st.checkbox("Tick")
