import streamlit as st

if "submitted" not in st.session_state:
    st.session_state.submitted = 0

def count(step, *, label):
    st.session_state.submitted += step
    st.session_state.last = f"{label}: {st.session_state.chat}"

with st.sidebar:
    messages = st.container(height=200)
    if prompt := st.chat_input("Say something", key="chat", on_submit=count, args=[1], kwargs={"label": "sent"}):
        messages.chat_message("user").write(prompt)
        messages.chat_message("assistant").write(f"Echo: {prompt}")

with st.container():
    reply = st.chat_input("Inline")
    st.write(f"inline: {reply}")

st.write(f"{st.session_state.submitted} submitted, last {st.session_state.get('last')}")
