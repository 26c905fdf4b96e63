// A hostile test tenant: a click breaks a built-in the engine needs, in its own isolate, so the
// run's end fails and every later call into it too.
import st from "edgelit";

export default function app() {
  st.write("Working, for now.");
  st.button("Break", {
    on_click: () => {
      Array.prototype.push = () => {
        throw new Error("hostile-break broke Array.prototype.push");
      };
    },
  });
}
