# The Python Streamlit original of apps/hello/app.ts, line by line, for bench/load (the load bench clicks "Count").
import streamlit as st

st.title("Hello, Edgelit :wave:")
st.markdown("Streamlit's API, on the edge. Text is **markdown**, with :red[colours] and emoji :rocket:.")

st.sidebar.header("Settings")
greeting = st.sidebar.selectbox("Greeting", ["Hello", "Hi", "Howdy"])

name = st.text_input("Your name", value="world", key="name")
st.write(f"{greeting}, **{name}**!")

left, right = st.columns(2)
n = left.slider("How many stars?", min_value=1, max_value=10, value=3)
right.write("⭐" * n)

if st.button("Celebrate"):
    st.success("🎉 Clicked!")

if "clicks" not in st.session_state:
    st.session_state.clicks = 0


def count():
    st.session_state.clicks += 1


st.button("Count", on_click=count)
st.caption(f"Counted {st.session_state.clicks} times in this session; reload the tab and it stays.")

shown = st.checkbox("Show details")
if shown:
    one, two = st.tabs(["Code", "Data"])
    one.code("st.write('hello')", language="python")
    two.json({"name": name, "stars": n})
st.expander("About").write("Each tab is its own session, kept in a Durable Object.")

if st.button("Raise an error"):
    raise Exception("Something went wrong, on purpose.")
