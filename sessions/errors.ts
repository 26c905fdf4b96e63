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

/** A widget's key was set in session state after the widget was created in this run. */
export class StreamlitWidgetAlreadyInstantiatedError extends StreamlitAPIException {
  override name = "StreamlitWidgetAlreadyInstantiatedError";
  constructor(key: string) {
    super(`\`st.session_state.${key}\` cannot be modified after the widget with key \`${key}\` is instantiated.`);
  }
}

/** Buttons and form submit buttons take no value from session state. */
export class StreamlitValueAssignmentNotAllowedError extends StreamlitAPIException {
  override name = "StreamlitValueAssignmentNotAllowedError";
  constructor(key: string) {
    super(`Values for the widget with \`key\` '${key}' cannot be set using \`st.session_state\`.`);
  }
}

const FORMS_DOCS = "\n\nFor more information, refer to the\n[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).";

/** An element used where it cannot be: a button in a form, a submit button outside one. */
export class StreamlitInvalidLayoutContextError extends StreamlitAPIException {
  override name = "StreamlitInvalidLayoutContextError";
  static buttonInForm(): StreamlitInvalidLayoutContextError {
    return new StreamlitInvalidLayoutContextError(
      "`st.button()` can't be used in an `st.form()`. Use `st.form_submit_button()` instead to submit the form." + FORMS_DOCS,
    );
  }
  static submitOutsideForm(): StreamlitInvalidLayoutContextError {
    return new StreamlitInvalidLayoutContextError("`st.form_submit_button()` must be used inside an `st.form()`." + FORMS_DOCS);
  }
}

export class StreamlitInvalidFormCallbackError extends StreamlitAPIException {
  override name = "StreamlitInvalidFormCallbackError";
  constructor() {
    super(
      "Within a form, callbacks can only be defined on `st.form_submit_button`. " +
        "Defining callbacks on other widgets inside a form is not allowed.",
    );
  }
}

// Streamlit's errors about one parameter of an `st` call, with Streamlit's messages.

/** A parameter outside a known set of values. */
export class StreamlitValueError extends StreamlitAPIException {
  override name = "StreamlitValueError";
  constructor(parameter: string, validValues: readonly string[], detail?: string) {
    super(`Invalid \`${parameter}\` value. Supported values: ${validValues.join(", ")}.${detail ? ` ${detail}` : ""}`);
  }
}

/** A parameter outside a closed [min, max] interval. */
export class StreamlitValueOutOfRangeError extends StreamlitAPIException {
  override name = "StreamlitValueOutOfRangeError";
  constructor(parameter: string, value: unknown, min: unknown, max: unknown) {
    super(`The \`${parameter}\` parameter, set to ${String(value)}, is outside the required range [${String(min)}, ${String(max)}].`);
  }
}

/** A parameter of a type the call does not take. */
export class StreamlitInvalidParameterTypeError extends StreamlitAPIException {
  override name = "StreamlitInvalidParameterTypeError";
  constructor(parameter: string, providedType: string, expectedTypes: readonly string[], detail?: string) {
    super(
      `Invalid \`${parameter}\` type. Expected one of: ${expectedTypes.join(", ")}. Provided type: ${providedType}.${detail ? ` ${detail}` : ""}`,
    );
  }
}

export class StreamlitMissingRequiredParameterError extends StreamlitAPIException {
  override name = "StreamlitMissingRequiredParameterError";
  constructor(parameter: string, detail?: string) {
    super(`The \`${parameter}\` parameter is required.${detail ? ` ${detail}` : ""}`);
  }
}

export class StreamlitDefaultNotInOptionsError extends StreamlitAPIException {
  override name = "StreamlitDefaultNotInOptionsError";
  constructor(value: unknown) {
    super(`The default value '${String(value)}' is not part of the options. Please make sure that every default value also exists in the options.`);
  }
}

export class StreamlitValueBelowMinError extends StreamlitAPIException {
  override name = "StreamlitValueBelowMinError";
  constructor(value: unknown, min: unknown) {
    super(`The \`value\` ${String(value)} is less than the \`min_value\` ${String(min)}.`);
  }
}

export class StreamlitValueAboveMaxError extends StreamlitAPIException {
  override name = "StreamlitValueAboveMaxError";
  constructor(value: unknown, max: unknown) {
    super(`The \`value\` ${String(value)} is greater than the \`max_value\` ${String(max)}.`);
  }
}

export class StreamlitInvalidMinMaxError extends StreamlitAPIException {
  override name = "StreamlitInvalidMinMaxError";
  constructor(min: unknown, max: unknown) {
    super(
      min === max
        ? `The \`min_value\` and \`max_value\` parameters are both set to ${String(min)}. They must not be equal.`
        : `The \`min_value\`, set to ${String(min)}, cannot be greater than the \`max_value\`, set to ${String(max)}.`,
    );
  }
}

/** Thrown inside a run to end it early: `st.rerun()`, `st.stop()` or a newer event. */
export class ScriptControlSignal extends Error {
  constructor(
    readonly signal: "rerun" | "stop",
    /** A rerun of only the fragment the run belongs to (`st.rerun({ scope: "fragment" })`). */
    readonly fragmentOnly = false,
  ) {
    super(signal === "rerun" ? "Script rerun requested" : "Script stop requested");
    this.name = "ScriptControlSignal";
  }
}

/** The name of the function the engine calls the script through: stack traces end there. */
export const SCRIPT_ENTRY = "edgelitScriptRun";

/** Turns anything a script threw into the props of an `exception` element. */
export function exceptionProps(error: unknown, isWarning = false): LeafProps["exception"] {
  if (error instanceof Error) {
    return {
      type: error.name || "Error",
      message: error.message,
      stack: userFrames(error.stack ?? ""),
      ...(isWarning ? { is_warning: true } : {}),
      ...(error instanceof StreamlitAPIException ? { message_is_markdown: true } : {}),
    };
  }
  return { type: typeof error === "string" ? "Error" : typeof error, message: String(error), stack: [] };
}

/** `client.showErrorDetails`: how much of an uncaught exception the browser sees. */
export type ShowErrorDetails = "full" | "stacktrace" | "type" | "none";

/** Streamlit's text in place of a message the browser may not see (without its Streamlit Cloud hint). */
export const GENERIC_ERROR_MESSAGE =
  "This app has encountered an error. The original error message is redacted to prevent data leaks. " +
  "Full error details have been recorded in the logs.";

/**
 * An uncaught exception as `client.showErrorDetails` lets the browser see it: "stacktrace" keeps
 * the type and frames, "type" the type, "none" nothing but the generic message. As in Streamlit,
 * `st.exception` and `st.write(error)` always show everything.
 */
export function uncaughtExceptionProps(error: unknown, details: ShowErrorDetails = "full"): LeafProps["exception"] {
  const props = exceptionProps(error);
  if (details === "full") return props;
  return {
    type: details === "none" ? "" : props.type,
    message: GENERIC_ERROR_MESSAGE,
    // Only real frames: the lines of a multi-line message would leak it.
    stack: details === "stacktrace" ? props.stack.filter((line) => line.startsWith("at ")) : [],
  };
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
