import streamlit as st

with st.form("profile"):
    name = st.text_input("Name")
    age = st.slider("Age", 0, 100, 30)
    role = st.radio("Role", ["Author", "Reviewer"])
    submitted = st.form_submit_button("Save")

if submitted:
    st.success(f"Saved {name}, {age}, {role}")
st.write(f"Name: {name}")
st.write(f"Age: {age}")
