/**
 * Streamlit's chart look as a Vega-Lite config, from the app's theme as the page has it (the
 * `--st-*` variables where the chart sits, so a chart in the sidebar takes the sidebar's): fonts,
 * text and grid colours for light or dark, and the palettes (`theme.chartCategoricalColors`,
 * `theme.chartSequentialColors`, else Streamlit's own). Part of the chart chunk.
 */

type Config = Record<string, unknown>;

const GRAY = { gray30: "#e6eaf1", gray40: "#d5dae5", gray70: "#808495", gray85: "#31333F" };
const BLUES = ["#e4f5ff", "#c7ebff", "#a6dcff", "#83c9ff", "#60b4ff", "#3d9df3", "#1c83e1", "#0068c9", "#0054a3", "#004280"];
const DIVERGING = ["#7d353b", "#bd4043", "#ff4b4b", "#ff8c8c", "#ffc7c7", "#a6dcff", "#60b4ff", "#1c83e1", "#0054a3", "#004280"];
const CATEGORICAL_LIGHT = ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"];
const CATEGORICAL_DARK = ["#83c9ff", "#0068c9", "#ffabab", "#ff2b2b", "#7defa1", "#29b09d", "#ffd16a", "#ff8700", "#6d3fc0", "#d5dae5"];

/** Theme colour names a chart's `color` may use (Streamlit maps them to the theme's colours). */
const THEME_COLORS: Record<string, string> = {
  red: "--st-red",
  orange: "--st-orange",
  yellow: "--st-yellow",
  green: "--st-green",
  blue: "--st-blue",
  violet: "--st-violet",
  gray: "--st-gray",
  grey: "--st-gray",
  primary: "--st-primary-color",
};

export interface ChartTheme {
  dark: boolean;
  font: string;
  textColor: string;
  categorical: string[];
  sequential: string[];
  /** A theme colour name's colour, as the page resolves it. */
  named: Record<string, string>;
}

/** Reads the theme where `el` sits. */
export function readTheme(el: HTMLElement): ChartTheme {
  const style = getComputedStyle(el);
  const probe = document.createElement("span");
  probe.style.display = "none";
  el.appendChild(probe);
  const resolve = (cssVar: string, fallback: string) => {
    probe.style.color = fallback;
    probe.style.color = `var(${cssVar}, ${fallback})`;
    return getComputedStyle(probe).color || fallback;
  };
  const background = resolve("--st-background-color", "#ffffff");
  const textColor = resolve("--st-text-color", "#31333f");
  const named: Record<string, string> = {};
  for (const [name, cssVar] of Object.entries(THEME_COLORS)) named[name] = resolve(cssVar, name === "primary" ? "#ff4b4b" : name);
  probe.remove();
  const dark = luminance(background) < 0.5;
  const list = (name: string) => {
    const raw = style.getPropertyValue(name).trim();
    if (!raw) return null;
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) && parsed.length > 0 && parsed.every((c) => typeof c === "string") ? (parsed as string[]) : null;
    } catch {
      return null;
    }
  };
  return {
    dark,
    font: style.getPropertyValue("--st-font").trim() || "sans-serif",
    textColor,
    categorical: list("--st-chart-categorical-colors") ?? (dark ? CATEGORICAL_DARK : CATEGORICAL_LIGHT),
    sequential: list("--st-chart-sequential-colors") ?? (dark ? [...BLUES].reverse() : BLUES),
    named,
  };
}

/** Relative luminance (0 black to 1 white) of an `rgb(...)` colour as getComputedStyle gives it. */
function luminance(color: string): number {
  const m = color.match(/[\d.]+/g);
  if (!m || m.length < 3) return 1;
  const [r, g, b] = m.slice(0, 3).map((c) => Number(c) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Streamlit's theme for a chart (`theme="streamlit"`), under the spec's own config. */
export function streamlitConfig(theme: ChartTheme, own: unknown): Config {
  const label = theme.dark ? GRAY.gray30 : GRAY.gray70;
  const grid = theme.dark ? GRAY.gray85 : GRAY.gray30;
  const base: Config = {
    font: theme.font,
    background: "transparent",
    fieldTitle: "verbal",
    autosize: { type: "fit", contains: "padding" },
    title: { align: "left", anchor: "start", color: theme.textColor, titleFontStyle: "normal", fontWeight: 600, fontSize: 16, orient: "top", offset: 26 },
    header: { titleFontWeight: 400, titleFontSize: 16, titleColor: label, titleFontStyle: "normal", labelFontSize: 12, labelFontWeight: 400, labelColor: label, labelFontStyle: "normal" },
    axis: {
      labelFontSize: 12,
      labelFontWeight: 400,
      labelColor: label,
      labelFontStyle: "normal",
      titleFontWeight: 400,
      titleFontSize: 14,
      titleColor: label,
      titleFontStyle: "normal",
      ticks: false,
      gridColor: grid,
      domain: false,
      domainWidth: 1,
      domainColor: grid,
      labelFlush: true,
      labelFlushOffset: 1,
      labelBound: false,
      labelLimit: 100,
      titlePadding: 16,
      labelPadding: 16,
      labelSeparation: 4,
      labelOverlap: true,
    },
    legend: {
      labelFontSize: 14,
      labelFontWeight: 400,
      labelColor: label,
      titleFontSize: 14,
      titleFontWeight: 400,
      titleFontStyle: "normal",
      titleColor: label,
      titlePadding: 5,
      labelPadding: 16,
      columnPadding: 8,
      rowPadding: 4,
      padding: 7,
      symbolStrokeWidth: 4,
    },
    range: { category: theme.categorical, diverging: DIVERGING, ramp: theme.sequential, heatmap: theme.sequential },
    view: { columns: 1, strokeWidth: 0, stroke: "transparent", continuousHeight: 350, continuousWidth: 400 },
    concat: { columns: 1 },
    facet: { columns: 1 },
    mark: { tooltip: true, color: theme.categorical[0] },
    bar: { binSpacing: 4, discreteBandSize: { band: 0.85 } },
    axisDiscrete: { grid: false },
    axisXPoint: { grid: false },
    axisTemporal: { grid: false },
    axisXBand: { grid: false },
  };
  return merge(base, own);
}

/** `theme=None`: Vega-Lite's look, with the page's text colours and fonts so it stays readable. */
export function plainConfig(theme: ChartTheme, own: unknown): Config {
  const fonts = { labelFont: theme.font, titleFont: theme.font, labelFontSize: 12, titleFontSize: 12 };
  const grid = theme.dark ? GRAY.gray85 : GRAY.gray30;
  const base: Config = {
    background: "transparent",
    axis: { labelColor: theme.textColor, titleColor: theme.textColor, gridColor: grid, ...fonts },
    legend: { labelColor: theme.textColor, titleColor: theme.textColor, ...fonts },
    title: { color: theme.textColor, subtitleColor: theme.textColor, ...fonts },
    header: { labelColor: theme.textColor, titleColor: theme.textColor, ...fonts },
    view: { stroke: grid, continuousHeight: 350, continuousWidth: 400 },
    mark: { tooltip: true },
  };
  return merge(base, own);
}

/**
 * Replaces theme colour names ("red", "primary") inside colour channels (`color`, `fill`, `stroke`:
 * their `value`, `scale.range`, and `mark.color`) with the theme's colours, as Streamlit does.
 */
export function resolveNamedColors(node: unknown, theme: ChartTheme, inColor = false, key = ""): unknown {
  if (typeof node === "string") return inColor && theme.named[node] !== undefined && (key === "value" || key === "range" || COLOR_KEYS.has(key)) ? theme.named[node] : node;
  if (Array.isArray(node)) return node.map((item) => resolveNamedColors(item, theme, inColor, key === "range" ? "range" : ""));
  if (typeof node === "object" && node !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === "data" || k === "datasets" ? v : resolveNamedColors(v, theme, inColor || COLOR_KEYS.has(k), k);
    }
    return out;
  }
  return node;
}

const COLOR_KEYS = new Set(["color", "fill", "stroke"]);

/** Deep merge of plain objects, `over` winning; arrays are replaced, not merged. */
function merge(base: Config, over: unknown): Config {
  if (typeof over !== "object" || over === null || Array.isArray(over)) return base;
  const out: Config = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const mine = out[key];
    out[key] = isPlain(mine) && isPlain(value) ? merge(mine, value) : value;
  }
  return out;
}

function isPlain(value: unknown): value is Config {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
