/**
 * A DeltaGenerator is where elements go: `st` itself (the active container), `st.sidebar`,
 * a container, a column, or an element's own slot. Element families add their methods
 * to it (see index.ts), so `col.button(...)` and `st.sidebar.button(...)` work like `st.button(...)`.
 */
import { currentContext, runInContext, type RunContext } from "../engine/context.ts";
import type { Target } from "../engine/run.ts";
import type { BlockKind, BlockProps, DeltaPath, LeafKind, LeafProps, TreeNode } from "../protocol.ts";
import { ROOT_MAIN } from "../protocol.ts";
import type { Container } from "../engine/tree.ts";
import type { ScriptRun } from "../engine/run.ts";

type Where =
  | { type: "active" }
  | { type: "root"; index: number }
  | { type: "container"; run: ScriptRun; container: Container }
  | { type: "slot"; run: ScriptRun; path: DeltaPath; parent: Container };

export class DeltaGeneratorBase {
  /** @internal */
  constructor(private readonly where: Where = { type: "active" }) {}

  /** Runs `fn` with this container as the place `st.*` writes to: Python's `with container:`. */
  with<T>(fn: () => T): T {
    const ctx = currentContext();
    return runInContext({ ...ctx, active: this._target(ctx) }, fn);
  }

  /** @internal Emits a leaf element; the returned generator replaces it when written to. */
  _leaf<K extends LeafKind>(kind: K, props: LeafProps[K]): DeltaGenerator {
    const ctx = currentContext(`st.${kind}`);
    const target = this._target(ctx);
    const { path } = ctx.run.emit(target, { kind, props } as TreeNode);
    return createDeltaGenerator({ type: "slot", run: ctx.run, path, parent: ctx.run.containerOf(target) });
  }

  /** @internal Emits a block; the returned generator appends inside it. */
  _block<K extends BlockKind>(kind: K, props: BlockProps[K]): DeltaGenerator {
    const ctx = currentContext(`st.${kind}`);
    const { container } = ctx.run.emit(this._target(ctx), { kind, props, block: true, children: [] } as TreeNode);
    return createDeltaGenerator({ type: "container", run: ctx.run, container: container! });
  }

  /** @internal The path of the element this generator is the slot of (`add_rows`). */
  _slotPath(ctx: RunContext): DeltaPath {
    const where = this.where;
    if (where.type !== "slot") throw new Error("add_rows() needs the element returned by a data element call.");
    this._target(ctx);
    return where.path;
  }

  /** @internal The run this generator writes into (widgets register there). */
  _context(what: string): RunContext {
    return currentContext(what);
  }

  /** @internal Where this generator writes in the current run. */
  _target(ctx: RunContext): Target {
    const where = this.where;
    switch (where.type) {
      case "active":
        return ctx.active;
      case "root":
        return { container: ctx.run.root(where.index) };
      case "container":
      case "slot":
        if (where.run !== ctx.run) {
          throw new Error(
            "This container belongs to an earlier script run. Containers, columns and placeholders " +
              "must be created anew in each run; don't keep them in session state.",
          );
        }
        return where.type === "container" ? { container: where.container } : { slot: where.path, parent: where.parent };
    }
  }
}

/** Every element family's methods, merged onto DeltaGeneratorBase in index.ts. */
export interface DeltaGeneratorMethods {}
export type DeltaGenerator = DeltaGeneratorBase & DeltaGeneratorMethods;

export function createDeltaGenerator(where: Where): DeltaGenerator {
  return new DeltaGeneratorBase(where) as DeltaGenerator;
}

export function mainDeltaGenerator(): DeltaGenerator {
  return createDeltaGenerator({ type: "active" });
}

export function rootDeltaGenerator(index: number = ROOT_MAIN): DeltaGenerator {
  return createDeltaGenerator({ type: "root", index });
}
