import streamlit as st
import time

# st.empty holds one element: each write replaces the last one.
with st.empty():
    for seconds in range(3):
        st.write(f"⏳ {seconds} seconds have passed")
        time.sleep(0.01)
    st.write("✔️ 3 seconds over!")

placeholder = st.empty()
placeholder.text("Hello")

# To update a set of elements, put a container inside st.empty.
with placeholder.container():
    st.write("This is one element")
    st.write("This is another")

if st.button("Clear"):
    # Clear all those elements:
    placeholder.empty()
