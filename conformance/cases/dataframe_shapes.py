import datetime
import streamlit as st
import pandas as pd

st.dataframe(pd.DataFrame({"a": [1, 2, 3], "b": [0.5, None, 2.25], "c": ["x", "y", None]}))
st.dataframe(pd.DataFrame([[1, 2, 3], [4, 5, 6]]))
st.dataframe(pd.DataFrame({"when": [datetime.datetime(2024, 1, 2, 3, 4, 5), datetime.datetime(2025, 6, 7, 8, 9, 10)]}))
st.dataframe(pd.DataFrame({"score": [90, 85]}, index=["alice", "bob"]))
st.table(pd.DataFrame({"flag": [True, False], "n": [10, 20]}))
st.dataframe(pd.DataFrame([{"a": 1}, {"a": 2, "b": "new"}]))
