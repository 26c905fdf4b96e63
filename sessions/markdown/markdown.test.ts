import fc from "fast-check";
import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import { MARKDOWN_HTML_PROP, markdownKey, type ServerFrame } from "../protocol.ts";
import { isPlainText, plainHtml } from "./plain.ts";
import { parseMarkdown } from "./render.ts";
import { loadEmojiTable } from "../engine/markdown_html.ts";

/** The text a browser shows for HTML (entities decoded), which is what must match. */
const shown = (html: string) =>
  html.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("plain text", () => {
  it("is what the parser would make of it, for any text called plain", () => {
    const text = fc.stringMatching(/^[\p{L}\p{N} .,:;!?'"%$()\/=+#|{}^-]{1,40}$/u);
    fc.assert(
      fc.property(text, fc.boolean(), (s, inline) => {
        fc.pre(isPlainText(s));
        expect(shown(plainHtml(s, inline))).toBe(shown(parseMarkdown(s, { inline }, undefined)));
      }),
      { numRuns: 3000 },
    );
  });

  it("is not what has markdown in it", () => {
    for (const text of ["**bold**", "a_b_", "`code`", "[link](x)", "![img](x)", "# Title", "- item", "1. item", "> quote", "a\nb", ":red[x]", ":smile:", "https://x.y", "www.x.y", "a@b.c", "<b>", "&amp;", "~~x~~", "  indented", "x  "]) {
      expect(isPlainText(text), text).toBe(false);
    }
    for (const text of ["Hello, world!", "Download complete!", "Line 500: counter is 1", "C# and F#", "50% off (today)", "a = b + c"]) expect(isPlainText(text), text).toBe(true);
  });
});

describe("markdown rendered in the session", () => {
  it("sends each element the HTML of its markdown, and none for plain text", async () => {
    // A session starts loading the emoji table; its first run in a new isolate may come first.
    await loadEmojiTable();
    const at = await AppTest.from_function(() => {
      st.markdown("Some **bold** and :red[red]");
      st.markdown("Plain words.");
      st.radio("Pick *one*", ["**a**", "b"]);
      st.title("Hello :wave:");
    }).run();
    const nodes = at.messages
      .flatMap((m) => JSON.parse(m) as ServerFrame[])
      .flatMap((f) => (f.t === "run_end" || f.t === "delta" ? (f.ops ?? []) : []))
      .flatMap((op) => (op.op === "set" ? [op.node] : []));
    const html = (i: number) => (nodes[i]!.props as Record<string, unknown>)[MARKDOWN_HTML_PROP] as Record<string, string> | undefined;
    expect(html(0)).toEqual({ [markdownKey("Some **bold** and :red[red]", {})]: '<p>Some <strong>bold</strong> and <span class="stColor-red">red</span></p>\n' });
    expect(html(1)).toBeUndefined();
    expect(html(2)).toEqual({ [markdownKey("Pick *one*", { inline: true })]: "Pick <em>one</em>", [markdownKey("**a**", { inline: true })]: "<strong>a</strong>" });
    // Shortcodes too: the isolate holds the emoji table.
    expect(html(3)).toEqual({ [markdownKey("Hello :wave:", { inline: true })]: "Hello 👋" });
    // What a test reads is what the script set.
    expect(at.markdown[0]!.props).toEqual({ body: "Some **bold** and :red[red]" });
  });
});
