/**
 * `st.fragment`s of the last full run: what a fragment's own rerun needs (its function,
 * arguments and block), and the timers of fragments that rerun every so often.
 */
import type { DeltaPath } from "../protocol.ts";
import { Container } from "./tree.ts";

export interface Fragment {
  id: string;
  fn: (...args: any[]) => unknown;
  args: unknown[];
  /** The fragment's block. */
  path: DeltaPath;
  formId?: string | undefined;
  /** Milliseconds between automatic reruns, if any. */
  runEvery?: number | undefined;
  /** The page the fragment belongs to. */
  pageHash: string;
  /** A fresh container for a rerun that fills the fragment's block from the top. */
  container(): Container;
}

export function createFragment(fields: Omit<Fragment, "container">): Fragment {
  return {
    ...fields,
    container: () => new Container(fields.path, "fragment", fields.formId, fields.id),
  };
}

/** A rerun of the whole script, or of one fragment. */
export type RerunScope = "app" | { fragment: string };

export function mergeScopes(a: RerunScope | null, b: RerunScope): RerunScope {
  if (a === null) return b;
  if (a === "app" || b === "app") return "app";
  return a.fragment === b.fragment ? a : "app";
}

export class FragmentTimers {
  private readonly timers: ReturnType<typeof setInterval>[] = [];

  /** Replaces every timer with one per fragment that has `runEvery`. */
  reset(fragments: Iterable<Fragment>, rerun: (scope: RerunScope) => void): void {
    this.stop();
    for (const fragment of fragments) {
      if (!fragment.runEvery) continue;
      const timer = setInterval(() => rerun({ fragment: fragment.id }), fragment.runEvery);
      // Under Node (AppTest), a fragment's timer must not keep the process alive.
      (timer as { unref?: () => void }).unref?.();
      this.timers.push(timer);
    }
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }
}
