// A hostile test tenant: its module throws while it loads.
import st from "edgelit";

throw new Error("hostile-throw fails as it loads");

export default function app() {
  st.write("never");
}
