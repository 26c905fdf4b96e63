import streamlit as st

# Adapted (see README): pasted CSV text instead of st.file_uploader, rows instead of a DataFrame.
file = st.text_area("Paste a CSV file")

if st.button('Get data'):
    df = [line.split(',') for line in file.splitlines()]
    # This display will go away with the user's next action.
    st.write(df)

if st.button('Save'):
    # This will always error.
    df.to_csv('data.csv')
