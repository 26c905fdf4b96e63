import streamlit as st


# Stands in for a database client: it takes the credentials and never shows them.
def connect(username, password):
    return f"Connected as {username} with a {len(password)}-character password."


st.write("Has a `db_credentials` section:", "db_credentials" in st.secrets)
st.write("Has an `api_key`:", "api_key" in st.secrets)
st.write("User (key access):", st.secrets["db_credentials"]["username"])
st.write("User (attribute access):", st.secrets.db_credentials.username)
st.write(connect(**st.secrets.db_credentials))
for key in st.secrets.db_credentials:
    st.write(f"- `{key}`")
st.write("Secret keys:", ", ".join(st.secrets.keys()), f"({len(st.secrets.keys())})")
st.write("API key:", st.secrets.get("api_key", "none yet"))

if st.button("Read a missing key"):
    st.write(st.secrets["not_there"])
if st.button("Read a missing key of a section"):
    st.write(st.secrets["db_credentials"]["port"])
