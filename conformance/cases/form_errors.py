import streamlit as st

with st.form("no_submit"):
    st.write("This form has no submit button.")
    name = st.text_input("Name")

st.write(f"Name outside: {name}")

mistake = st.radio("Mistake", ["none", "button", "nested form", "callback", "chat input", "same key", "form key as widget key", "form key in session state"])

if mistake == "button":
    with st.form("with_button"):
        st.slider("Value")
        st.button("Not allowed")
        st.form_submit_button("Submit")
elif mistake == "nested form":
    with st.form("outer"):
        with st.form("inner"):
            st.write("inner")
elif mistake == "callback":
    with st.form("with_callback"):
        st.checkbox("Tick", on_change=lambda: None)
        st.form_submit_button("Submit")
elif mistake == "chat input":
    with st.form("with_chat"):
        st.chat_input("Say")
elif mistake == "same key":
    with st.form("twice"):
        st.form_submit_button("One")
    with st.form("twice"):
        st.form_submit_button("Two")
elif mistake == "form key as widget key":
    with st.form("shared"):
        st.text_input("Inside", key="inside")
        submitted = st.form_submit_button("Send")
    st.text_input("Outside", key="shared")
    st.write(f"submitted: {'yes' if submitted else 'no'}, inside: {st.session_state.inside}")
elif mistake == "form key in session state":
    # Fails on the run that sets the key, not on later ones.
    if "taken" not in st.session_state:
        st.session_state.taken = 1
    with st.form("taken"):
        st.form_submit_button("Go")

st.write("shown unless the script failed")
