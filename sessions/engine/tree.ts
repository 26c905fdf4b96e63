/**
 * The element tree the browser holds, as the session knows it, and the diff that keeps
 * it in step: putting a node that equals the one already there produces no delta.
 */
import { isBlock, type BlockKind, type BlockNode, type DeltaOp, type DeltaPath, type TreeNode } from "../protocol.ts";
import { ROOT_COUNT } from "../protocol.ts";

/** A block being filled by the current run: where it is, and where its next child goes. */
export class Container {
  nextIndex = 0;
  constructor(
    readonly path: DeltaPath,
    readonly kind: BlockKind,
    /** The `st.form` this block is inside, if any. */
    readonly formId?: string,
    /** The `st.fragment` this block belongs to, if any. */
    readonly fragmentId?: string,
  ) {}
}

export class ElementTree {
  /** Encodings of nodes already compared, so an unchanged element is encoded once per run. */
  private readonly encodings = new WeakMap<TreeNode, string>();

  constructor(readonly roots: BlockNode[] = ElementTree.emptyRoots()) {}

  static emptyRoots(): BlockNode[] {
    return Array.from({ length: ROOT_COUNT }, () => ({
      kind: "vertical" as const,
      props: {},
      block: true as const,
      children: [],
    }));
  }

  nodeAt(path: DeltaPath): TreeNode | undefined {
    let node: TreeNode | undefined = this.roots[path[0]!];
    for (let i = 1; i < path.length && node; i++) {
      node = isBlock(node) ? node.children[path[i]!] : undefined;
    }
    return node;
  }

  /** Puts `node` at `path`; returns the delta for the browser, or null when nothing changed. */
  put(path: DeltaPath, node: TreeNode): DeltaOp | null {
    const parent = this.nodeAt(path.slice(0, -1));
    const index = path[path.length - 1]!;
    if (!parent || !isBlock(parent) || index > parent.children.length) {
      throw new Error(`Internal error: no container at delta path ${path.join(".")}`);
    }
    const existing = parent.children[index];
    const encoding = encode(node);
    if (existing && this.encodingOf(existing) === encoding) return null;
    if (existing && isBlock(existing) && isBlock(node) && existing.kind === node.kind) {
      // Same container, new props: keep its children, which the run diffs one by one.
      existing.props = node.props;
      this.encodings.set(existing, encoding);
      return { op: "props", path, props: node.props };
    }
    // A block starts empty: its children arrive as deltas of their own.
    const stored: TreeNode = isBlock(node) ? { ...node, children: [] } : node;
    parent.children[index] = stored;
    this.encodings.set(stored, encoding);
    const wire: TreeNode = isBlock(node) ? { ...node, children: [] } : node;
    return { op: "set", path, node: wire };
  }

  /** Replaces the leaf at `path` without a delta: the caller sends its own (add_rows). */
  replaceLeaf(path: DeltaPath, node: TreeNode): void {
    const parent = this.nodeAt(path.slice(0, -1));
    const index = path[path.length - 1]!;
    if (!parent || !isBlock(parent) || !parent.children[index]) throw new Error(`Internal error: no element at delta path ${path.join(".")}`);
    parent.children[index] = node;
    this.encodings.set(node, encode(node));
  }

  /** Keeps the first `count` children of the block at `path`. */
  trim(path: DeltaPath, count: number): DeltaOp | null {
    const block = this.nodeAt(path);
    if (!block || !isBlock(block) || block.children.length <= count) return null;
    block.children.length = count;
    return { op: "trim", path, count };
  }

  private encodingOf(node: TreeNode): string {
    let encoding = this.encodings.get(node);
    if (encoding === undefined) {
      encoding = encode(node);
      this.encodings.set(node, encoding);
    }
    return encoding;
  }
}

/** What makes two nodes equal for the diff: kind and props (a block's children are diffed one by one). */
function encode(node: TreeNode): string {
  return node.kind + JSON.stringify(node.props);
}
