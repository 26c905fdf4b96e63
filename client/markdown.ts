import { createSignal } from "solid-js";
import type { parseMarkdown } from "./markdownParser.ts";

/**
 * Streamlit-flavoured markdown: GFM, `:red[text]` / `:red-background[text]` colours and
 * `:smile:` emoji shortcodes. Unless unsafe HTML is allowed, raw HTML is escaped and
 * script-capable link schemes are dropped, so the result can go into innerHTML.
 *
 * Reactive: until the parser chunk (and, when a shortcode appears, the emoji table) has
 * loaded, this returns escaped plain text, and callers re-render when it arrives.
 */
export function renderMarkdown(body: string, options: { unsafeHtml?: boolean; inline?: boolean } = {}): string {
  if (EMOJI_SHORTCODE.test(body)) loadEmoji();
  const parse = parser();
  emojiLoaded();
  return parse ? parse(body, options, emojiByName) : escapeHtml(body);
}

/** Starts fetching the parser; called at boot so it arrives with the first snapshot. */
export function preloadMarkdown(): void {
  if (parserRequested) return;
  parserRequested = true;
  import("./markdownParser.ts").then(
    (module) => setParser(() => module.parseMarkdown),
    (error) => console.warn("edgelit: could not load the markdown renderer", error),
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const EMOJI_SHORTCODE = /:[a-z0-9_+-]+:/;

let parserRequested = false;
const [parser, setParser] = createSignal<typeof parseMarkdown>();

let emojiByName: Map<string, string> | undefined;
let emojiRequested = false;
const [emojiLoaded, setEmojiLoaded] = createSignal(false);

/** The emoji table is large and rarely needed, so it is fetched on first use only. */
function loadEmoji(): void {
  if (emojiRequested) return;
  emojiRequested = true;
  import("gemoji").then(
    ({ gemoji }) => {
      emojiByName = new Map(gemoji.flatMap((entry) => entry.names.map((name) => [name, entry.emoji] as const)));
      setEmojiLoaded(true);
    },
    (error) => console.warn("edgelit: could not load emoji shortcodes", error),
  );
}
