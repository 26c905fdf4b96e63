import { batch } from "solid-js";
import { rememberMarkdownOf } from "./markdown.ts";
import { createStore, produce, reconcile } from "solid-js/store";
import {
  isBlock,
  pathKey,
  ROOT_COUNT,
  type BlockNode,
  type DeltaOp,
  type DeltaPath,
  type ServerFrame,
  type TreeNode,
  type WireTable,
} from "../sessions/protocol.ts";

export interface TreeState {
  /** One block per root: index 0 is the main area, 1 the sidebar. */
  roots: BlockNode[];
  running: boolean;
  /** Whether the first snapshot has arrived. */
  synced: boolean;
  /** Children of each block (by path key) the current run has reached; absent means 0. */
  reached: Record<string, number>;
  /** The block a fragment's run reruns: only what is inside it can be stale. Null for a full run. */
  scope: number[] | null;
}

export interface TreeStore {
  state: TreeState;
  /** Applies one server frame; `error` frames go to `onError`. */
  apply(frame: ServerFrame): void;
  /** Whether child `index` of the block at `blockPath` is left over from the previous run. */
  isStale(blockPath: DeltaPath, index: number): boolean;
}

export function createTreeStore(onError: (frame: Extract<ServerFrame, { t: "error" }>) => void): TreeStore {
  const [state, setState] = createStore<TreeState>({
    roots: emptyRoots(),
    running: false,
    synced: false,
    reached: {},
    scope: null,
  });
  // Solid's typed setter overloads stop at fixed path lengths; delta paths are arbitrary.
  const setAtPath = setState as unknown as (...keysThenValue: unknown[]) => void;

  function setNode(path: DeltaPath, node: TreeNode): void {
    const index = path[path.length - 1];
    if (!isValidPath(path) || index === undefined) {
      console.warn("edgelit: ignoring a set on an invalid path", path);
      return;
    }
    if (path.length === 1) {
      if (index < ROOT_COUNT && isBlock(node)) setState("roots", index, reconciled(node));
      else console.warn("edgelit: ignoring a set on an invalid root path", path);
      return;
    }
    const parentPath = path.slice(0, -1);
    const parent = blockAt(state.roots, parentPath);
    if (!parent) {
      console.warn("edgelit: ignoring a set whose parent block does not exist", path);
      return;
    }
    if (index > parent.children.length) {
      setState(produce((draft) => fillGap(blockAt(draft.roots, parentPath)!, index)));
    }
    setAtPath(...storeKeys(path), reconciled(node));
    markReached(path);
  }

  /** A run that sets an element has reached it and everything before it, in every ancestor. */
  function markReached(path: DeltaPath): void {
    for (let depth = 1; depth < path.length; depth++) {
      const key = pathKey(path.slice(0, depth));
      const count = (path[depth] ?? 0) + 1;
      if (count > (state.reached[key] ?? 0)) setState("reached", key, count);
    }
  }

  /** New props for a block whose children stay. */
  function setBlockProps(path: DeltaPath, props: BlockNode["props"]): void {
    if (!isValidPath(path) || !blockAt(state.roots, path)) {
      console.warn("edgelit: ignoring props for a block that does not exist", path);
      return;
    }
    setState(produce((draft) => void (blockAt(draft.roots, path)!.props = props)));
    markReached(path);
  }

  function trim(path: DeltaPath, count: number): void {
    if (!isValidPath(path) || !blockAt(state.roots, path) || !Number.isInteger(count) || count < 0) {
      console.warn("edgelit: ignoring an invalid trim", path, count);
      return;
    }
    setState(produce((draft) => void blockAt(draft.roots, path)!.children.splice(count)));
  }

  /** `.add_rows()`: the element's table gains rows; a large table's rows stay in the session. */
  function addRows(path: DeltaPath, added: WireTable): void {
    const node = isValidPath(path) ? nodeAt(state.roots, path) : undefined;
    const table = node && !isBlock(node) ? (node.props as { table?: WireTable }).table : undefined;
    if (!table || !Array.isArray(added?.data)) {
      console.warn("edgelit: ignoring add_rows for an element without a table", path);
      return;
    }
    setState(
      produce((draft) => {
        const target = (nodeAt(draft.roots, path)!.props as { table: WireTable }).table;
        if (!target.lazy) {
          const before = target.data[0]?.length ?? 0;
          target.data = added.columns.map((column, c) => {
            const old = target.columns.findIndex((existing) => existing.name === column.name);
            const kept = old >= 0 ? target.data[old]! : new Array(before).fill(null);
            return [...kept, ...(added.data[c] ?? [])];
          });
          if (added.index_data) target.index_data = [...(target.index_data ?? Array.from({ length: before }, (_, i) => i)), ...added.index_data];
        }
        target.columns = added.columns;
        if (added.index) target.index = added.index;
        target.rows = added.rows;
        target.id = added.id;
      }),
    );
  }

  function applyOps(ops: readonly DeltaOp[]): void {
    for (const op of ops) {
      if (op.op === "set") setNode(op.path, op.node);
      else if (op.op === "props") setBlockProps(op.path, op.props);
      else if (op.op === "trim") trim(op.path, op.count);
      else if (op.op === "add_rows") addRows(op.path, op.table);
      else console.warn("edgelit: ignoring an unknown delta op", op);
    }
  }

  function apply(frame: ServerFrame): void {
    rememberMarkdownOf(frame);
    batch(() => {
      switch (frame.t) {
        case "snapshot":
          if (!Array.isArray(frame.tree) || frame.tree.length !== ROOT_COUNT || !frame.tree.every(isBlock)) {
            console.warn("edgelit: ignoring a snapshot without its two root blocks", frame);
            break;
          }
          setState("roots", reconciled(frame.tree));
          // A run in progress has reached everything the snapshot holds.
          setState("reached", reconcile(frame.running ? childCounts(frame.tree) : {}));
          setState("running", frame.running);
          setState("scope", null);
          setState("synced", true);
          break;
        case "run_start":
          setState("reached", reconcile({}));
          setState("scope", isValidPath(frame.scope) ? [...frame.scope] : null);
          setState("running", true);
          break;
        case "delta":
          applyOps(frame.ops);
          for (const [key, count] of Object.entries(frame.reached ?? {})) {
            if (count > (state.reached[key] ?? 0)) setState("reached", key, count);
          }
          break;
        case "run_end":
          applyOps(frame.ops ?? []);
          // A run that ends to rerun is followed at once by the next one: still running.
          setState("running", frame.outcome === "rerun");
          setState("scope", null);
          break;
        case "error":
          onError(frame);
          break;
        default:
          console.warn("edgelit: ignoring an unknown frame", frame);
      }
    });
  }

  return {
    state,
    apply,
    isStale: (blockPath, index) =>
      state.running && isWithin(blockPath, state.scope) && index >= (state.reached[pathKey(blockPath)] ?? 0),
  };
}

/**
 * Merges a new node into the one at its place rather than replacing it: only the fields
 * that changed notify, and each node keeps its identity (and its widget its local state).
 * Children are matched by position, as delta paths are.
 */
function reconciled<T>(value: T) {
  return reconcile(value, { key: null, merge: true });
}

function emptyRoots(): BlockNode[] {
  return Array.from({ length: ROOT_COUNT }, () => ({ kind: "vertical", props: {}, block: true, children: [] }));
}

/** Whether a block is the scope block or inside it (always, without a scope). */
function isWithin(blockPath: DeltaPath, scope: readonly number[] | null): boolean {
  if (!scope) return true;
  if (blockPath.length < scope.length) return false;
  for (let i = 0; i < scope.length; i++) if (blockPath[i] !== scope[i]) return false;
  return true;
}

function isValidPath(path: unknown): path is DeltaPath {
  return Array.isArray(path) && path.length > 0 && path.every((i) => Number.isInteger(i) && i >= 0);
}

function blockAt(roots: BlockNode[], path: DeltaPath): BlockNode | undefined {
  const [root = -1, ...rest] = path;
  let node: TreeNode | undefined = roots[root];
  for (const index of rest) node = node && isBlock(node) ? node.children[index] : undefined;
  return node && isBlock(node) ? node : undefined;
}

/** ["roots", 0, "children", 3, "children", 1] for the path [0, 3, 1]. */
function storeKeys(path: DeltaPath): (string | number)[] {
  const [root, ...rest] = path;
  const keys: (string | number)[] = ["roots", root ?? 0];
  for (const index of rest) keys.push("children", index);
  return keys;
}

/** A set past the end of a block: the slots in between hold nothing yet. */
function fillGap(block: BlockNode, upTo: number): void {
  while (block.children.length < upTo) block.children.push({ kind: "empty", props: {} });
}

function childCounts(roots: BlockNode[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const visit = (block: BlockNode, path: number[]) => {
    counts[pathKey(path)] = block.children.length;
    block.children.forEach((child, i) => isBlock(child) && visit(child, [...path, i]));
  };
  roots.forEach((root, i) => visit(root, [i]));
  return counts;
}

function nodeAt(roots: BlockNode[], path: DeltaPath): TreeNode | undefined {
  const [root = -1, ...rest] = path;
  let node: TreeNode | undefined = roots[root];
  for (const index of rest) node = node && isBlock(node) ? node.children[index] : undefined;
  return node;
}
