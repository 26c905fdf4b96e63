import { createSignal } from "solid-js";
import { MARKDOWN_HTML_PROP, markdownKey, type ServerFrame, type TreeNode } from "../sessions/protocol.ts";
import { emojiByName } from "../sessions/markdown/emoji.ts";
import { escapeHtml } from "../sessions/markdown/escape.ts";
import { isPlainText, plainHtml } from "../sessions/markdown/plain.ts";
import type { parseMarkdown } from "../sessions/markdown/render.ts";

/**
 * Streamlit-flavoured markdown as HTML for innerHTML (sessions/markdown/render.ts). The session
 * sends the HTML of its elements' markdown with them (props `_md`), and plain text needs none, so
 * a page usually shows its markdown without the parser; a text the session did not render loads
 * the parser then (and the emoji table when a shortcode appears).
 *
 * Reactive: until the parser chunk has loaded, such a text shows as escaped plain text, and
 * callers re-render when it arrives.
 */
export function renderMarkdown(body: string, options: { unsafeHtml?: boolean; inline?: boolean } = {}): string {
  const known = rendered.get(markdownKey(body, options));
  if (known !== undefined) return known;
  if (isPlainText(body)) return plainHtml(body, options.inline === true);
  if (EMOJI_SHORTCODE.test(body)) loadEmoji();
  const parse = parser();
  emojiLoaded();
  if (parse) return parse(body, options, emoji);
  loadParser();
  return escapeHtml(body);
}

/** Keeps the HTML the session rendered for the elements these frames bring. */
export function rememberMarkdownOf(frame: ServerFrame): void {
  if (frame.t === "snapshot") for (const root of frame.tree) remember(root);
  else if (frame.t === "delta" || frame.t === "run_end") {
    for (const op of frame.ops ?? []) {
      if (op.op === "set") remember(op.node);
      else if (op.op === "props") rememberProps(op.props);
    }
  }
}

function remember(node: TreeNode): void {
  rememberProps(node.props);
  if ("children" in node && Array.isArray(node.children)) for (const child of node.children) remember(child);
}

function rememberProps(props: object): void {
  const html = (props as Record<string, unknown>)[MARKDOWN_HTML_PROP];
  if (typeof html !== "object" || html === null) return;
  for (const [key, value] of Object.entries(html)) {
    if (typeof value !== "string") continue;
    // The page's texts of a long session: the oldest go first.
    if (rendered.size >= MAX_RENDERED) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, value);
  }
}

const EMOJI_SHORTCODE = /:[a-z0-9_+-]+:/;
const MAX_RENDERED = 5000;
const rendered = new Map<string, string>();

let emoji: ReadonlyMap<string, string> | undefined;
let emojiRequested = false;

/** The emoji table is large and rarely needed here (the session renders shortcodes), so it loads on first use. */
function loadEmoji(): void {
  if (emojiRequested) return;
  emojiRequested = true;
  import("gemoji").then(
    ({ gemoji }) => {
      emoji = emojiByName(gemoji);
      setEmojiLoaded(true);
    },
    (error) => console.warn("edgelit: could not load emoji shortcodes", error),
  );
}

let parserRequested = false;
const [parser, setParser] = createSignal<typeof parseMarkdown>();
const [emojiLoaded, setEmojiLoaded] = createSignal(false);

function loadParser(): void {
  if (parserRequested) return;
  parserRequested = true;
  import("../sessions/markdown/render.ts").then(
    (module) => setParser(() => module.parseMarkdown),
    (error) => console.warn("edgelit: could not load the markdown renderer", error),
  );
}
