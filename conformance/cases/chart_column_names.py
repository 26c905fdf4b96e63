import streamlit as st
import pandas as pd

# Column names Vega-Lite would read as paths ("a.b" is b inside a): Streamlit renames them
# and shows the user's names in titles, tooltips and legends.
df = pd.DataFrame(
    {
        "t.x": [1, 2, 3],
        "a.b": [3, 4, 2],
        "c[0]": [5, 6, 1],
        "k.k": ["p", "q", "p"],
        "d\\e": [0.5, 1.5, 2.5],
    }
)
st.line_chart(df, x="t.x", y=["a.b", "c[0]"])
st.scatter_chart(df, x="t.x", y="a.b", size="c[0]", color="k.k")
st.bar_chart(df, x="k.k", y="a.b", sort="-a.b")
st.area_chart(df, x="t.x", y="d\\e", x_label="T", stack=True)
st.bar_chart(df, x="k.k", y=["a.b", "c[0]"], color=["#FF0000", "#0000FF"], horizontal=True)

# Numbers as column names are text to Vega-Lite.
st.line_chart(pd.DataFrame({"1": [1, 2], "2": [3, 4]}))
