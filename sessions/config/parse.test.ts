import { describe, expect, it } from "vitest";
import { parseConfigToml } from "./parse.ts";
import { ConfigError } from "./validate.ts";

const FILE = "apps/demo/.streamlit/config.toml";
const parse = (text: string) => parseConfigToml(text, FILE);
const failure = (text: string): ConfigError => {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("config.toml parsing and validation", () => {
  it("flattens sections, nested theme tables and font faces into option keys", () => {
    const { config, warnings } = parse(`
[client]
showErrorDetails = "type"
toolbarMode = "minimal"

[server]
enableStaticServing = true
maxUploadSize = 50

[theme]
base = "dark"
primaryColor = "#1f6f5c"
baseFontSize = 15
headingFontSizes = ["3rem", "2rem"]
headingFontWeights = 500
codeFontSize = 13
chartCategoricalColors = ["#ff0000", "rgb(0, 128, 0)"]

[[theme.fontFaces]]
family = "Inter"
url = "app/static/Inter.woff2"
weight = "100 900"

[theme.sidebar]
backgroundColor = "lavender"

[theme.light]
textColor = "hsl(210, 20%, 20%)"

[theme.dark.sidebar]
primaryColor = "#ABCDEF80"
`);
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      "client.showErrorDetails": "type",
      "client.toolbarMode": "minimal",
      "server.enableStaticServing": true,
      "server.maxUploadSize": 50,
      "theme.base": "dark",
      "theme.primaryColor": "#1f6f5c",
      "theme.baseFontSize": 15,
      "theme.headingFontSizes": ["3rem", "2rem"],
      "theme.headingFontWeights": 500,
      "theme.codeFontSize": "13px",
      "theme.chartCategoricalColors": ["#ff0000", "rgb(0, 128, 0)"],
      "theme.fontFaces": [{ family: "Inter", url: "app/static/Inter.woff2", weight: "100 900" }],
      "theme.sidebar.backgroundColor": "lavender",
      "theme.light.textColor": "hsl(210, 20%, 20%)",
      "theme.dark.sidebar.primaryColor": "#ABCDEF80",
    });
  });

  it("takes Streamlit's legacy booleans for client.showErrorDetails", () => {
    expect(parse("[client]\nshowErrorDetails = false").config).toEqual({ "client.showErrorDetails": false });
  });

  it("warns about unknown options and Streamlit options with no meaning on the edge, and ignores them", () => {
    const { config, warnings } = parse(`
[server]
port = 8501
enableStaticServing = true
madeUp = 1

[global]
developmentMode = false

[theme]
primaryColour = "#fff"

[theme.sidebar.extra]
x = 1
`);
    expect(config).toEqual({ "server.enableStaticServing": true });
    expect(warnings).toEqual([
      `${FILE}: server.port has no meaning on the edge; ignored.`,
      `${FILE}: "server.madeUp" is not a valid config option; ignored.`,
      `${FILE}: [global] has no meaning on the edge; ignored.`,
      `${FILE}: "theme.primaryColour" is not a valid config option; ignored.`,
      `${FILE}: "theme.sidebar.extra" is not a valid config option; ignored.`,
    ]);
  });

  it("fails on a bad value, naming the file and the option", () => {
    const cases: [string, string, RegExp][] = [
      ['[client]\nshowErrorDetails = "some"', "client.showErrorDetails", /"some" is not one of "full", "stacktrace", "type", "none", true, false/],
      ['[server]\nenableStaticServing = "yes"', "server.enableStaticServing", /"yes" is not true or false/],
      ["[server]\nmaxUploadSize = 0", "server.maxUploadSize", /0 is not an integer of at least 1/],
      ["[server]\nmaxMessageSize = 1.5", "server.maxMessageSize", /1.5 is not an integer/],
      ['[theme]\nprimaryColor = "reddish"', "theme.primaryColor", /"reddish" is not a CSS color/],
      ['[theme]\nbase = "blue"', "theme.base", /"blue" is not one of "light", "dark"/],
      ["[theme]\nbaseFontWeight = 650", "theme.baseFontWeight", /650 is not a font weight/],
      ['[theme]\nbaseRadius = "huge"', "theme.baseRadius", /"huge" is not one of none, small, medium, large, full/],
      ['[theme]\nfont = "Comic Sans; color: red"', "theme.font", /is not a font family list/],
      ['[theme.light]\nheadingFontSizes = ["1rem", "1rem", "1rem", "1rem", "1rem", "1rem", "1rem"]', "theme.light.headingFontSizes", /is not a size in px or rem, or an array of up to six/],
      ["[theme]\nchartCategoricalColors = []", "theme.chartCategoricalColors", /is not a non-empty array of CSS colors/],
      ['[[theme.fontFaces]]\nfamily = "X"\nurl = "javascript:alert(1)"', "theme.fontFaces", /url "javascript:alert\(1\)" is not a font URL/],
      ['[[theme.fontFaces]]\nfamily = "X"\nurl = "a.woff"\ncolor = "red"', "theme.fontFaces", /unknown key "color"/],
      ['[[theme.fontFaces]]\nfamily = "X"\nurl = "a.woff</style><script/src=//evil.example/x.js>"', "theme.fontFaces", /is not a font URL/],
      ["[theme]\nprimaryColor = 1979-05-27", "theme.primaryColor", /a date is not a CSS color/],
      ['[theme.sidebar]\nbase = "dark"', "theme.sidebar.base", /base can only be set in \[theme\], not in \[theme.sidebar\]/],
      ["[theme.dark]\nbaseFontSize = 12", "theme.dark.baseFontSize", /can only be set in \[theme\]/],
    ];
    for (const [text, option, problem] of cases) {
      const error = failure(text);
      expect(error.option, text).toBe(option);
      expect(error.message, text).toMatch(new RegExp(`^${FILE.replace(/\./g, "\\.")}: ${option.replace(/\./g, "\\.")}: `));
      expect(error.message, text).toMatch(problem);
    }
  });

  it("fails on TOML that does not parse, with its line", () => {
    const error = failure("[client]\nshowErrorDetails = \n");
    expect(error.message).toMatch(new RegExp(`^${FILE.replace(/\./g, "\\.")}: not valid TOML \\(line 2, column \\d+\\)`));
  });
});
