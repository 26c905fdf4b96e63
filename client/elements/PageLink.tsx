import { Show, useContext, type JSX } from "solid-js";
import { TreeContext } from "../tree.tsx";
import type { LeafElementProps } from "../types.ts";

/** st.page_link: a link to a page of the app (followed without reloading), or to another site. */
export function PageLink(props: LeafElementProps<"page_link">): JSX.Element {
  const context = useContext(TreeContext);
  const p = () => props.node.props;
  const internal = () => p().href === undefined;
  const href = () => (internal() ? (context?.pages?.href(p().url_path ?? "") ?? "#") : p().href!);
  return (
    <div class="stPageLink" data-testid="stPageLink" title={p().help}>
      <a
        class="page-link"
        classList={{ disabled: p().disabled === true, "full-width": p().use_container_width === true }}
        data-testid="stPageLink-NavLink"
        href={href()}
        target={internal() ? undefined : "_blank"}
        rel={internal() ? undefined : "noopener noreferrer"}
        aria-disabled={p().disabled ? "true" : undefined}
        onClick={(event) => {
          if (p().disabled) return event.preventDefault();
          if (!internal() || !context?.pages) return;
          event.preventDefault();
          context.pages.go(p().url_path ?? "");
        }}
      >
        <Show when={p().icon}>
          <span class="page-link-icon">{p().icon}</span>
        </Show>
        <span>{p().label}</span>
      </a>
    </div>
  );
}
