// A hostile test tenant: breaks the engine in its own isolate (every JSON.stringify throws), so
// that no call into it succeeds. The platform must say so and go on serving everyone else.
import st from "edgelit";

JSON.stringify = () => {
  throw new Error("hostile-crash broke JSON.stringify");
};

export default function app() {
  st.write("unreachable: the engine cannot say anything");
}
