import st from "edgelit";

export default function app() {
  if (!("submitted" in st.session_state)) {
    st.session_state.submitted = 0;
  }

  function count(step: number, { label }: { label: string }) {
    st.session_state.submitted += step;
    st.session_state.last = `${label}: ${st.session_state.chat}`;
  }

  st.sidebar.with(() => {
    const messages = st.container({ height: 200 });
    const prompt = st.chat_input("Say something", { key: "chat", on_submit: count, args: [1], kwargs: { label: "sent" } });
    if (prompt) {
      messages.chat_message("user").write(prompt);
      messages.chat_message("assistant").write(`Echo: ${prompt}`);
    }
  });

  st.container().with(() => {
    const reply = st.chat_input("Inline");
    st.write(`inline: ${reply ?? "None"}`);
  });

  st.write(`${st.session_state.submitted} submitted, last ${st.session_state.get("last") ?? "None"}`);
}
