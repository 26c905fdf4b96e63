import st from "edgelit";

/** st.context, as in Streamlit's docs: read-only facts about the viewer's browser and this page. */
export default function app() {
  st.title("What your browser told this app");
  const { context } = st;
  st.write(`The current theme type is ${context.theme.type}.`);
  st.write(`Time zone ${context.timezone} (UTC offset ${context.timezone_offset} minutes), locale ${context.locale}.`);
  st.write(`You are at ${context.url}${context.is_embedded ? ", embedded in another page" : ""}.`);
  st.write(context.ip_address === null ? "No IP address: you are on this machine." : `Your IP address is ${context.ip_address}.`);
  if (context.locale?.startsWith("fr")) st.write("Bonjour !");

  st.subheader("Headers");
  st.caption("Sent when this session's connection opened. Header names are case-insensitive: `st.context.headers[\"user-agent\"]`.");
  st.json(context.headers, { expanded: false });
  st.subheader("Cookies");
  st.json(context.cookies);
}
