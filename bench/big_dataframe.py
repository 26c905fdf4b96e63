# The Python Streamlit original of apps/big-dataframe/app.ts, for bench/dataframe_side_by_side.ts.
import numpy as np
import pandas as pd
import streamlit as st


@st.cache_resource
def make_table(rows, cols):
    r = np.arange(rows, dtype="float64")
    data = {("row" if c == 0 else f"value {c}"): (r if c == 0 else np.round(np.sin(r * (c + 1)) * 100_000) / 100) for c in range(cols)}
    return pd.DataFrame(data)


rows = min(2_000_000, max(1, int(st.query_params.get("rows", 1_000_000))))
cols = min(20, max(1, int(st.query_params.get("cols", 10))))
st.title(f"{rows:,} rows × {cols} columns")
st.button("Rerun")
st.dataframe(make_table(rows, cols), use_container_width=True)
