/**
 * A saved session as text: one line ("unit") per session-state value, known widget and
 * element of the tree (in document order, each block with its number of children), so
 * that a change to one element changes one line; then the lines cut into chunks whose
 * boundaries depend on the lines' content, not their position, so that an element added
 * or removed near the top leaves the chunks after it as they were. The parts that change
 * on a click (session state) and those that rarely do (browser context, widgets, the tree)
 * never share a chunk.
 */
import type { PersistedSession } from "../engine/app_session.ts";
import { isBlock, type BlockNode, type TreeNode } from "../protocol.ts";
import { decodeValue, encodeValue, UnstorableValueError } from "./codec.ts";

/**
 * The longest chunk, in UTF-16 code units: at most 64 KiB stored, far below the 2 MB that
 * SQLite-backed Durable Object storage allows for a key and its value together. A line
 * longer than this (a big table) spans several chunks of its own.
 */
export const MAX_CHUNK_CHARS = 32 * 1024;
/** About one line in this many ends a chunk (tree chunks of some 700 B), and a chunk of this many characters always. */
const CUT_EVERY = 8;
const CUT_AT_CHARS = 2048;
/** Characters a unit's hash reads at each end. */
const SAMPLE = 48;

export interface EncodedSession {
  /** The units, each ending with "\n" (JSON text never holds a raw newline), by part: meta, state, widgets, tree. */
  parts: string[][];
  /** Session-state keys whose values cannot be stored (a function...), left out. */
  dropped: string[];
}

type Unit =
  | ["meta", Omit<PersistedSession, "state" | "tree" | "widgets">]
  | ["u", string, unknown]
  | ["w", ...PersistedSession["state"]["widgets"][number]]
  | ["k", PersistedSession["widgets"][number]]
  | ["b", Omit<BlockNode, "children">, number]
  | ["l", TreeNode];

export function encodeSession(session: PersistedSession): EncodedSession {
  const { state, tree, widgets, ...meta } = session;
  const stateUnits: string[] = [];
  const dropped: string[] = [];
  const storable = (unit: Unit, name: string) => {
    try {
      stateUnits.push(line(unit));
    } catch (error) {
      if (!(error instanceof UnstorableValueError)) throw error;
      dropped.push(name);
    }
  };
  for (const [key, value] of state.user) storable(["u", key, value], key);
  for (const [id, value] of state.widgets) storable(["w", id, value], value.key ?? id);
  const treeUnits: string[] = [];
  const visit = (node: TreeNode) => {
    if (!isBlock(node)) return void treeUnits.push(leafLine(node));
    const { children, ...shell } = node;
    treeUnits.push(line(["b", shell, children.length]));
    children.forEach(visit);
  };
  tree.forEach(visit);
  const widgetUnits = widgets.map((widget) => line(["k", widget]));
  return { parts: [[line(["meta", meta])], stateUnits, widgetUnits, treeUnits], dropped };
}

export function decodeSession(text: string): PersistedSession {
  const lines = text.split("\n");
  lines.pop();
  let meta: Omit<PersistedSession, "state" | "tree" | "widgets"> | undefined;
  const state: PersistedSession["state"] = { user: [], widgets: [] };
  const widgets: PersistedSession["widgets"] = [];
  const tree: BlockNode[] = [];
  /** Blocks still waiting for children, with how many. */
  const open: { block: BlockNode; missing: number }[] = [];
  const place = (node: TreeNode) => {
    const parent = open.at(-1);
    if (!parent) {
      if (!isBlock(node)) throw new Error("Stored session: an element outside any root.");
      tree.push(node);
      return;
    }
    parent.block.children.push(node);
    if (--parent.missing === 0) open.pop();
  };
  for (const text of lines) {
    const unit = decodeValue(text) as Unit;
    switch (unit[0]) {
      case "meta":
        meta = unit[1];
        break;
      case "u":
        state.user.push([unit[1], unit[2]]);
        break;
      case "w":
        state.widgets.push([unit[1], unit[2]]);
        break;
      case "k":
        widgets.push(unit[1]);
        break;
      case "b": {
        const block = { ...unit[1], children: [] } as BlockNode;
        place(block);
        if (unit[2] > 0) open.push({ block, missing: unit[2] });
        break;
      }
      case "l":
        place(unit[1]);
        break;
    }
  }
  if (!meta || open.length > 0) throw new Error("Stored session: incomplete.");
  return { ...meta, state, tree, widgets };
}

/** Cuts the parts' units into chunks; joined in order, the chunks give the units back. */
export function cutChunks(parts: string[][]): string[] {
  const chunks: string[] = [];
  let current = "";
  const cut = () => {
    if (current.length > 0) chunks.push(current);
    current = "";
  };
  for (const units of parts) {
    for (const unit of units) {
      if (current.length + unit.length > MAX_CHUNK_CHARS) cut();
      if (unit.length > MAX_CHUNK_CHARS) {
        chunks.push(...slices(unit));
        continue;
      }
      current += unit;
      if (current.length >= CUT_AT_CHARS || sample(unit) % CUT_EVERY === 0) cut();
    }
    cut();
  }
  return chunks;
}

/** A long unit in slices of at most MAX_CHUNK_CHARS, none ending between the two halves of a surrogate pair. */
function slices(unit: string): string[] {
  const out: string[] = [];
  for (let start = 0; start < unit.length; ) {
    let end = Math.min(start + MAX_CHUNK_CHARS, unit.length);
    const last = unit.charCodeAt(end - 1);
    if (end < unit.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(unit.slice(start, end));
    start = end;
  }
  return out;
}

/** A hash of a unit's length and its first and last characters (FNV-1a): cheap, and only decides where chunks end. */
function sample(unit: string): number {
  const n = unit.length;
  let hash = 0x811c9dc5 ^ n;
  for (let i = 0; i < n && i < SAMPLE; i++) hash = Math.imul(hash ^ unit.charCodeAt(i), 0x01000193);
  for (let i = Math.max(SAMPLE, n - SAMPLE); i < n; i++) hash = Math.imul(hash ^ unit.charCodeAt(i), 0x01000193);
  return (hash ^ (hash >>> 15)) >>> 0;
}

/**
 * The tree never changes a leaf in place (its diff relies on that too: see ElementTree), so
 * a leaf's line is written once, not at every save.
 */
const leafLines = new WeakMap<TreeNode, string>();

function leafLine(node: TreeNode): string {
  let text = leafLines.get(node);
  if (text === undefined) {
    text = line(["l", node]);
    leafLines.set(node, text);
  }
  return text;
}

function line(unit: Unit): string {
  return encodeValue(unit) + "\n";
}
