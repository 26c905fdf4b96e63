import streamlit as st


def home():
    st.title("Home")
    st.text_input("Name", key="name")
    st.write(f"Hello, {st.session_state.name or 'stranger'}.")


def about():
    st.title("About")
    # Same key as on the home page: a different widget, since the page is part of its identity.
    st.text_input("Name", key="name")


pages = [
    st.Page(home),
    st.Page(about, title="About us"),
    st.Page("page_a.py"),
    st.Page("page_b.py", title="Page B", url_path="bee"),
]
pg = st.navigation(pages)

# Widgets of the entry script are on every page: they keep their state.
st.sidebar.slider("Size", 1, 5, key="size")
st.sidebar.write([[p.title, p.url_path] for p in pages])
st.sidebar.write(f"Running {pg.title} at /{pg.url_path}")
if st.sidebar.button("About us"):
    st.switch_page(pages[1])

pg.run()
