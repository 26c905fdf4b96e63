// A test tenant: shows its own secret and environment value of the key every tenant uses,
// reversed, since the platform masks every secret value on its way to the browser.
import st, { env } from "edgelit";

const reversed = (value: unknown) => [...String(value)].reverse().join("");

export default function app() {
  st.write(`${reversed(st.secrets.shared_key)} ${reversed(env.shared_key)}`);
}
