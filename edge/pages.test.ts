import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AppEntry } from "../sessions/apps.ts";
import { appPage, THEME_CHOICE_SCRIPT, THEME_CHOICE_SCRIPT_HASH } from "./pages.ts";

const app = (config: AppEntry["config"]) => ({ slug: "demo", title: "Demo", description: "", icon: "", bundle: { id: "demo@0", code: "" }, config }) as AppEntry;
const shell = async (config: AppEntry["config"]) => String(await appPage(app(config)));
const firstPaint = (html: string) => /<style id="edgelit-first-paint">(.*?)<\/style>/s.exec(html)?.[1] ?? "";

describe("the app shell's first paint", () => {
  it("paints a dark app's colours before any script runs", async () => {
    const html = await shell({ "theme.base": "dark" });
    expect(firstPaint(html)).toBe(":root{--st-background-color:#0e1117;--st-text-color:#fafafa;--st-color-scheme:dark}");
    // One theme: no choice to read, so no inline script.
    expect(html).not.toContain(THEME_CHOICE_SCRIPT);
    const custom = await shell({ "theme.base": "dark", "theme.backgroundColor": "#101820" });
    expect(firstPaint(custom)).toContain("--st-background-color:#101820;");
  });

  it("with a light and a dark theme, follows the system and the viewer's stored choice", async () => {
    const html = await shell({});
    const css = firstPaint(html);
    expect(css).toMatch(/^:root\{--st-background-color:#ffffff;.*@media \(prefers-color-scheme: dark\)\{:root\{--st-background-color:#0e1117;/);
    expect(css).toContain(':root[data-st-theme="dark"]{--st-background-color:#0e1117;');
    expect(html).toContain(`<script data-key="edgelit-theme:demo">${THEME_CHOICE_SCRIPT}</script>`);
    // The inline script comes before the stylesheet and the client; the config's `initial` decides otherwise.
    expect(html.indexOf(THEME_CHOICE_SCRIPT)).toBeLessThan(html.indexOf("edgelit.js"));
    expect(firstPaint(await shell({ "theme.base": "dark", "theme.light.primaryColor": "#123456" }))).toMatch(/^:root\{--st-background-color:#0e1117;[^@]*:root\[data-st-theme="light"\]/);
  });

  it("allows exactly its inline script in the Content-Security-Policy", () => {
    const digest = createHash("sha256").update(THEME_CHOICE_SCRIPT).digest("base64");
    expect(THEME_CHOICE_SCRIPT_HASH).toBe(`'sha256-${digest}'`);
  });
});
