import streamlit as st
import time

# Adapted (see README): a short sleep instead of 5 s, a dict of lists instead of a DataFrame.
def expensive_process(option, add):
    with st.spinner('Processing...'):
        time.sleep(0.01)
    df = {col: [v + add for v in vals] for col, vals in {'A': [1, 2, 3], 'B': [4, 5, 6], 'C': [7, 8, 9]}.items()}
    return (df, add)

cols = st.columns(2)
option = cols[0].selectbox('Select a number', options=['1', '2', '3'])
add = cols[1].number_input('Add a number', min_value=0, max_value=10)

if 'processed' not in st.session_state:
    st.session_state.processed = {}

# Process and save results
if st.button('Process'):
    result = expensive_process(option, add)
    st.session_state.processed[option] = result
    st.write(f'Option {option} processed with add {add}')
    result[0]
