import { Marked, type MarkedExtension, type Tokens, type TokenizerAndRendererExtension } from "marked";
import { escapeHtml } from "./escape.ts";

/**
 * Streamlit-flavoured markdown as HTML: GFM, `:red[text]` / `:red-background[text]` colours and
 * `:smile:` emoji shortcodes (with the table given). Unless unsafe HTML is allowed, raw HTML is
 * escaped and script-capable link schemes are dropped, so the result can go into innerHTML. The
 * session renders the page's markdown with it (sessions/engine/markdown_html.ts); the browser
 * loads it, as a chunk of its own, only for markdown the session did not render.
 */
export function parseMarkdown(
  body: string,
  options: { unsafeHtml?: boolean; inline?: boolean },
  emoji: ReadonlyMap<string, string> | undefined,
): string {
  emojiByName = emoji;
  const marked = options.unsafeHtml ? (unsafe ??= createMarked(true)) : (safe ??= createMarked(false));
  return options.inline ? (marked.parseInline(body) as string) : (marked.parse(body) as string);
}

const COLORS = "red|orange|yellow|green|blue|violet|gray|grey|rainbow|primary";
const COLOR_OPEN = new RegExp(`^:(${COLORS})(-background)?\\[`);
const UNSAFE_SCHEME = /^(javascript|vbscript|data):/i;

let emojiByName: ReadonlyMap<string, string> | undefined;
let safe: Marked | undefined;
let unsafe: Marked | undefined;

function createMarked(unsafeHtml: boolean): Marked {
  const extension: MarkedExtension = {
    gfm: true,
    extensions: [colorText, emojiShortcode],
    renderer: unsafeHtml ? { link, image } : { link, image, html: ({ text }) => escapeHtml(text) },
  };
  return new Marked(extension);
}

/** `:red[text]` and `:red-background[text]`, as in Streamlit. */
const colorText: TokenizerAndRendererExtension = {
  name: "stColor",
  level: "inline",
  start: (src) => src.indexOf(":"),
  tokenizer(src) {
    const open = COLOR_OPEN.exec(src);
    if (!open) return undefined;
    const close = matchingBracket(src, open[0].length - 1);
    if (close < 0) return undefined;
    return {
      type: "stColor",
      raw: src.slice(0, close + 1),
      color: open[1] === "grey" ? "gray" : open[1],
      background: Boolean(open[2]),
      tokens: this.lexer.inlineTokens(src.slice(open[0].length, close)),
    };
  },
  renderer(token) {
    const cls = `stColor-${token.color}${token.background ? "-background" : ""}`;
    return `<span class="${cls}">${this.parser.parseInline(token.tokens ?? [])}</span>`;
  },
};

/** `:smile:`, once the emoji table has loaded; unknown names stay as typed. */
const emojiShortcode: TokenizerAndRendererExtension = {
  name: "emoji",
  level: "inline",
  start: (src) => src.indexOf(":"),
  tokenizer(src) {
    const match = /^:([a-z0-9_+-]+):/.exec(src);
    const emoji = match?.[1] && emojiByName?.get(match[1]);
    return match && emoji ? { type: "emoji", raw: match[0], emoji } : undefined;
  },
  renderer: (token) => token.emoji as string,
};

function link(this: { parser: { parseInline(tokens: Tokens.Link["tokens"]): string } }, token: Tokens.Link): string {
  const text = this.parser.parseInline(token.tokens);
  if (!isSafeUrl(token.href)) return text;
  const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
  return `<a href="${escapeHtml(token.href)}"${title} target="_blank" rel="noopener noreferrer">${text}</a>`;
}

function image(token: Tokens.Image): string {
  const safeSrc = isSafeUrl(token.href) || /^data:image\//i.test(token.href.trim());
  if (!safeSrc) return escapeHtml(token.text);
  const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
  return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${title}>`;
}

function isSafeUrl(href: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  return !UNSAFE_SCHEME.test(href.replace(/[\u0000-\u0020\u007f]/g, ""));
}

function matchingBracket(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === "\\") i++;
    else if (src[i] === "[") depth++;
    else if (src[i] === "]" && --depth === 0) return i;
  }
  return -1;
}
