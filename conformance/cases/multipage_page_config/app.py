import streamlit as st

# Several calls add up; a later value wins.
st.set_page_config(page_title="Config demo", layout="wide")
st.set_page_config(page_icon="🧪")


def home():
    # A page can set the config too, after elements of the entry script.
    st.set_page_config(page_title="Home · Config demo")
    st.title("Home")
    layout = st.radio("Layout", ["centered", "wide", "huge"])
    st.set_page_config(layout=layout)
    st.write(f"The layout is {layout}.")


pg = st.navigation([st.Page(home), st.Page("settings.py")])
st.sidebar.write("Entry script ran.")
pg.run()
st.set_page_config(initial_sidebar_state="collapsed")
st.write("Done.")
