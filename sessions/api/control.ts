/** Flow control: st.rerun() and st.stop(). */
import { currentContext } from "../engine/context.ts";
import { ScriptControlSignal } from "../errors.ts";

/** Ends this run at once and starts a new one. */
export function rerun(): never {
  currentContext("st.rerun");
  throw new ScriptControlSignal("rerun");
}

/** Ends this run here; what it drew stays on the page. */
export function stop(): never {
  currentContext("st.stop");
  throw new ScriptControlSignal("stop");
}
