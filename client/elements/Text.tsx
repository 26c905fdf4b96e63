import { createSignal, For, Show, type JSX } from "solid-js";
import { Dynamic } from "solid-js/web";
import type { LeafElementProps } from "../types.ts";
import { HelpIcon, MarkdownHtml } from "./parts.tsx";

export function Markdown(props: LeafElementProps<"markdown">): JSX.Element {
  return (
    <div class="stMarkdown" data-testid="stMarkdown">
      <MarkdownHtml body={props.node.props.body} unsafeHtml={props.node.props.unsafe_allow_html} />
      <HelpIcon help={props.node.props.help} />
    </div>
  );
}

export function Caption(props: LeafElementProps<"caption">): JSX.Element {
  return (
    <div class="stMarkdown" data-testid="stMarkdown">
      <MarkdownHtml
        class="stCaption"
        testid="stCaptionContainer"
        body={props.node.props.body}
        unsafeHtml={props.node.props.unsafe_allow_html}
      />
      <HelpIcon help={props.node.props.help} />
    </div>
  );
}

const HEADING_TAGS = { title: "h1", header: "h2", subheader: "h3" } as const;

export function Heading(props: LeafElementProps<"title" | "header" | "subheader">): JSX.Element {
  const anchor = () => {
    const { anchor, body } = props.node.props;
    return anchor === false ? undefined : anchor || slugify(body);
  };
  const divider = () => {
    const { divider } = props.node.props;
    // `true` means Streamlit's next colour in its cycle; the session may resolve it to a name.
    return divider === true ? "gray" : divider || undefined;
  };
  return (
    <div class="stHeading" data-testid="stHeading">
      <div data-testid="stMarkdownContainer">
        <Dynamic component={HEADING_TAGS[props.node.kind]} id={anchor()}>
          <MarkdownHtml body={props.node.props.body} inline />
          <HelpIcon help={props.node.props.help} />
          <Show when={anchor()}>
            {(id) => (
              <a class="heading-anchor" href={`#${id()}`} aria-label="Link to heading" />
            )}
          </Show>
        </Dynamic>
        <Show when={divider()}>
          {(color) => <hr data-testid="stHeadingDivider" class={`heading-divider stColor-${color()}-background`} />}
        </Show>
      </div>
    </div>
  );
}

export function Text(props: LeafElementProps<"text">): JSX.Element {
  return (
    <div class="stText" data-testid="stText">
      {props.node.props.body}
      <HelpIcon help={props.node.props.help} />
    </div>
  );
}

export function Code(props: LeafElementProps<"code">): JSX.Element {
  const [copied, setCopied] = createSignal(false);
  const copy = () =>
    navigator.clipboard?.writeText(props.node.props.body).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  const lines = () => props.node.props.body.split("\n");
  return (
    <div class="stCode" data-testid="stCode" classList={{ "wrap-lines": props.node.props.wrap_lines }}>
      <pre>
        <Show when={props.node.props.line_numbers}>
          <span class="line-numbers" aria-hidden="true">
            <For each={lines()}>{(_, i) => <span>{i() + 1}</span>}</For>
          </span>
        </Show>
        <code class={props.node.props.language ? `language-${props.node.props.language}` : undefined}>
          {props.node.props.body}
        </code>
      </pre>
      <button class="copy-button" data-testid="stCodeCopyButton" title="Copy to clipboard" onClick={copy}>
        {copied() ? "Copied" : "Copy"}
      </button>
    </div>
  );
}

export function Divider(): JSX.Element {
  return <hr data-testid="stDivider" class="stDivider" />;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
}
