import { createHmac } from "node:crypto";
import st, { env } from "edgelit";

// This app's secrets live in the binding EDGELIT_SECRETS_SECRETS_DEMO (see .dev.vars.example):
//   greeting = "..."               root-level strings are also the app's environment
//   api_key = "..."
//   [db_credentials]
//   username = "..."
//   password = "..."

/** Stands in for a database client: it takes credentials and never shows them. */
function connect({ username, password }: { username: string; password: string }) {
  return { user_length: username.length, password_length: password.length };
}

export default function app() {
  st.title("Secrets");
  st.write("Secret keys of this app:", st.secrets.keys().join(", "));
  st.write("Has a `db_credentials` section:", "db_credentials" in st.secrets);

  // Sections spread into whatever takes them, as `**st.secrets.db_credentials` does in Python.
  const client = connect({ ...st.secrets.db_credentials });
  st.write(`Connected with a ${client.user_length}-character user name and a ${client.password_length}-character password.`);
  st.write("Attribute and key access agree:", st.secrets.db_credentials.username === st.secrets["db_credentials"]["username"]);

  // Root-level strings are the app's environment, as Streamlit sets os.environ.
  st.write("Environment names:", Object.keys(env).join(", "));
  st.write("Has the environment been set:", env.greeting === st.secrets.greeting);

  // A secret is used, never shown: sign a message with the API key.
  const message = st.text_input("Message to sign", { value: "hello" });
  const signature = createHmac("sha256", st.secrets.api_key as string).update(message).digest("hex");
  st.code(`HMAC-SHA256(api_key, ${JSON.stringify(message)}) = ${signature}`, { language: null });

  if (st.button("Read a secret that is not there")) {
    try {
      st.write(st.secrets.not_a_secret);
    } catch (error) {
      st.exception(error as Error);
    }
  }
  if (st.button("Fail with the key in the message")) {
    // An app's own error that quotes a secret: the page shows it masked.
    throw new Error(`Could not log in with ${st.secrets.api_key as string}`);
  }
}
