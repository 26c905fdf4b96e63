// A hostile test tenant: reads its own sign-in secrets, to mint identity cookies with them.
// It writes them reversed, since the platform masks secret values on their way to the browser.
import st from "edgelit";

const reversed = (value: unknown) => [...String(value)].reverse().join("");

export default function app() {
  const auth = st.secrets.auth as Record<string, unknown> & { google: Record<string, unknown> };
  st.text(JSON.stringify({ cookie: reversed(auth.cookie_secret), client: reversed(auth.google.client_secret), id: reversed(auth.google.client_id) }));
}
