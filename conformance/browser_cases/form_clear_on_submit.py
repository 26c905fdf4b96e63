import streamlit as st

with st.form("entry", clear_on_submit=True):
    item = st.text_input("Item", key="item")
    quantity = st.slider("Quantity", 1, 10, 1, key="quantity")
    submitted = st.form_submit_button("Add")

if submitted:
    st.write(f"Added {quantity} x {item}")
st.write(f"In session state: {st.session_state.item} / {st.session_state.quantity}")
st.button("Rerun")
