import streamlit as st

if "my_key" not in st.session_state:
    st.session_state.my_key = 1

def store_value(key):
    st.session_state[key] = st.session_state["_"+key]
def load_value(key):
    st.session_state["_"+key] = st.session_state[key]

# Stands in for switching to another page and back.
if st.checkbox("Show the page with the widget", value=True):
    load_value("my_key")
    st.number_input("Number of filters", key="_my_key", on_change=store_value, args=["my_key"], step=1)
st.write(f"my_key = {st.session_state.my_key}")
