// "Using multiple OIDC providers" from Streamlit's user-authentication docs, line by line.
// Locally, `npm start` runs both providers on loopback (see .dev.vars.example); any user name signs in.
import st from "edgelit";

export default function app() {
  if (!st.user.is_logged_in) {
    if (st.button("Log in with Google")) {
      st.login("google");
    }
    if (st.button("Log in with Microsoft")) {
      st.login("microsoft");
    }
    st.stop();
  }

  if (st.button("Log out")) {
    st.logout();
  }
  st.markdown(`Welcome! ${st.user.name}`);
}
