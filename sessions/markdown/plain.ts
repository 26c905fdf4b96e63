/**
 * Markdown that needs no parser: text without any character or pattern markdown (GFM, and
 * Streamlit's `:red[...]` colours and `:smile:` shortcodes) gives a meaning to. Its HTML is the
 * text itself, escaped, in a paragraph unless inline: what the parser would make of it. Shared by
 * the session (which sends the browser the HTML of the rest) and the browser (which then needs no
 * parser for a page of text).
 */
import { escapeHtml } from "./escape.ts";

// Characters with a meaning anywhere, then what means something only at the start of a line, or
// with its neighbours: images, autolinks, shortcodes, colours, line breaks.
const SYNTAX = /[*_`[\]<>~&\\\n\r\t@]|^\s|\s$|\s\s|^[-+#=]|^\d+[.)]|!\[|https?:|www\.|:[a-z0-9_+-]+:|:[a-z]+(-background)?\[/i;

export function isPlainText(text: string): boolean {
  return !SYNTAX.test(text);
}

export function plainHtml(text: string, inline: boolean): string {
  return inline ? escapeHtml(text) : `<p>${escapeHtml(text)}</p>\n`;
}
