/**
 * The resolved `[theme]` tables as the client needs them: for each theme the viewer may choose
 * (light, dark), the `--st-*` CSS variables of the main area and of the sidebar. The edge puts
 * this in the HTML shell; client/theme.ts sets the variables. Derived values (link color from
 * the primary color, the sidebar's swapped backgrounds, palette tints) are computed here, so
 * the client only copies strings.
 */
import type { ResolvedConfig } from "./resolve.ts";
import type { ConfigValue, ThemeSection } from "./options.ts";

export type ThemeMode = "light" | "dark";

/** CSS variables without their `--st-` prefix; the client prefixes sidebar ones with `--st-sidebar-`. */
export interface ThemeVars {
  main: Record<string, string>;
  sidebar: Record<string, string>;
}

export interface FontFaceSpec {
  family: string;
  url: string;
  weight?: string;
  style?: string;
  unicodeRange?: string;
}

export interface ShellTheme {
  /** The themes the viewer can pick from; with both, the app menu's Settings offers light, dark and system. */
  modes: Partial<Record<ThemeMode, ThemeVars>>;
  /** Where a first visit starts. */
  initial: ThemeMode | "system";
  fontFaces?: FontFaceSpec[];
}

/** What the page shell's JSON config carries for the client's looks (besides slug and title). */
export interface ShellAppearance {
  theme: ShellTheme;
  /** `client.toolbarMode`: "minimal" hides the app menu. */
  toolbarMode: string;
}

/** The shell's appearance fields for an app's resolved config. */
export function shellAppearance(config: ResolvedConfig): ShellAppearance {
  return { theme: shellTheme(config), toolbarMode: String(config.get("client.toolbarMode")) };
}

/**
 * As Streamlit: no theme options at all gives its stock light and dark themes and follows the
 * system; [theme] alone gives one custom theme from `base`; [theme.light] or [theme.dark] gives
 * both, each starting from its stock theme plus [theme].
 */
export function shellTheme(config: ResolvedConfig): ShellTheme {
  const set = (section: ThemeSection) => sectionValues(config, section);
  const theme = set("theme");
  const sidebar = set("theme.sidebar");
  const perMode = {
    light: { main: set("theme.light"), sidebar: set("theme.light.sidebar") },
    dark: { main: set("theme.dark"), sidebar: set("theme.dark.sidebar") },
  };
  const hasModes = [perMode.light, perMode.dark].some((m) => Object.keys(m.main).length + Object.keys(m.sidebar).length > 0);
  const customized = hasModes || Object.keys(theme).length + Object.keys(sidebar).length > 0;
  const base = theme.base === "dark" || theme.base === "light" ? theme.base : undefined;
  const modes: ThemeMode[] = hasModes || !customized ? ["light", "dark"] : [base ?? "light"];

  const result: ShellTheme = { modes: {}, initial: modes.length === 2 ? (base ?? "system") : modes[0]! };
  for (const mode of modes) {
    const layers = hasModes ? perMode[mode] : { main: {}, sidebar: {} };
    const main: Raw = { ...STOCK[mode], ...theme, ...layers.main };
    const side: Raw = {
      ...withoutKeys(main, NOT_INHERITED_BY_SIDEBAR),
      // Streamlit's sidebar swaps the two backgrounds of the main area.
      backgroundColor: main.secondaryBackgroundColor!,
      secondaryBackgroundColor: main.backgroundColor!,
      ...sidebar,
      ...layers.sidebar,
    };
    result.modes[mode] = withoutDefaults(mode, {
      main: { ...areaVars(main, mode, "main"), ...globalVars(theme, side, mode) },
      sidebar: areaVars(side, mode, "sidebar"),
    });
  }
  if (Array.isArray(theme.fontFaces) && theme.fontFaces.length > 0) {
    result.fontFaces = (theme.fontFaces as Raw[]).map((face) => ({
      family: String(face.family),
      url: String(face.url),
      ...(face.weight !== undefined ? { weight: String(face.weight) } : {}),
      ...(face.style !== undefined ? { style: String(face.style) } : {}),
      ...(face.unicodeRange !== undefined ? { unicodeRange: String(face.unicodeRange) } : {}),
    }));
  }
  return result;
}

/**
 * [[theme.fontFaces]] as CSS `@font-face` rules, for a <style> in the page shell: the browser
 * fetches a font when text first uses it, and no script is needed. Every part was validated
 * (validate.ts), so nothing here can end the rule or the element.
 */
export function fontFaceCss(faces: readonly FontFaceSpec[] = []): string {
  return faces
    .map((face) => {
      const parts = [`font-family: "${face.family}"`, `src: url("${face.url}")`];
      if (face.weight) parts.push(`font-weight: ${face.weight}`);
      if (face.style) parts.push(`font-style: ${face.style}`);
      if (face.unicodeRange) parts.push(`unicode-range: ${face.unicodeRange}`);
      return `@font-face { ${parts.join("; ")}; }`;
    })
    .join("\n");
}

/**
 * The page shell's first paint, before any script: the background, text colour and colour scheme
 * of the theme the client will apply (client/theme.ts), so a dark app never flashes light. With a
 * light and a dark theme, "system" follows the browser's preference, and the viewer's stored
 * choice shows through `data-st-theme` on <html>, which the shell's one inline script sets from
 * localStorage (edge/pages.ts). Every colour was validated (validate.ts); `<` is escaped anyway.
 */
export function firstPaintCss(theme: ShellTheme): string {
  const rule = (selector: string, mode: ThemeMode) => {
    const vars = { ...stockVars(mode).main, ...theme.modes[mode]?.main };
    return `${selector}{--st-background-color:${vars["background-color"]};--st-text-color:${vars["text-color"]};--st-color-scheme:${mode}}`;
  };
  const both = theme.modes.light !== undefined && theme.modes.dark !== undefined;
  const first: ThemeMode = theme.initial === "system" ? "light" : theme.modes[theme.initial] ? theme.initial : theme.modes.light ? "light" : "dark";
  let css = rule(":root", first);
  if (both) {
    if (theme.initial === "system") css += `@media (prefers-color-scheme: dark){${rule(":root", "dark")}}`;
    css += rule(':root[data-st-theme="light"]', "light") + rule(':root[data-st-theme="dark"]', "dark");
  }
  return css.replace(/</g, "\\3c ");
}

/** Every variable of a stock theme: client/theme.css declares the light ones in `:root`. */
export function stockVars(mode: ThemeMode): ThemeVars {
  const main: Raw = { ...STOCK[mode] };
  const side: Raw = { ...main, backgroundColor: main.secondaryBackgroundColor!, secondaryBackgroundColor: main.backgroundColor! };
  return { main: { ...areaVars(main, mode, "main"), ...globalVars({}, side, mode) }, sidebar: areaVars(side, mode, "sidebar") };
}

// ---- helpers ----

type Raw = Record<string, ConfigValue>;

const PALETTE = ["red", "orange", "yellow", "green", "blue", "violet", "gray"] as const;

/** Streamlit's stock themes, in config.toml's names. */
const STOCK: Record<ThemeMode, Raw> = {
  light: {
    primaryColor: "#ff4b4b",
    backgroundColor: "#ffffff",
    secondaryBackgroundColor: "#f0f2f6",
    textColor: "#31333f",
    codeTextColor: "#09ab3b",
    ...palette(
      ["#ff2b2b", "#ff8700", "#faca2b", "#21c354", "#1c83e1", "#803df5", "#808495"],
      ["#bd4043", "#e2660c", "#926c05", "#158237", "#0054a3", "#583f84", "#555867"],
    ),
  },
  dark: {
    primaryColor: "#ff4b4b",
    backgroundColor: "#0e1117",
    secondaryBackgroundColor: "#262730",
    textColor: "#fafafa",
    codeTextColor: "#3dd56d",
    ...palette(
      ["#ff6c6c", "#ffbd45", "#ffe312", "#3dd56d", "#3d9df3", "#9a5dff", "#a3a8b8"],
      ["#ffabab", "#ffd16a", "#ffe08e", "#7defa1", "#83c9ff", "#c89dff", "#d5dae5"],
    ),
  },
};

function palette(colors: string[], texts: string[]): Raw {
  const raw: Raw = {};
  PALETTE.forEach((name, i) => {
    raw[`${name}Color`] = colors[i]!;
    raw[`${name}TextColor`] = texts[i]!;
  });
  return raw;
}

/** Heading sizes and weights set in [theme] are not inherited by [theme.sidebar], as in Streamlit. */
const NOT_INHERITED_BY_SIDEBAR = ["headingFontSizes", "headingFontWeights"];

const HEADING_SIZES = {
  main: ["2.75rem", "2.25rem", "1.75rem", "1.5rem", "1.25rem", "1rem"],
  sidebar: ["1.5rem", "1.25rem", "1.125rem", "1rem", "0.875rem", "0.75rem"],
};
const HEADING_WEIGHTS = [700, 600, 600, 600, 600, 600];

const RADII: Record<string, string> = { none: "0", small: "0.25rem", medium: "0.5rem", large: "1rem", full: "1.25rem" };

const FONT_STACKS: Record<string, string> = {
  "sans-serif": '"Source Sans Pro", "Source Sans 3", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  serif: '"Source Serif Pro", "Source Serif 4", Georgia, "Times New Roman", serif',
  monospace: '"Source Code Pro", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
};
const GENERIC_FAMILIES = new Set(["cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "emoji", "math"]);

function areaVars(raw: Raw, mode: ThemeMode, area: "main" | "sidebar"): Record<string, string> {
  const text = String(raw.textColor);
  const background = String(raw.backgroundColor);
  const secondary = String(raw.secondaryBackgroundColor);
  const border = raw.borderColor !== undefined ? String(raw.borderColor) : mix(text, 20);
  const vars: Record<string, string> = {
    "primary-color": String(raw.primaryColor),
    "background-color": background,
    "secondary-background-color": secondary,
    "text-color": text,
    "link-color": String(raw.linkColor ?? raw.primaryColor),
    "link-decoration": raw.linkUnderline === false ? "none" : "underline",
    "code-text-color": String(raw.codeTextColor),
    "code-background-color": String(raw.codeBackgroundColor ?? secondary),
    "border-color": border,
    "widget-border-color": raw.showWidgetBorder === true ? border : "transparent",
    "dataframe-border-color": String(raw.dataframeBorderColor ?? border),
    "dataframe-header-background-color": String(raw.dataframeHeaderBackgroundColor ?? `color-mix(in srgb, ${background} 50%, ${secondary})`),
    font: fontStack(String(raw.font ?? "sans-serif")),
    "heading-font": fontStack(String(raw.headingFont ?? raw.font ?? "sans-serif")),
    "code-font": fontStack(String(raw.codeFont ?? "monospace")),
    "code-font-size": String(raw.codeFontSize ?? "0.875em"),
    "code-font-weight": String(raw.codeFontWeight ?? 400),
    radius: radius(raw.baseRadius ?? "medium"),
    "button-radius": radius(raw.buttonRadius ?? raw.baseRadius ?? "medium"),
  };
  const sizes = perHeading(raw.headingFontSizes, HEADING_SIZES[area]);
  const weights = perHeading(raw.headingFontWeights, HEADING_WEIGHTS);
  for (let level = 1; level <= 6; level++) {
    vars[`h${level}-font-size`] = String(sizes[level - 1]);
    vars[`h${level}-font-weight`] = String(weights[level - 1]);
  }
  for (const name of PALETTE) {
    const color = String(raw[`${name}Color`]);
    const stock = STOCK[mode][`${name}Color`];
    vars[name] = color;
    // Pale yellow needs a stronger tint to show on white.
    vars[`${name}-background`] = String(raw[`${name}BackgroundColor`] ?? mix(color, mode === "dark" ? 20 : name === "yellow" ? 20 : 10));
    // A configured color without its own text color gets one mixed from it, as Streamlit derives it.
    const text = raw[`${name}TextColor`];
    const derived = color !== stock && text === STOCK[mode][`${name}TextColor`];
    vars[`${name}-text`] = derived ? `color-mix(in srgb, ${color} 70%, ${mode === "dark" ? "white" : "black"})` : String(text);
  }
  return vars;
}

/** Options of [theme] alone, which apply to the whole page. */
function globalVars(theme: Raw, side: Raw, mode: ThemeMode): Record<string, string> {
  const sideBorder = side.borderColor !== undefined ? String(side.borderColor) : mix(String(side.textColor), 20);
  return {
    // Native controls and scrollbars follow the theme.
    "color-scheme": mode,
    "base-font-size": `${typeof theme.baseFontSize === "number" ? theme.baseFontSize : 16}px`,
    "base-font-weight": String(theme.baseFontWeight ?? 400),
    "sidebar-separator": theme.showSidebarBorder === true ? `1px solid ${sideBorder}` : "none",
    // Chart palettes, as JSON lists the chart renderer reads (client/elements/chartTheme.ts); unset, it picks Streamlit's for light or dark.
    ...(Array.isArray(theme.chartCategoricalColors) ? { "chart-categorical-colors": JSON.stringify(theme.chartCategoricalColors) } : {}),
    ...(Array.isArray(theme.chartSequentialColors) ? { "chart-sequential-colors": JSON.stringify(theme.chartSequentialColors) } : {}),
  };
}

function mix(color: string, percent: number): string {
  return `color-mix(in srgb, ${color} ${percent}%, transparent)`;
}

function radius(value: ConfigValue): string {
  return RADII[String(value)] ?? String(value);
}

function perHeading(value: ConfigValue | undefined, defaults: readonly (string | number)[]): (string | number)[] {
  if (value === undefined) return [...defaults];
  if (!Array.isArray(value)) return defaults.map(() => value as string | number);
  return defaults.map((d, i) => (value[i] as string | number | undefined) ?? d);
}

/** config.toml's font names to a CSS font-family list: Streamlit's keywords to its font stacks, other names quoted. */
function fontStack(value: string): string {
  return value
    .split(",")
    .map((part) => part.trim())
    .map((part) => {
      const keyword = part === "sans serif" ? "sans-serif" : part;
      if (FONT_STACKS[keyword]) return FONT_STACKS[keyword];
      if (/^["'].*["']$/.test(part) || GENERIC_FAMILIES.has(part)) return part;
      return `"${part.replace(/["']/g, "")}"`;
    })
    .join(", ");
}

function sectionValues(config: ResolvedConfig, section: ThemeSection): Raw {
  const raw: Raw = {};
  for (const { option, value } of config.entries()) {
    if (option.section === section && value !== undefined) raw[option.name] = value;
  }
  return raw;
}

function withoutKeys(raw: Raw, keys: readonly string[]): Raw {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !keys.includes(key)));
}

const LIGHT_DEFAULTS = stockVars("light");

/** Drops what client/theme.css already declares, to keep the shell small. */
function withoutDefaults(mode: ThemeMode, vars: ThemeVars): ThemeVars {
  if (mode !== "light") return vars;
  const keep = (own: Record<string, string>, defaults: Record<string, string>) =>
    Object.fromEntries(Object.entries(own).filter(([key, value]) => defaults[key] !== value));
  return { main: keep(vars.main, LIGHT_DEFAULTS.main), sidebar: keep(vars.sidebar, LIGHT_DEFAULTS.sidebar) };
}
