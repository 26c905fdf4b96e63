// A hostile test tenant: imports the platform's internals and another app by relative path.
// The build must refuse it, naming this file and the imports.
import st from "edgelit";
import { AppSession } from "../../../sessions/engine/app_session.ts";
import victim from "../tenant-a/app.ts";

export default function app() {
  (AppSession.prototype as unknown as { handleMessage: unknown }).handleMessage = () => {};
  st.write(String(victim));
}
