/**
 * The server's first paint (edge/first_paint.ts) shows the page before the client runs; the
 * client renders the same page beside it, out of sight but in the document (frames load, sizes
 * measure), and takes the page over when it is drawn: its first snapshot applied and the lazy
 * renderers that page uses loaded, so that nothing the server painted disappears. Then, within
 * one task, the server's page goes and the client's shows: the browser never paints between.
 */
import type { BlockNode, TreeNode } from "../sessions/protocol.ts";
import type { ElementRegistry } from "./types.ts";

/** A renderer that will not load is not waited for past this. */
const TAKE_OVER_WAIT_MS = 3000;

/** Resolves when every lazy renderer the tree's elements use has loaded (or after TAKE_OVER_WAIT_MS). */
export async function renderersLoaded(roots: readonly BlockNode[], registry: ElementRegistry): Promise<void> {
  const kinds = new Set<string>();
  const visit = (node: TreeNode) => {
    kinds.add(node.kind);
    if ("children" in node) for (const child of node.children) visit(child);
  };
  for (const root of roots) visit(root);
  const loads: Promise<unknown>[] = [];
  for (const kind of kinds) {
    const preload = (registry[kind as keyof ElementRegistry] as { preload?: () => Promise<unknown> } | undefined)?.preload;
    if (preload) loads.push(preload().catch(() => undefined));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.all(loads), new Promise((resolve) => (timer = setTimeout(resolve, TAKE_OVER_WAIT_MS)))]);
  clearTimeout(timer);
  // Lazy components render in the microtask after their module resolves.
  await Promise.resolve();
}
