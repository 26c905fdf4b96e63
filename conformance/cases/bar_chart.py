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
st.bar_chart(chart_data)

chart_data = pd.DataFrame(
    {
        "col1": [i for i in range(20)],
        "col2": [(i * 11 % 17) / 5 for i in range(20)],
        "col3": [["A", "B", "C"][i % 3] for i in range(20)],
    }
)
st.bar_chart(chart_data, x="col1", y="col2", color="col3")

chart_data = pd.DataFrame(
    {
        "col1": [["A", "B", "C"][i % 3] for i in range(20)],
        "col2": [(i * 11 % 17) / 5 for i in range(20)],
        "col3": [(i * 13 % 19) / 4 for i in range(20)],
    }
)
st.bar_chart(chart_data, x="col1", y=["col2", "col3"], color=["#FF0000", "#0000FF"])

# The horizontal and unstacked examples, with a small table in place of vega_datasets' barley data.
barley = pd.DataFrame(
    {
        "variety": ["Manchuria", "Manchuria", "Glabron", "Glabron", "Peatland", "Peatland"],
        "site": ["Morris", "Crookston", "Morris", "Crookston", "Morris", "Crookston"],
        "yield": [27, 48.9, 43.1, 55.2, 30, 36.5],
    }
)
st.bar_chart(barley, x="variety", y="yield", color="site", horizontal=True)
st.bar_chart(barley, x="variety", y="yield", color="site", stack=False)

# Ours: normalized, side by side horizontal bars, axis labels, sorted bars.
st.bar_chart(chart_data, x="col1", stack="normalize")
st.bar_chart(chart_data, x="col1", horizontal=True, stack=False)
st.bar_chart(barley, x="variety", y="yield", x_label="Variety", y_label="Yield", horizontal=True)
st.bar_chart(barley, x="variety", y="yield", x_label="Variety", y_label="Yield")
st.bar_chart(barley, x="site", y="yield", sort="-yield")
st.bar_chart(barley, x="site", y="yield", sort=False)
