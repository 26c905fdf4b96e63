import streamlit as st
import pandas as pd

# The docs' examples with fixed data in place of np.random.
chart_data = pd.DataFrame(
    {
        "a": [(i * 7 % 11) / 4 - 1 for i in range(20)],
        "b": [(i * 5 % 13) / 3 for i in range(20)],
        "c": [i % 4 + 0.5 for i in range(20)],
    }
)
st.scatter_chart(chart_data)

chart_data = pd.DataFrame(
    {
        "col1": [(i * 3 % 7) / 2 for i in range(20)],
        "col2": [(i * 11 % 17) / 5 - 1 for i in range(20)],
        "col3": [(i * 13 % 19) / 4 for i in range(20)],
        "col4": [["A", "B", "C"][i % 3] for i in range(20)],
    }
)
st.scatter_chart(chart_data, x="col1", y="col2", color="col4", size="col3")

chart_data = pd.DataFrame(
    {
        "col1": [(i * 3 % 7) / 2 for i in range(20)],
        "col2": [(i * 11 % 17) / 5 - 1 for i in range(20)],
        "col3": [(i * 13 % 19) / 4 for i in range(20)],
        "col4": [i * 10 % 70 for i in range(20)],
    }
)
st.scatter_chart(chart_data, x="col1", y=["col2", "col3"], size="col4", color=["#FF0000", "#0000FF"])

# Ours: one size and one colour for every point.
st.scatter_chart(chart_data, x="col1", y="col2", size=20, color="#ffaa00")
