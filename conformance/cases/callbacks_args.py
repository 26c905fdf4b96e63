import datetime

import streamlit as st

if "log" not in st.session_state:
    st.session_state.log = []

def changed(key, *, label):
    # Inside the callback, session state already holds the widget's new value.
    st.session_state.log.append(f"{label}={st.session_state[key]}")
    st.write(f"callback: {label} is now {st.session_state[key]}")

def tags_changed(prefix, *, sep):
    st.session_state.log.append(prefix + sep.join(st.session_state.tags))

def agreed():
    st.session_state.log.append("agree=" + ("yes" if st.session_state.agree else "no"))

def timed(*, fmt):
    st.session_state.log.append("at=" + st.session_state.at.strftime(fmt))

def reset(to):
    st.session_state.volume = to
    st.session_state.log.append(f"reset to {to}")

st.write("script starts")
st.slider("Volume", 0, 10, 5, key="volume", on_change=changed, args=["volume"], kwargs={"label": "volume"})
st.select_slider("Speed", ["slow", "fast"], key="speed", on_change=changed, args=("speed",), kwargs={"label": "speed"})
st.pills("Tags", ["a", "b", "c"], key="tags", selection_mode="multi", on_change=tags_changed, args=["tags="], kwargs={"sep": "+"})
st.date_input("Day", datetime.date(2024, 1, 1), key="day", on_change=changed, args=["day"], kwargs={"label": "day"})
st.time_input("At", datetime.time(9, 30), key="at", on_change=timed, kwargs={"fmt": "%H:%M"})
st.checkbox("Agree", key="agree", on_change=agreed)
st.text_input("Name", key="name", on_change=changed, args=["name"], kwargs={"label": "name"})
st.button("Reset volume", on_click=reset, args=[0])
st.write(" | ".join(st.session_state.log))
