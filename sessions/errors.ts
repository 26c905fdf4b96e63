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

/** Turns anything a script threw into the props of an `exception` element. */
export function exceptionProps(error: unknown, isWarning = false): LeafProps["exception"] {
  if (error instanceof Error) {
    const stack = (error.stack ?? "")
      .split("\n")
      .slice(1)
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !isEngineFrame(line));
    return { type: error.name || "Error", message: error.message, stack, ...(isWarning ? { is_warning: true } : {}) };
  }
  return { type: typeof error === "string" ? "Error" : typeof error, message: String(error), stack: [] };
}

/** Engine internals say nothing useful to an app author. */
function isEngineFrame(line: string): boolean {
  return /sessions[\\/](engine|api)[\\/]|node:internal|node_modules/.test(line);
}
