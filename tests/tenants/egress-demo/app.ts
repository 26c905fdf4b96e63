// A test tenant that calls a public HTTP API, as apps do (the suites answer it in place of the internet).
import st from "edgelit";

export default async function app() {
  const response = await fetch("https://api.example.com/greeting?from=egress-demo");
  st.write(`${response.status}: ${await response.text()}`);
}
