/**
 * The page's markdown, rendered in the session: each element carries the HTML of its markdown
 * texts (its body, label, options...) in `props._md`, keyed as the browser asks for them
 * (`markdownKey`), so that a page of markdown needs no parser in the browser. Text that is plain
 * (sessions/markdown/plain.ts) carries none: the browser shows it as it is. What is missed here
 * (a text in a prop not listed) the browser still renders itself, with the parser loaded then.
 */
import { emojiByName } from "../markdown/emoji.ts";
import { isPlainText } from "../markdown/plain.ts";
import { parseMarkdown } from "../markdown/render.ts";
import { MARKDOWN_HTML_PROP, markdownKey, type TreeNode } from "../protocol.ts";

/** The markdown a kind's body holds, and how the browser renders it; every label, option and caption is inline. */
const BODY: Partial<Record<string, { inline: boolean }>> = {
  markdown: { inline: false },
  caption: { inline: false },
  title: { inline: true },
  header: { inline: true },
  subheader: { inline: true },
  success: { inline: false },
  info: { inline: false },
  warning: { inline: false },
  error: { inline: false },
  toast: { inline: false },
};

/** Rendered texts, by key: a rerun renders none of the page's unchanged markdown again. */
const rendered = new Map<string, string>();
const MAX_RENDERED = 5000;

export function withMarkdownHtml(node: TreeNode): TreeNode {
  const props = node.props as Record<string, unknown>;
  const html: Record<string, string> = {};
  const add = (text: unknown, inline: boolean, unsafeHtml = false) => {
    if (typeof text !== "string" || text === "" || isPlainText(text)) return;
    const key = markdownKey(text, { inline, unsafeHtml });
    const known = rendered.get(key) ?? render(key, text, inline, unsafeHtml);
    if (known !== undefined) html[key] = known;
  };
  const body = BODY[node.kind];
  if (body) add(props.body, body.inline, props.unsafe_allow_html === true);
  if (node.kind === "exception" && props.message_is_markdown === true) add(props.message, true);
  if (node.kind === "progress") add(props.text, false);
  add(props.label, true);
  for (const list of [props.options, props.captions, props.labels]) if (Array.isArray(list)) for (const item of list) add(item, true);
  if (Object.keys(html).length === 0) return node;
  // Any kind's props may carry it (sessions/protocol.ts, MARKDOWN_HTML_PROP).
  const withHtml: Record<string, unknown> = { ...props, [MARKDOWN_HTML_PROP]: html };
  return { ...node, props: withHtml } as unknown as TreeNode;
}

let emoji: ReadonlyMap<string, string> | undefined;
let emojiLoading: Promise<void> | undefined;

/**
 * The emoji table (gemoji, a large module of the engine's, loaded on first use). A session starts
 * loading it; a text with a shortcode met before it is there is left to the browser.
 */
export function loadEmojiTable(): Promise<void> {
  emojiLoading ??= import("gemoji").then(
    ({ gemoji }) => void (emoji = emojiByName(gemoji)),
    (error: unknown) => console.warn("edgelit: could not load emoji shortcodes", error),
  );
  return emojiLoading;
}

function render(key: string, text: string, inline: boolean, unsafeHtml: boolean): string | undefined {
  if (!emoji && /:[a-z0-9_+-]+:/.test(text)) {
    void loadEmojiTable();
    return undefined;
  }
  const html = parseMarkdown(text, { inline, unsafeHtml }, emoji);
  if (rendered.size >= MAX_RENDERED) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, html);
  return html;
}
