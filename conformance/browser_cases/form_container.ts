import st from "edgelit";

export default function app() {
  const animal = st.form("my_animal");

  // This is writing directly to the main body. Since the form container is
  // defined above, this will appear below everything written in the form.
  const sound = st.selectbox("Sounds like", ["meow", "woof", "squeak", "tweet"]);

  // These methods called on the form container, so they appear inside the form.
  const submit = animal.form_submit_button(`Say it with ${sound}!`);
  const sentence: string = animal.text_input("Your sentence:", { value: "Where's the tuna?" });
  const say_it = sentence.replace(/[.,!?]+$/, "") + `, ${sound}!`;
  if (submit) {
    animal.subheader(say_it);
  } else {
    animal.subheader("&nbsp;");
  }
}
