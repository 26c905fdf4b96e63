import streamlit as st

st.link_button("Go to gallery", "https://streamlit.io/gallery")

col1, col2, col3 = st.columns(3)
col1.metric("Temperature", "70 °F", "1.2 °F")
col2.metric("Wind", "9 mph", "-8%")
col3.metric("Humidity", "86%", "4%")
st.metric("Count", 42, 0.5)
st.metric("Nothing yet", None)

st.badge("New")
st.badge("Success", icon=":material/check:", color="green")
st.badge("Tag [beta]", color="orange")

with st.popover("Open popover"):
    st.markdown("Hello World 👋")
    name = st.text_input("What's your name?")

st.write("Your name:", name)
