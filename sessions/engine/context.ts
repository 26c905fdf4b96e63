/**
 * The current script run, found through AsyncLocalStorage so that helpers in other
 * modules and async tasks the script starts (`Promise.all`) reach the same session.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { NoSessionContext } from "../errors.ts";
import type { ScriptRun } from "./run.ts";
import type { Target } from "./run.ts";

export interface RunContext {
  readonly run: ScriptRun;
  /** The container `st.*` writes to: main, or the one entered with `.with()`. */
  readonly active: Target;
  /** The page whose code is running ("" for the entry script): widget ids depend on it, as in Streamlit. */
  readonly pageHash: string;
}

const storage = new AsyncLocalStorage<RunContext>();

export function currentContext(what?: string): RunContext {
  const ctx = storage.getStore();
  if (!ctx) throw new NoSessionContext(what);
  return ctx;
}

export function runInContext<T>(ctx: RunContext, fn: () => T): T {
  return storage.run(ctx, fn);
}
