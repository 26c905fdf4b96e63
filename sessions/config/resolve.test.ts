import { describe, expect, it } from "vitest";
import { CONFIG_OPTIONS, envVarName } from "./options.ts";
import { resolveConfig } from "./resolve.ts";
import { ConfigError } from "./validate.ts";

describe("Streamlit's precedence: defaults < config.toml < environment bindings", () => {
  it("names each option's binding as Streamlit does: STREAMLIT_ and the key in upper snake case", () => {
    expect(envVarName("client.showErrorDetails")).toBe("STREAMLIT_CLIENT_SHOW_ERROR_DETAILS");
    expect(envVarName("theme.primaryColor")).toBe("STREAMLIT_THEME_PRIMARY_COLOR");
    expect(envVarName("server.enableStaticServing")).toBe("STREAMLIT_SERVER_ENABLE_STATIC_SERVING");
    expect(envVarName("theme.light.sidebar.backgroundColor")).toBe("STREAMLIT_THEME_LIGHT_SIDEBAR_BACKGROUND_COLOR");
    expect(new Set(CONFIG_OPTIONS.map((o) => envVarName(o.key))).size).toBe(CONFIG_OPTIONS.length);
  });

  it("takes the default, then config.toml, then the binding, and says where each value came from", () => {
    const file = { "client.showErrorDetails": "type", "theme.primaryColor": "#111111", "server.maxUploadSize": 20 };
    const config = resolveConfig(file, { STREAMLIT_THEME_PRIMARY_COLOR: "#222222", STREAMLIT_SERVER_ENABLE_STATIC_SERVING: "true", OTHER: "x" });
    expect([config.get("client.toolbarMode"), config.source("client.toolbarMode")]).toEqual(["auto", "default"]);
    expect([config.get("client.showErrorDetails"), config.source("client.showErrorDetails")]).toEqual(["type", "config.toml"]);
    expect([config.get("theme.primaryColor"), config.source("theme.primaryColor")]).toEqual(["#222222", "env"]);
    expect([config.get("server.enableStaticServing"), config.source("server.enableStaticServing")]).toEqual([true, "env"]);
    expect(config.get("server.maxUploadSize")).toBe(20);
    expect(config.get("theme.textColor")).toBeUndefined();
    expect(config.warnings).toEqual([]);
    expect([...config.entries()].length).toBe(CONFIG_OPTIONS.length);
  });

  it("reads bindings as text (secrets, .dev.vars) or typed (wrangler vars)", () => {
    const text = resolveConfig(undefined, {
      STREAMLIT_SERVER_MAX_UPLOAD_SIZE: "64",
      STREAMLIT_CLIENT_SHOW_ERROR_DETAILS: "False",
      STREAMLIT_THEME_CHART_CATEGORICAL_COLORS: '["#ff0000", "blue"]',
      STREAMLIT_THEME_HEADING_FONT_SIZES: "2rem",
      STREAMLIT_THEME_FONT_FACES: '[{"family": "Inter", "url": "app/static/Inter.woff2"}]',
    });
    expect(text.get("server.maxUploadSize")).toBe(64);
    expect(text.get("client.showErrorDetails")).toBe(false);
    expect(text.get("theme.chartCategoricalColors")).toEqual(["#ff0000", "blue"]);
    expect(text.get("theme.headingFontSizes")).toBe("2rem");
    expect(text.get("theme.fontFaces")).toEqual([{ family: "Inter", url: "app/static/Inter.woff2" }]);
    const typed = resolveConfig(undefined, { STREAMLIT_SERVER_ENABLE_STATIC_SERVING: true, STREAMLIT_THEME_BASE_FONT_SIZE: 18 });
    expect([typed.get("server.enableStaticServing"), typed.get("theme.baseFontSize")]).toEqual([true, 18]);
  });

  it("maps client.showErrorDetails to Streamlit's levels: true is full, false is stacktrace", () => {
    const level = (value: unknown) => resolveConfig({}, { STREAMLIT_CLIENT_SHOW_ERROR_DETAILS: value }).showErrorDetails;
    expect([level("full"), level("stacktrace"), level("type"), level("none"), level("true"), level(false)]).toEqual([
      "full",
      "stacktrace",
      "type",
      "none",
      "full",
      "stacktrace",
    ]);
    expect(resolveConfig(undefined).showErrorDetails).toBe("full");
    expect(resolveConfig(undefined).enableStaticServing).toBe(false);
  });

  it("fails loudly on a bad binding, naming the binding and the option", () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ STREAMLIT_CLIENT_SHOW_ERROR_DETAILS: "verbose" }, /^STREAMLIT_CLIENT_SHOW_ERROR_DETAILS: client\.showErrorDetails: "verbose" is not one of/],
      [{ STREAMLIT_SERVER_ENABLE_STATIC_SERVING: "sometimes" }, /^STREAMLIT_SERVER_ENABLE_STATIC_SERVING: server\.enableStaticServing: "sometimes" is not true or false/],
      [{ STREAMLIT_THEME_PRIMARY_COLOR: "#12" }, /^STREAMLIT_THEME_PRIMARY_COLOR: theme\.primaryColor: "#12" is not a CSS color/],
      [{ STREAMLIT_THEME_CHART_CATEGORICAL_COLORS: "[oops" }, /theme\.chartCategoricalColors: "\[oops" is not a valid JSON array/],
    ];
    for (const [env, message] of bad) {
      expect(() => resolveConfig(undefined, env)).toThrow(ConfigError);
      expect(() => resolveConfig(undefined, env)).toThrow(message);
    }
  });

  it("lists STREAMLIT_* bindings that name no option", () => {
    expect(resolveConfig(undefined, { STREAMLIT_SERVER_PORT: "80" }).warnings).toEqual(["STREAMLIT_SERVER_PORT names no config option; ignored."]);
  });
});
