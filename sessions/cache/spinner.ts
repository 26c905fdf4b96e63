/**
 * The spinner a cached function shows while a miss computes ("Running `fn(...)`."), as
 * Streamlit shows it: only after half a second, only for the outermost cached call, and as a
 * transient element that takes no place on the page. It borrows the next slot of the run's
 * main container and gives it back when the work ends, so a run that misses and a run that
 * hits produce the same page, and the diff sends nothing more than the spinner itself.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { ScriptRun } from "../engine/run.ts";
import type { Container } from "../engine/tree.ts";
import { isBlock, type DeltaPath, type TreeNode } from "../protocol.ts";

/** Streamlit's spinner delay: quick misses never flash a spinner. */
export const SPINNER_DELAY_MS = 500;

const insideCachedFunction = new AsyncLocalStorage<true>();

/** Runs a cached function's body; the cached calls it makes know they are nested. */
export function runCachedBody<T>(body: () => T): T {
  return insideCachedFunction.run(true, body);
}

/** Runs `work` (a cached function's body) with the spinner shown while it takes longer than the delay. */
export async function withCacheSpinner<T>(run: ScriptRun | null, message: string | null, work: () => Promise<T>): Promise<T> {
  if (!run || message === null || insideCachedFunction.getStore()) return runCachedBody(work);
  let shown: Shown | null = null;
  const timer = setTimeout(() => (shown = showSpinner(run, message)), SPINNER_DELAY_MS);
  try {
    return await runCachedBody(work);
  } finally {
    clearTimeout(timer);
    if (shown) hideSpinner(run, shown);
  }
}

interface Shown {
  container: Container;
  index: number;
  path: DeltaPath;
  node: TreeNode;
  previous: TreeNode | undefined;
}

function showSpinner(run: ScriptRun, text: string): Shown | null {
  if (run.isFinished) return null;
  const container = run.main;
  const index = container.nextIndex;
  const path = [...container.path, index];
  const previous = run.session.tree.nodeAt(path);
  // Borrowing a container's slot would drop its children; the run will redraw it soon anyway.
  if (previous && isBlock(previous)) return null;
  const node: TreeNode = { kind: "spinner", props: { text } };
  run.session.put(path, node);
  return { container, index, path, node: run.session.tree.nodeAt(path)!, previous };
}

function hideSpinner(run: ScriptRun, shown: Shown): void {
  // Once the run has written into the slot, or ended (which trims it), the spinner is gone already.
  if (run.isFinished || shown.container.nextIndex !== shown.index || run.session.tree.nodeAt(shown.path) !== shown.node) return;
  run.session.put(shown.path, shown.previous ?? { kind: "empty", props: {} });
}
