import streamlit as st
import pandas as pd

# The docs' example with fixed data in place of np.random.
chart_data = pd.DataFrame(
    {
        "a": [(i * 7 % 11) / 4 - 1 for i in range(20)],
        "b": [(i * 5 % 13) / 3 for i in range(20)],
        "c": [i % 4 + 0.5 for i in range(20)],
    }
)

st.vega_lite_chart(
    chart_data,
    {
        "mark": {"type": "circle", "tooltip": True},
        "encoding": {
            "x": {"field": "a", "type": "quantitative"},
            "y": {"field": "b", "type": "quantitative"},
            "size": {"field": "c", "type": "quantitative"},
            "color": {"field": "c", "type": "quantitative"},
        },
    },
)

# Ours: the data inside the spec, a mark given as a string.
st.vega_lite_chart(
    {
        "data": {"values": [{"x": "A", "y": 3}, {"x": "B", "y": 5}]},
        "mark": "bar",
        "encoding": {"x": {"field": "x", "type": "nominal"}, "y": {"field": "y", "type": "quantitative", "title": "Count"}},
    }
)
