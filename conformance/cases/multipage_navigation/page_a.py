import streamlit as st

st.title("Page A")
st.text_input("Name", key="name")
st.write(f"The size set in the sidebar is {st.session_state.size}.")
