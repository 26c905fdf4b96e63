/** What a browser would show after a session's frames: the tree they build, and its elements by kind. */
import { isBlock, type LeafKind, type LeafNode, type ServerFrame, type TreeNode } from "../../sessions/protocol.ts";

export function pageOf(frames: ServerFrame[]): TreeNode[] {
  let roots: TreeNode[] = [];
  for (const frame of frames) {
    if (frame.t === "snapshot") roots = structuredClone(frame.tree);
    const ops = frame.t === "delta" || frame.t === "run_end" ? (frame.ops ?? []) : [];
    for (const op of ops) {
      let parent: TreeNode = { kind: "vertical", props: {}, block: true, children: roots };
      for (const index of op.path.slice(0, -1)) parent = (parent as any).children[index];
      const children = (parent as any).children as TreeNode[];
      const target = (op.path.length === 1 ? roots[op.path[0]!] : children[op.path.at(-1)!]) as any;
      if (op.op === "set") children[op.path[op.path.length - 1]!] = structuredClone(op.node);
      else if (op.op === "props") target.props = op.props;
      else if (op.op === "trim") target.children.length = op.count;
      else {
        const table = target.props.table;
        table.data = table.data.map((cells: unknown[], c: number) => [...cells, ...(op.table.data[c] ?? [])]);
        table.rows = op.table.rows;
        table.id = op.table.id;
      }
    }
  }
  return roots;
}

/** Every element of `kind` on the page the frames build, in page order. */
export function elements<K extends LeafKind>(frames: ServerFrame[], kind: K): LeafNode<K>["props"][] {
  const found: LeafNode<K>["props"][] = [];
  const visit = (node: TreeNode) => {
    if (isBlock(node)) node.children.forEach(visit);
    else if (node.kind === kind) found.push(node.props as LeafNode<K>["props"]);
  };
  pageOf(frames).forEach(visit);
  return found;
}

/** The id of the button labelled `label` on the page. */
export function buttonId(frames: ServerFrame[], label: string): string {
  const button = elements(frames, "button").find((props) => props.label === label);
  if (!button) throw new Error(`No button labelled ${label}`);
  return button.id;
}
