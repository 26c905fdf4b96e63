import { createContext, createMemo, Index, Show, useContext, type Component, type JSX } from "solid-js";
import { Dynamic } from "solid-js/web";
import type { BlockNode, DeltaPath, RowsAnswer, TreeNode } from "../sessions/protocol.ts";
import { withHeldValue } from "./forms.ts";
import type { TreeStore } from "./store.ts";
import type { ToastList } from "./Toasts.tsx";
import type { Pages } from "./pages.ts";
import type { ElementRegistry, Send } from "./types.ts";

export interface TreeContextValue {
  store: TreeStore;
  send: Send;
  registry: ElementRegistry;
  /** The page's toasts (`st.toast`, refused frames). */
  toasts: ToastList;
  /** The page shown, and the links and URL of a multipage app's pages. */
  pages: Pages;
  /** The session this tab speaks to: its upload, media, download and table routes name it. */
  sessionId: string;
  /** Is the socket open? Components' front ends are told they are disabled while it is not, as in Streamlit. */
  connected(): boolean;
  /**
   * Who hears the session's `rows` frames: the grid's chunk sets it when it first asks for the
   * rows of a large table (client/data/rows.ts), so pages without one carry none of that code.
   */
  listenRows(listener: (answer: RowsAnswer) => void): void;
}

export const TreeContext = createContext<TreeContextValue>();

export function useTree(): TreeContextValue {
  const tree = useContext(TreeContext);
  if (!tree) throw new Error("Edgelit elements must be rendered inside <TreeContext.Provider>.");
  return tree;
}

/** Renders a node with the component registered for its kind. */
export function RenderNode(props: { node: TreeNode; path: DeltaPath }): JSX.Element {
  const tree = useTree();
  // A different widget (or kind) in the same slot is a new element: remount it so local
  // UI state (drafts, open expanders) does not leak from the old one.
  const identity = createMemo(() => `${props.node.kind}\u0000${widgetId(props.node) ?? ""}`);
  // A widget inside a form shows the value the form holds for it until it is submitted.
  const node = createMemo(() => withHeldValue(props.node));
  return (
    <Show when={identity()} keyed>
      {(_) => (
        <Dynamic
          component={(tree.registry[props.node.kind] ?? UnknownElement) as Component<any>}
          node={node()}
          path={props.path}
          send={tree.send}
        />
      )}
    </Show>
  );
}

/**
 * The element-container around each child of a block: it carries the stale state, which
 * the theme fades in after a delay so that quick reruns do not flash.
 */
export function ElementContainer(props: { node: TreeNode; path: DeltaPath; style?: JSX.CSSProperties }): JSX.Element {
  const { store } = useTree();
  const stale = createMemo(() => store.isStale(props.path.slice(0, -1), props.path[props.path.length - 1] ?? 0));
  return (
    <div
      class="element-container"
      classList={{ "element-container-empty": INVISIBLE_KINDS.has(props.node.kind) }}
      data-testid={"block" in props.node ? "stLayoutWrapper" : "stElementContainer"}
      data-stale={stale() ? "true" : undefined}
      style={props.style}
    >
      <RenderNode node={props.node} path={props.path} />
    </div>
  );
}

/** Elements that take no room in the page (a toast shows in the corner, balloons over it). */
const INVISIBLE_KINDS = new Set<string>(["empty", "toast", "balloons", "snow"]);

/** The children of a block, each in its element container. */
export function BlockChildren(props: { node: BlockNode; path: DeltaPath }): JSX.Element {
  return (
    <Index each={props.node.children}>
      {(child, index) => <ElementContainer node={child()} path={[...props.path, index]} />}
    </Index>
  );
}

function widgetId(node: TreeNode): string | undefined {
  const id = (node.props as { id?: unknown }).id;
  return typeof id === "string" ? id : undefined;
}

function UnknownElement(props: { node: TreeNode }): JSX.Element {
  return <div data-testid="stUnknownElement" class="unknown-element">Unknown element kind “{props.node.kind}”.</div>;
}
