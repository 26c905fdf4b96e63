import { describe, expect, it } from "vitest";
import { CONFIG_OPTIONS } from "./options.ts";
import { resolveConfig } from "./resolve.ts";
import { formatConfig, toml } from "./show.ts";

describe("npm run config -- show", () => {
  it("prints every option with its value and where it came from", () => {
    const text = formatConfig(
      resolveConfig({ "client.showErrorDetails": "type", "theme.fontFaces": [{ family: "Inter", url: "a.woff2" }] }, { STREAMLIT_THEME_PRIMARY_COLOR: "#123456" }),
      ['Configuration of app "demo"'],
    );
    expect(text.startsWith('# Configuration of app "demo"\n')).toBe(true);
    expect(text).toContain('\n[client]\n');
    expect(text).toContain('\nshowErrorDetails = "type"  # config.toml\n');
    expect(text).toContain('\ntoolbarMode = "auto"  # default (override: STREAMLIT_CLIENT_TOOLBAR_MODE)\n');
    expect(text).toContain('\nprimaryColor = "#123456"  # env STREAMLIT_THEME_PRIMARY_COLOR\n');
    expect(text).toContain('\nfontFaces = [{ family = "Inter", url = "a.woff2" }]  # config.toml\n');
    expect(text).toContain("\n# textColor =  # unset, default (override: STREAMLIT_THEME_TEXT_COLOR)\n");
    expect(text).toContain("\n# No effect on the edge: Edgelit sends no usage statistics.\ngatherUsageStats = true");
    for (const option of CONFIG_OPTIONS) expect(text).toMatch(new RegExp(`^(# )?${option.name} =`, "m"));
    expect(text.match(/^\[/gm)).toHaveLength(11);
  });

  it("writes values as TOML", () => {
    expect([toml("a\"b"), toml(3), toml(false), toml(["x", 2])]).toEqual(['"a\\"b"', "3", "false", '["x", 2]']);
  });
});
