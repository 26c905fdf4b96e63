import streamlit as st

options = ["North", "East", "South", "West"]
selection = st.pills("Directions", options, selection_mode="multi")
st.markdown(f"Your selected options: {', '.join(selection)}.")

mode = st.segmented_control("Mode", ["Walk", "Bike", "Drive"], default="Bike")
st.markdown(f"Travelling by: {mode}.")

size = st.pills("Size", ["S", "M", "L"])
st.markdown(f"Size: {size}")

sentiment_mapping = ["one", "two", "three", "four", "five"]
selected = st.feedback("stars")
if selected is not None:
    st.markdown(f"You selected {sentiment_mapping[selected]} star(s).")

thumbs = st.feedback("thumbs")
if thumbs is not None:
    st.markdown(f"Thumbs: {thumbs}")

option_map = {
    0: ":material/add:",
    1: ":material/zoom_in:",
    2: ":material/zoom_out:",
    3: ":material/zoom_out_map:",
}
tool = st.segmented_control(
    "Tool",
    options=option_map.keys(),
    format_func=lambda option: option_map[option],
    selection_mode="single",
)
st.write(
    "Your selected option: "
    f"{None if tool is None else option_map[tool]}"
)
