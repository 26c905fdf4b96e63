import { createSignal, createUniqueId, Index, Show, untrack, type JSX } from "solid-js";
import type { BlockNode, DeltaPath } from "../../sessions/protocol.ts";
import { BlockChildren, ElementContainer, RenderNode } from "../tree.tsx";
import type { BlockElementProps, LeafElementProps } from "../types.ts";
import { MarkdownHtml } from "./parts.tsx";

const GAPS = { small: "0.5rem", medium: "1rem", large: "2rem" } as const;

/** `st.container()` and the two roots. */
export function Vertical(props: BlockElementProps<"vertical">): JSX.Element {
  const block = (
    <div
      class="vertical-block"
      data-testid="stVerticalBlock"
      style={props.node.props.height ? { height: `${props.node.props.height}px`, overflow: "auto" } : undefined}
    >
      <BlockChildren node={props.node} path={props.path} />
    </div>
  );
  return (
    <Show when={props.node.props.border || props.node.props.height} fallback={block}>
      <div class="bordered-block" data-testid="stVerticalBlockBorderWrapper">
        {block}
      </div>
    </Show>
  );
}

/** `st.fragment`: a plain vertical block; what it holds reruns on its own. */
export function Fragment(props: BlockElementProps<"fragment">): JSX.Element {
  return (
    <div class="vertical-block" data-testid="stVerticalBlock">
      <BlockChildren node={props.node} path={props.path} />
    </div>
  );
}

/** `st.columns()`: its children are columns sharing the width by weight. */
export function Horizontal(props: BlockElementProps<"horizontal">): JSX.Element {
  return (
    <div class="horizontal-block" data-testid="stHorizontalBlock" style={{ gap: GAPS[props.node.props.gap] ?? GAPS.small }}>
      <Index each={props.node.children}>
        {(child, index) => (
          <ElementContainer
            node={child()}
            path={[...props.path, index]}
            style={{ flex: `${(child().props as { weight?: number }).weight ?? 1} 1 0%` }}
          />
        )}
      </Index>
    </div>
  );
}

export function Column(props: BlockElementProps<"column">): JSX.Element {
  return (
    <div class="column" data-testid="stColumn" data-align={props.node.props.vertical_alignment ?? "top"}>
      <div class="vertical-block" data-testid="stVerticalBlock">
        <BlockChildren node={props.node} path={props.path} />
      </div>
    </div>
  );
}

/** `st.expander`: `expanded` sets the first state only; after that the user's clicks win. */
export function Expander(props: BlockElementProps<"expander">): JSX.Element {
  return (
    <details class="expander" data-testid="stExpander" open={untrack(() => props.node.props.expanded)}>
      <ExpanderContent node={props.node} path={props.path} label={props.node.props.label}>
        <Show when={props.node.props.icon}>{(icon) => <span class="expander-icon">{icon()}</span>}</Show>
      </ExpanderContent>
    </details>
  );
}

/** What an expander and a status container hold inside their `<details>`: the header (icon, label) and the children. */
export function ExpanderContent(props: { node: BlockNode; path: DeltaPath; label: string; children: JSX.Element }): JSX.Element {
  return (
    <>
      <summary class="expander-header" data-testid="stExpanderHeader">
        {props.children}
        <MarkdownHtml body={props.label} inline />
      </summary>
      <div class="expander-details" data-testid="stExpanderDetails">
        <div class="vertical-block" data-testid="stVerticalBlock">
          <BlockChildren node={props.node} path={props.path} />
        </div>
      </div>
    </>
  );
}

/** `st.tabs()`: shows one `tab` child at a time; the choice is local to this browser. */
export function Tabs(props: BlockElementProps<"tabs">): JSX.Element {
  const [selected, setSelected] = createSignal(0);
  const baseId = createUniqueId();
  const label = (child: BlockNode | undefined, index: number) =>
    (child?.kind === "tab" ? child.props.label : undefined) ?? props.node.props.labels[index] ?? `Tab ${index + 1}`;
  return (
    <div class="tabs" data-testid="stTabs">
      <div class="tab-list" role="tablist">
        <Index each={props.node.children}>
          {(child, index) => (
            <button
              type="button"
              role="tab"
              class="tab"
              data-testid="stTab"
              id={`${baseId}-tab-${index}`}
              aria-selected={selected() === index}
              aria-controls={`${baseId}-panel-${index}`}
              tabindex={selected() === index ? 0 : -1}
              onClick={() => setSelected(index)}
            >
              <MarkdownHtml body={label(child() as BlockNode, index)} inline />
            </button>
          )}
        </Index>
      </div>
      {/* Every panel stays mounted (hidden) so widgets in other tabs keep their local state. */}
      <Index each={props.node.children}>
        {(child, index) => (
          <div
            class="tab-panel"
            role="tabpanel"
            data-testid="stTabPanel"
            id={`${baseId}-panel-${index}`}
            aria-labelledby={`${baseId}-tab-${index}`}
            hidden={selected() !== index}
          >
            <RenderNode node={child()} path={[...props.path, index]} />
          </div>
        )}
      </Index>
    </div>
  );
}

/** One panel of `st.tabs()`, rendered by its Tabs parent. */
export function Tab(props: BlockElementProps<"tab">): JSX.Element {
  return (
    <div class="vertical-block" data-testid="stVerticalBlock">
      <BlockChildren node={props.node} path={props.path} />
    </div>
  );
}

/** `st.empty()` before anything is put in it. */
export function Empty(_props: LeafElementProps<"empty">): JSX.Element {
  return <div class="stEmpty" data-testid="stEmpty" />;
}
