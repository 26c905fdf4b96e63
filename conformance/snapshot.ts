/**
 * The normalised page both drivers print after every step (README.md, "Normalisation"):
 * Edgelit's side of it. driver.py builds the same form from Streamlit's AppTest.
 */
import { Block, ExceptionElement, Widget, type AppTest, type Node } from "edgelit/testing";

export type PageNode =
  | { kind: string; children: PageNode[]; label?: string }
  | { kind: "exception"; error: string; message: string | null; warning?: true }
  | { kind: string; label: string; value: unknown; disabled: boolean; options?: string[] }
  | { kind: string; value?: unknown };

export interface Page {
  main: PageNode[];
  sidebar: PageNode[];
}

/** JS errors a case's port throws in place of a Python error: `export const pythonErrors = { TypeError: "NameError" }`. */
export type ErrorMap = Record<string, string>;

const BLOCK_KINDS: Record<string, string> = { vertical: "container", horizontal: "columns" };
const CHOICE_KINDS = new Set(["selectbox", "radio", "multiselect"]);

export function pageOf(at: AppTest, errors: ErrorMap = {}): Page {
  return { main: childrenOf(at.main, errors), sidebar: childrenOf(at.sidebar, errors) };
}

function childrenOf(block: Node, errors: ErrorMap): PageNode[] {
  return block.children.map((child) => nodeOf(child, errors));
}

function nodeOf(node: Node, errors: ErrorMap): PageNode {
  if (node instanceof Block) {
    const kind = BLOCK_KINDS[node.kind] ?? node.kind;
    const labelled = (kind === "expander" || kind === "tab") && node.label !== undefined;
    return { kind, ...(labelled ? { label: node.label } : {}), children: childrenOf(node, errors) };
  }
  if (node instanceof ExceptionElement) {
    const mapped = errors[node.type];
    // A mapped error is the app's own: JS and Python word its message differently.
    const out: PageNode = { kind: "exception", error: mapped ?? node.type, message: mapped ? null : node.message };
    return node.is_warning ? { ...out, warning: true } : out;
  }
  if (node.kind === "divider" || node.kind === "empty") return { kind: node.kind };
  if (node instanceof Widget) {
    const out = { kind: node.kind, label: node.label, value: plain(node.value), disabled: node.disabled };
    return CHOICE_KINDS.has(node.kind) ? { ...out, options: [...(node.props as { options: string[] }).options] } : out;
  }
  const body = (node.proto as { body?: unknown }).body;
  if (node.kind === "json" && typeof body === "string") return { kind: "json", value: JSON.parse(body) };
  return { kind: node.kind, value: body };
}

/** As JSON would carry it: undefined becomes null. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
