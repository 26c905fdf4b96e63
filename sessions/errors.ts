/**
 * Typed errors of the engine. Script-facing errors know how to show themselves as an
 * `exception` element, the way Streamlit shows a red error box.
 */
import type { LeafProps } from "./protocol.ts";

/** Base of every error an app author can meet through the `st` API. */
export class StreamlitAPIException extends Error {
  override name = "StreamlitAPIException";
}

/** `st` was called while no script run is in progress (module scope, a stray timer, ...). */
export class NoSessionContext extends StreamlitAPIException {
  override name = "NoSessionContext";
  constructor(what = "st") {
    super(
      `\`${what}\` was called outside of a script run. Call st functions from inside your app's ` +
        `script (its default export) or from code the script calls.`,
    );
  }
}

/** Two widgets of the same kind and parameters without distinguishing keys. */
export class DuplicateWidgetID extends StreamlitAPIException {
  override name = "StreamlitDuplicateElementId";
  constructor(kind: string) {
    super(
      `There are multiple \`${kind}\` elements with the same auto-generated ID. When this element ` +
        `is created, it is assigned an internal ID based on the element type and provided ` +
        `parameters. Multiple elements with the same type and parameters will cause this error.\n\n` +
        `To fix this error, please pass a unique \`key\` argument to the \`${kind}\` element.`,
    );
  }
}

/** Two widgets share one user key. */
export class DuplicateWidgetKey extends StreamlitAPIException {
  override name = "StreamlitDuplicateElementKey";
  constructor(key: string) {
    super(
      `There are multiple elements with the same \`key='${key}'\`. To fix this, please make sure ` +
        `that the \`key\` argument is unique for each element you create.`,
    );
  }
}

/** Thrown inside a run to end it early: `st.rerun()`, `st.stop()` or a newer event. */
export class ScriptControlSignal extends Error {
  constructor(readonly signal: "rerun" | "stop") {
    super(signal === "rerun" ? "Script rerun requested" : "Script stop requested");
    this.name = "ScriptControlSignal";
  }
}

/** The name of the function the engine calls the script through: stack traces end there. */
export const SCRIPT_ENTRY = "edgelitScriptRun";

/** Turns anything a script threw into the props of an `exception` element. */
export function exceptionProps(error: unknown, isWarning = false): LeafProps["exception"] {
  if (error instanceof Error) {
    return { type: error.name || "Error", message: error.message, stack: userFrames(error.stack ?? ""), ...(isWarning ? { is_warning: true } : {}) };
  }
  return { type: typeof error === "string" ? "Error" : typeof error, message: String(error), stack: [] };
}

/** The frames of the app's own code: engine frames say nothing to an app author, nor do server paths. */
function userFrames(stack: string): string[] {
  const frames: string[] = [];
  for (const raw of stack.split("\n").slice(1)) {
    const line = raw.trim();
    if (line.includes(SCRIPT_ENTRY)) break;
    if (line.length === 0 || /sessions[\\/](engine|api)[\\/]\w+\.ts|node:internal|node_modules/.test(line)) continue;
    frames.push(line.replace(/\((?:[a-z]+:\/\/)?[^()]*[\\/]([^\\/()]+)\)$/, "($1)"));
  }
  return frames;
}
