/**
 * st.fragment: a function whose output lives in its own block and reruns on its own when a
 * widget inside it changes (or every `run_every`), leaving the rest of the page alone.
 */
import { currentContext, runInContext } from "../engine/context.ts";
import { createFragment } from "../engine/fragments.ts";
import { pathKey } from "../protocol.ts";
import { exceptionProps, ScriptControlSignal, StreamlitAPIException } from "../errors.ts";

export interface FragmentOptions {
  /** Rerun the fragment every so often: milliseconds, or a string like "2s", "500ms", "1m". */
  run_every?: number | string | null;
}

/** Wraps `fn` as a fragment; call the result from the script like the function itself. */
export function fragment<A extends unknown[], R>(fn: (...args: A) => R, options: FragmentOptions = {}): (...args: A) => R {
  const runEvery = options.run_every == null ? undefined : toMilliseconds(options.run_every);
  return (...args: A): R => {
    const ctx = currentContext("st.fragment");
    // A fragment called from inside another fragment is part of it.
    if (ctx.run.containerOf(ctx.active).fragmentId !== undefined) return fn(...args);
    const id = `fragment-${pathKey(ctx.run.nextPath(ctx.active))}`;
    const { container } = ctx.run.emit(ctx.active, { kind: "fragment", props: { fragment_id: id }, block: true, children: [] });
    ctx.run.session.registerFragment(
      createFragment({ id, fn: fn as (...args: unknown[]) => unknown, args, path: container!.path, formId: container!.formId, runEvery, pageHash: ctx.pageHash }),
    );
    const inFragment = { ...ctx, active: { container: container! } };
    // Like Streamlit: an error in a fragment shows inside the fragment, and the run ends there.
    const show = (error: unknown): never => {
      if (error instanceof ScriptControlSignal || ctx.run.isFinished) throw error;
      ctx.run.emit({ container: container! }, { kind: "exception", props: exceptionProps(error) });
      throw new ScriptControlSignal("stop");
    };
    return runInContext(inFragment, () => {
      try {
        const result = fn(...args);
        return (result instanceof Promise ? result.catch(show) : result) as R;
      } catch (error) {
        return show(error) as R;
      }
    });
  };
}

function toMilliseconds(value: number | string): number {
  if (typeof value === "number") return check(value);
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
  if (!match) throw new StreamlitAPIException(`Invalid run_every "${value}": use milliseconds, or a string like "2s" or "500ms".`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? "s") as "ms" | "s" | "m" | "h"];
  return check(Number(match[1]) * unit);
}

function check(ms: number): number {
  if (!(ms >= 100)) throw new StreamlitAPIException(`run_every must be at least 100 ms, got ${ms}.`);
  return ms;
}
