/** Flow control: st.rerun(), st.stop() and st.sleep(). */
import { currentContext } from "../engine/context.ts";
import { ScriptControlSignal, StreamlitInvalidLayoutContextError } from "../errors.ts";

/**
 * Ends this run at once and starts a new one: of the whole app (default), or with
 * `{ scope: "fragment" }` of only the fragment that is rerunning.
 */
export function rerun(options: { scope?: "app" | "fragment" } = {}): never {
  const { run } = currentContext("st.rerun");
  if (options.scope === "fragment") {
    if (!run.fragment) {
      throw new StreamlitInvalidLayoutContextError(
        'scope="fragment" can only be specified from `@st.fragment`-decorated functions during fragment reruns.',
      );
    }
    throw new ScriptControlSignal("rerun", true);
  }
  throw new ScriptControlSignal("rerun");
}

/** Ends this run here; what it drew stays on the page. */
export function stop(): never {
  currentContext("st.stop");
  throw new ScriptControlSignal("stop");
}

/**
 * Waits `ms` milliseconds (Python's `time.sleep`, but awaited). What the script drew so far
 * reaches the browser meanwhile, and a stop or a newer rerun ends the run when it wakes.
 */
export async function sleep(ms: number): Promise<void> {
  const { run } = currentContext("st.sleep");
  run.checkpoint();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  run.checkpoint();
}
