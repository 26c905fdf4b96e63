/** Finds the first place where Edgelit's normalised page differs from Streamlit's. */
import type { Page, PageNode } from "./snapshot.ts";

export interface Difference {
  /** Where in the tree, e.g. `main/1:columns/0:column/0:text_input.value`. */
  path: string;
  expected: unknown;
  got: unknown;
}

/** Fields in the order they are reported; `children` last so a block's own fields come first. */
const FIELDS = ["kind", "label", "value", "error", "message", "warning", "disabled", "options", "children"] as const;

export function firstDifference(expected: Page, got: Page): Difference | null {
  return (
    differenceInList("main", expected.main, got.main) ??
    differenceInList("sidebar", expected.sidebar, got.sidebar) ??
    differenceInList("bottom", expected.bottom ?? [], got.bottom ?? []) ??
    (sameValue(expected.toasts ?? [], got.toasts ?? []) ? null : { path: "toasts", expected: expected.toasts ?? [], got: got.toasts ?? [] }) ??
    (sameValue(expected.navigation ?? null, got.navigation ?? null) ? null : { path: "navigation", expected: expected.navigation ?? null, got: got.navigation ?? null })
  );
}

function differenceInList(path: string, expected: PageNode[], got: PageNode[]): Difference | null {
  for (let i = 0; i < Math.max(expected.length, got.length); i++) {
    const e = expected[i];
    const g = got[i];
    if (e === undefined || g === undefined) {
      return { path: `${path}/${i}`, expected: e ?? "nothing", got: g ?? "nothing" };
    }
    const difference = differenceInNode(`${path}/${i}`, e, g);
    if (difference) return difference;
  }
  return null;
}

function differenceInNode(at: string, expected: PageNode, got: PageNode): Difference | null {
  const e = expected as Record<string, unknown>;
  const g = got as Record<string, unknown>;
  if (e.kind !== g.kind) return { path: at, expected, got };
  const path = `${at}:${e.kind}`;
  for (const field of FIELDS) {
    if (field === "children" && Array.isArray(e.children) && Array.isArray(g.children)) {
      const difference = differenceInList(path, e.children as PageNode[], g.children as PageNode[]);
      if (difference) return difference;
      continue;
    }
    // A message of null is an app error mapped by the case: JS and Python word it differently.
    if (field === "message" && (e.message === null || g.message === null)) continue;
    if (!sameValue(e[field], g[field])) return { path: `${path}.${field}`, expected: e[field], got: g[field] };
  }
  const other = [...Object.keys(e), ...Object.keys(g)].find(
    (key) => !(FIELDS as readonly string[]).includes(key) && !sameValue(e[key], g[key]),
  );
  return other === undefined ? null : { path: `${path}.${other}`, expected: e[other], got: g[other] };
}

/** Deep equality of JSON values; object key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => k in b && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
