/** Emoji shortcodes (`:smile:`) by name, from gemoji's list: the session's and the browser's table. */
import type { Gemoji } from "gemoji";

export function emojiByName(list: readonly Gemoji[]): ReadonlyMap<string, string> {
  return new Map(list.flatMap((entry) => entry.names.map((name) => [name, entry.emoji] as const)));
}
