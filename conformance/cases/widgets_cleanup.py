import streamlit as st

if st.checkbox("Show the widget", value=True):
    st.text_input("Name", key="name")
st.write("name" in st.session_state)
st.session_state.kept = "a key of no widget"
st.write(st.session_state.kept)
