import datetime

import streamlit as st

color = st.color_picker("Pick A Color", "#00f900")
st.write("The current color is", color)

d = st.date_input("When's your birthday", datetime.date(2019, 7, 6))
st.write(f"Your birthday is: {d}")

vacation = st.date_input(
    "Select your vacation for next year",
    (datetime.date(2025, 1, 1), datetime.date(2025, 1, 7)),
    datetime.date(2025, 1, 1),
    datetime.date(2025, 12, 31),
    format="MM.DD.YYYY",
)
st.write(f"{len(vacation)} dates chosen")

empty = st.date_input("Pick a date", value=None)
st.write(f"Picked: {empty}")

t = st.time_input("Set an alarm for", datetime.time(8, 45))
st.write(f"Alarm is set for {t:%H:%M}")

precise = st.time_input("Precise time", datetime.time(12, 0, 30), step=30)
st.write(f"Precise: {precise}")
