import streamlit as st

if "app_runs" not in st.session_state:
    st.session_state.app_runs = 0
st.session_state.app_runs += 1

@st.fragment
def order():
    with st.form("order"):
        dish = st.text_input("Dish")
        count = st.slider("Count", 1, 5, 1)
        sent = st.form_submit_button("Order")
    if sent:
        st.write(f"Ordered {count} x {dish}")

order()
st.write(f"App ran {st.session_state.app_runs} times.")
st.button("Rerun app")
