import st from "edgelit";

export default function app() {
  st.title("Echo Bot");

  // Initialize chat history
  if (!("messages" in st.session_state)) {
    st.session_state.messages = [];
  }

  // Display chat messages from history on app rerun
  for (const message of st.session_state.messages) {
    st.chat_message(message["role"]).with(() => {
      st.markdown(message["content"]);
    });
  }

  // React to user input
  const prompt = st.chat_input("What is up?");
  if (prompt) {
    // Display user message in chat message container
    st.chat_message("user").markdown(prompt);
    // Add user message to chat history
    st.session_state.messages.push({ role: "user", content: prompt });

    const response = `Echo: ${prompt}`;
    // Display assistant response in chat message container
    st.chat_message("assistant").with(() => {
      st.markdown(response);
    });
    // Add assistant response to chat history
    st.session_state.messages.push({ role: "assistant", content: response });
  }
}
