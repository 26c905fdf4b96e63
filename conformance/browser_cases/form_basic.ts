import st from "edgelit";

export default function app() {
  st.form("my_form").with(() => {
    st.write("Inside the form");
    const slider_val = st.slider("Form slider");
    const checkbox_val = st.checkbox("Form checkbox");

    // Every form must have a submit button.
    const submitted = st.form_submit_button("Submit");
    if (submitted) {
      st.write("slider", slider_val, "checkbox", checkbox_val);
    }
  });
  st.write("Outside the form");
}
