import st from "edgelit";

// Streamlit's messages say where secrets live (its secrets.toml paths; Edgelit's at.secrets or
// the app's binding): these errors compare by class only (see README).
export const pythonErrors = { KeyError: "KeyError", StreamlitSecretNotFoundError: "StreamlitSecretNotFoundError" };

// Stands in for a database client: it takes the credentials and never shows them.
function connect({ username, password }: { username: string; password: string }) {
  return `Connected as ${username} with a ${password.length}-character password.`;
}

export default function app() {
  st.write("Has a `db_credentials` section:", "db_credentials" in st.secrets);
  st.write("Has an `api_key`:", "api_key" in st.secrets);
  st.write("User (key access):", st.secrets["db_credentials"]["username"]);
  st.write("User (attribute access):", st.secrets.db_credentials.username);
  st.write(connect({ ...st.secrets.db_credentials }));
  for (const key of st.secrets.db_credentials) {
    st.write(`- \`${key}\``);
  }
  st.write("Secret keys:", st.secrets.keys().join(", "), `(${st.secrets.keys().length})`);
  st.write("API key:", st.secrets.get("api_key", "none yet"));

  if (st.button("Read a missing key")) {
    st.write(st.secrets["not_there"]);
  }
  if (st.button("Read a missing key of a section")) {
    st.write(st.secrets["db_credentials"]["port"]);
  }
}
