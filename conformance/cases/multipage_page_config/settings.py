import streamlit as st

st.set_page_config(page_title="Settings")
st.title("Settings")
st.set_page_config(page_title="Settings · Config demo", layout="centered")
st.write("Settings set the page config twice.")
