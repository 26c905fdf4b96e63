import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigToml } from "./parse.ts";
import { resolveConfig } from "./resolve.ts";
import { fontFaceCss, shellAppearance, shellTheme, stockVars } from "./theme.ts";

const themeOf = (toml: string, env: Record<string, unknown> = {}) => shellTheme(resolveConfig(parseConfigToml(toml, "config.toml").config, env));

describe("the theme the shell carries", () => {
  it("offers Streamlit's stock light and dark themes and follows the system when nothing is configured", () => {
    const theme = themeOf("");
    expect(theme.initial).toBe("system");
    // Light is what themeVars.css declares already; dark is sent whole.
    expect(theme.modes.light).toEqual({ main: {}, sidebar: {} });
    expect(theme.modes.dark!.main["background-color"]).toBe("#0e1117");
    expect(theme.modes.dark!.main["text-color"]).toBe("#fafafa");
    expect(theme.modes.dark!.main["color-scheme"]).toBe("dark");
    expect(theme.modes.dark!.sidebar["background-color"]).toBe("#262730");
    expect(theme.fontFaces).toBeUndefined();
  });

  it("makes [theme] alone one custom theme on its base, with Streamlit's derived values", () => {
    const theme = themeOf(`
[theme]
base = "dark"
primaryColor = "#6fd3b8"
backgroundColor = "#10161a"
secondaryBackgroundColor = "#1c252b"
font = "Inter, sans-serif"
headingFont = "serif"
baseRadius = "small"
baseFontSize = 18
showWidgetBorder = true
showSidebarBorder = true
headingFontSizes = ["3rem"]
`);
    expect(Object.keys(theme.modes)).toEqual(["dark"]);
    expect(theme.initial).toBe("dark");
    const { main, sidebar } = theme.modes.dark!;
    expect(main["primary-color"]).toBe("#6fd3b8");
    expect(main["link-color"]).toBe("#6fd3b8");
    expect(main["code-background-color"]).toBe("#1c252b");
    expect(main["text-color"]).toBe("#fafafa");
    expect(main["widget-border-color"]).toBe(main["border-color"]);
    expect(main.font).toMatch(/^"Inter", "Source Sans Pro", .*sans-serif$/);
    expect(main["heading-font"]).toMatch(/^"Source Serif Pro".*serif$/);
    expect(main.radius).toBe("0.25rem");
    expect(main["base-font-size"]).toBe("18px");
    expect(main["sidebar-separator"]).toMatch(/^1px solid /);
    expect([main["h1-font-size"], main["h2-font-size"]]).toEqual(["3rem", "2.25rem"]);
    // The sidebar swaps the backgrounds and keeps its own heading sizes; the rest follows [theme].
    expect([sidebar["background-color"], sidebar["secondary-background-color"]]).toEqual(["#1c252b", "#10161a"]);
    expect(sidebar["primary-color"]).toBe("#6fd3b8");
    expect(sidebar["h1-font-size"]).toBe("1.5rem");
  });

  it("gives both themes with [theme.light] and [theme.dark], layered theme < theme.<mode> < sidebar tables", () => {
    const theme = themeOf(`
[theme]
primaryColor = "#111111"
linkUnderline = false

[theme.sidebar]
primaryColor = "#222222"

[theme.light]
backgroundColor = "#fbf8f1"

[theme.light.sidebar]
backgroundColor = "#e6dcc6"

[theme.dark]
primaryColor = "#333333"
`);
    expect(theme.initial).toBe("system");
    const light = theme.modes.light!;
    const dark = theme.modes.dark!;
    expect(light.main["primary-color"]).toBe("#111111");
    expect(light.main["background-color"]).toBe("#fbf8f1");
    expect(light.main["link-decoration"]).toBe("none");
    expect(light.sidebar["primary-color"]).toBe("#222222");
    expect(light.sidebar["background-color"]).toBe("#e6dcc6");
    expect(light.sidebar["secondary-background-color"]).toBe("#fbf8f1");
    expect(dark.main["primary-color"]).toBe("#333333");
    expect(dark.main["background-color"]).toBe("#0e1117");
    expect(dark.sidebar["primary-color"]).toBe("#222222");
    expect(dark.sidebar["link-color"]).toBe("#222222");
  });

  it("lets bindings override the file, and derives palette tints from a configured color", () => {
    const theme = themeOf('[theme]\nbase = "light"\nredColor = "#aa0000"', { STREAMLIT_THEME_PRIMARY_COLOR: "#123456" });
    const main = theme.modes.light!.main;
    expect(main["primary-color"]).toBe("#123456");
    expect(main.red).toBe("#aa0000");
    expect(main["red-background"]).toBe("color-mix(in srgb, #aa0000 10%, transparent)");
    expect(main["red-text"]).toBe("color-mix(in srgb, #aa0000 70%, black)");
  });

  it("carries font faces and the toolbar mode", () => {
    const config = resolveConfig(
      parseConfigToml('[client]\ntoolbarMode = "minimal"\n[[theme.fontFaces]]\nfamily = "Inter"\nurl = "app/static/Inter.woff2"\nweight = 400\nstyle = "italic"', "config.toml").config,
    );
    const appearance = shellAppearance(config);
    expect(appearance.toolbarMode).toBe("minimal");
    expect(appearance.theme.fontFaces).toEqual([{ family: "Inter", url: "app/static/Inter.woff2", weight: "400", style: "italic" }]);
    expect(fontFaceCss(appearance.theme.fontFaces)).toBe('@font-face { font-family: "Inter"; src: url("app/static/Inter.woff2"); font-weight: 400; font-style: italic; }');
  });

  it("keeps client/themeVars.css in step with Streamlit's stock light theme", () => {
    const css = readFileSync(new URL("../../client/themeVars.css", import.meta.url), "utf8");
    const root = css.slice(css.indexOf(":root {"), css.indexOf("}", css.indexOf(":root {")));
    const declared = Object.fromEntries([...root.matchAll(/^\s*(--st-[\w-]+): (.*);$/gm)].map((m) => [m[1], m[2]]));
    const { main, sidebar } = stockVars("light");
    const expected = {
      ...Object.fromEntries(Object.entries(main).map(([k, v]) => [`--st-${k}`, v])),
      ...Object.fromEntries(Object.entries(sidebar).map(([k, v]) => [`--st-sidebar-${k}`, v])),
      "--st-faded-text-color": "color-mix(in srgb, var(--st-text-color) 60%, transparent)",
    };
    expect(declared).toEqual(expected);
    // Inside the sidebar, each variable is the sidebar's.
    for (const name of Object.keys(sidebar)) expect(css).toContain(`--st-${name}: var(--st-sidebar-${name});`);
  });
});
