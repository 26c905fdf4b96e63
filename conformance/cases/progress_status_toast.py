import time

import streamlit as st

progress_text = "Operation in progress. Please wait."
my_bar = st.progress(0, text=progress_text)

for percent_complete in range(10):
    time.sleep(0.001)
    my_bar.progress(percent_complete * 10 + 10, text=progress_text)
time.sleep(0.001)
my_bar.empty()

fraction = st.progress(0.25, text="A quarter")
fraction.progress(0.75)
st.progress(0)
st.progress(100, text="Full")

with st.status("Downloading data...", expanded=True) as status:
    st.write("Searching for data...")
    time.sleep(0.001)
    st.write("Found URL.")
    time.sleep(0.001)
    st.write("Downloading data...")
    time.sleep(0.001)
    status.update(
        label="Download complete!", state="complete", expanded=False
    )

with st.status("Checking...") as check:
    st.write("Something went wrong.")
    check.update(state="error")

placeholder = st.empty()
placeholder.progress(50, text="Half")

def cook_breakfast():
    msg = st.toast("Gathering ingredients...")
    time.sleep(0.001)
    msg.toast("Cooking...")
    time.sleep(0.001)
    msg.toast("Ready!", icon="🥞")

if st.button("Cook breakfast"):
    cook_breakfast()
    placeholder.write("Breakfast is served")

st.toast("Welcome")
st.button("Rerun")
