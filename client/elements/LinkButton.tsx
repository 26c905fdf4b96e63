import { Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import { HelpIcon, MarkdownHtml } from "./parts.tsx";

/** `st.link_button`: a link styled as a button, opening in a new tab. */
export function LinkButton(props: LeafElementProps<"link_button">): JSX.Element {
  const p = () => props.node.props;
  // Apps share the platform's origin: only web, mail and phone links may be followed.
  const href = () => (p().disabled ? undefined : safeUrl(p().url));
  return (
    <div class="stLinkButton" data-testid="stLinkButton" classList={{ "full-width": p().use_container_width }}>
      <a
        class={`button button-${p().type}`}
        classList={{ disabled: p().disabled || href() === undefined }}
        data-testid={`stBaseLinkButton-${p().type}`}
        href={href()}
        target="_blank"
        rel="noreferrer noopener"
        aria-disabled={p().disabled || href() === undefined ? "true" : undefined}
        tabindex={p().disabled ? -1 : 0}
      >
        <Show when={p().icon}>{(icon) => <span class="button-icon">{icon()}</span>}</Show>
        <MarkdownHtml body={p().label} inline />
      </a>
      <HelpIcon help={p().help} />
    </div>
  );
}

/** The app's URL as it wrote it, when it leads somewhere a page may link to. */
function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url, location.href);
    return ["http:", "https:", "mailto:", "tel:"].includes(parsed.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}
