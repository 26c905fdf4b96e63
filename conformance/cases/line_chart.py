import datetime
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
st.line_chart(chart_data)

chart_data = pd.DataFrame(
    {
        "col1": [(i * 3 % 7) / 2 for i in range(20)],
        "col2": [(i * 11 % 17) / 5 - 1 for i in range(20)],
        "col3": [["A", "B", "C"][i % 3] for i in range(20)],
    }
)
st.line_chart(chart_data, x="col1", y="col2", color="col3")

chart_data = pd.DataFrame(
    {
        "col1": [i for i in range(20)],
        "col2": [(i * 11 % 17) / 5 - 1 for i in range(20)],
        "col3": [(i * 13 % 19) / 4 for i in range(20)],
    }
)
st.line_chart(chart_data, x="col1", y=["col2", "col3"], color=["#FF0000", "#0000FF"])

# Ours: dates along x, and axis labels.
dates = pd.DataFrame(
    {
        "day": [datetime.datetime(2024, 1, 1) + datetime.timedelta(days=i) for i in range(5)],
        "sales": [3, 5, 2, 8, 6],
    }
)
st.line_chart(dates, x="day", y="sales", x_label="Day", y_label="Sales")
