import streamlit as st
import pandas as pd

# The docs' examples with fixed data in place of np.random.
chart_data = pd.DataFrame(
    {
        "a": [(i * 7 % 11) / 4 for i in range(20)],
        "b": [(i * 5 % 13) / 3 for i in range(20)],
        "c": [i % 4 + 0.5 for i in range(20)],
    }
)
st.area_chart(chart_data)

chart_data = pd.DataFrame(
    {
        "col1": [i for i in range(20)],
        "col2": [(i * 11 % 17) / 5 for i in range(20)],
        "col3": [["A", "B", "C"][i % 3] for i in range(20)],
    }
)
st.area_chart(chart_data, x="col1", y="col2", color="col3")

chart_data = pd.DataFrame(
    {
        "col1": [i for i in range(20)],
        "col2": [(i * 11 % 17) / 5 for i in range(20)],
        "col3": [(i * 13 % 19) / 4 for i in range(20)],
    }
)
st.area_chart(chart_data, x="col1", y=["col2", "col3"], color=["#FF000080", "#0000FF80"])

# The stacking example, with a small table in place of vega_datasets' unemployment data.
jobs = pd.DataFrame(
    {
        "year": [2000, 2000, 2001, 2001, 2002, 2002],
        "jobs": [10, 4, 12, 5, 9, 7],
        "job": ["Farm", "Trade", "Farm", "Trade", "Farm", "Trade"],
    }
)
st.area_chart(jobs, x="year", y="jobs", color="job", stack="center")

# Ours: stacked, normalized, and overlapping areas.
st.area_chart(chart_data, stack=True)
st.area_chart(chart_data, x="col1", stack="normalize")
st.area_chart(chart_data, x="col1", stack=False)
