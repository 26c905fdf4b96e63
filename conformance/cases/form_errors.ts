import st from "edgelit";

export default function app() {
  let name = "";
  st.form("no_submit").with(() => {
    st.write("This form has no submit button.");
    name = st.text_input("Name");
  });

  st.write(`Name outside: ${name}`);

  const mistake = st.radio("Mistake", ["none", "button", "nested form", "callback", "chat input", "same key", "form key as widget key", "form key in session state"]);

  if (mistake === "button") {
    st.form("with_button").with(() => {
      st.slider("Value");
      st.button("Not allowed");
      st.form_submit_button("Submit");
    });
  } else if (mistake === "nested form") {
    st.form("outer").with(() => {
      st.form("inner").with(() => {
        st.write("inner");
      });
    });
  } else if (mistake === "callback") {
    st.form("with_callback").with(() => {
      st.checkbox("Tick", { on_change: () => null });
      st.form_submit_button("Submit");
    });
  } else if (mistake === "chat input") {
    st.form("with_chat").with(() => {
      st.chat_input("Say");
    });
  } else if (mistake === "same key") {
    st.form("twice").with(() => {
      st.form_submit_button("One");
    });
    st.form("twice").with(() => {
      st.form_submit_button("Two");
    });
  } else if (mistake === "form key as widget key") {
    let submitted = false;
    st.form("shared").with(() => {
      st.text_input("Inside", { key: "inside" });
      submitted = st.form_submit_button("Send");
    });
    st.text_input("Outside", { key: "shared" });
    st.write(`submitted: ${submitted ? "yes" : "no"}, inside: ${st.session_state.inside}`);
  } else if (mistake === "form key in session state") {
    // Fails on the run that sets the key, not on later ones.
    if (!("taken" in st.session_state)) {
      st.session_state.taken = 1;
    }
    st.form("taken").with(() => {
      st.form_submit_button("Go");
    });
  }

  st.write("shown unless the script failed");
}
