/**
 * Checks config values against the option table: a parsed config.toml at build time, an
 * environment binding at run time. A bad value is a `ConfigError` naming the option and where
 * it came from; an unknown option is a warning.
 */
import {
  findOption,
  SECTIONS,
  STREAMLIT_ONLY_KEYS,
  THEME_ONLY_NAMES,
  type AppConfigFile,
  type ConfigOption,
  type ConfigValue,
} from "./options.ts";

/** A config value that cannot be used: the message names the option and the file or binding. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    /** config.toml's path, or the environment binding's name. */
    readonly where: string,
    /** The option's key, when the problem is one option's value. */
    readonly option: string | undefined,
    problem: string,
  ) {
    super(option ? `${where}: ${option}: ${problem}` : `${where}: ${problem}`);
  }
}

export interface ValidatedConfig {
  config: AppConfigFile;
  warnings: string[];
}

/** Walks a parsed config.toml: every known option checked, every unknown one a warning. */
export function validateConfigTable(table: Readonly<Record<string, unknown>>, file: string): ValidatedConfig {
  const config: Record<string, ConfigValue> = {};
  const warnings: string[] = [];
  const walk = (node: Readonly<Record<string, unknown>>, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${name}` : name;
      const option = findOption(key);
      if (option) {
        config[key] = checked(option, value, file);
      } else if (key in SECTIONS && isTable(value)) {
        walk(value, key);
      } else if (prefix.startsWith("theme.") && THEME_ONLY_NAMES.has(name)) {
        throw new ConfigError(file, key, `${name} can only be set in [theme], not in [${prefix}].`);
      } else if (STREAMLIT_ONLY_KEYS.has(key) || STREAMLIT_ONLY_SECTIONS.has(prefix || name)) {
        warnings.push(`${file}: ${isTable(value) ? `[${key}]` : key} has no meaning on the edge; ignored.`);
      } else {
        warnings.push(`${file}: "${key}" is not a valid config option; ignored.`);
      }
    }
  };
  walk(table, "");
  return { config, warnings };
}

/** An environment binding's value for `option`: text converted to the option's type, then checked. */
export function envValue(option: ConfigOption, raw: unknown, binding: string): ConfigValue {
  // Bindings from wrangler's `vars` arrive typed already; secrets and .dev.vars as text.
  return naming(option, binding, () => check(option, typeof raw === "string" ? fromText(option, raw.trim()) : raw));
}

/** Checks one value; returns it normalized (sizes given as numbers become px). */
export function checked(option: ConfigOption, value: unknown, where: string): ConfigValue {
  return naming(option, where, () => check(option, value));
}

// ---- helpers ----

class ValueProblem extends Error {}

function naming(option: ConfigOption, where: string, get: () => ConfigValue): ConfigValue {
  try {
    return get();
  } catch (error) {
    if (error instanceof ValueProblem) throw new ConfigError(where, option.key, error.message);
    throw error;
  }
}

const STREAMLIT_ONLY_SECTIONS = new Set(["global", "magic", "ui", "mapbox", "secrets"]);

function check(option: ConfigOption, value: unknown): ConfigValue {
  switch (option.kind) {
    case "boolean":
      if (typeof value !== "boolean") fail(value, "true or false");
      return value;
    case "integer":
      if (!Number.isInteger(value) || (option.min !== undefined && (value as number) < option.min)) {
        fail(value, option.min !== undefined ? `an integer of at least ${option.min}` : "an integer");
      }
      return value as number;
    case "enum":
      if (!option.values?.includes(value as string | boolean)) fail(value, `one of ${option.values?.map((v) => JSON.stringify(v)).join(", ")}`);
      return value as string | boolean;
    case "string":
      if (typeof value !== "string") fail(value, "a string");
      return value;
    case "color":
      return color(value);
    case "colors":
      if (!Array.isArray(value) || value.length === 0) fail(value, "a non-empty array of CSS colors");
      return value.map(color);
    case "font":
      return font(value);
    case "size":
      return size(value);
    case "sizes":
      return list(value, size, 6, "a size in px or rem, or an array of up to six");
    case "weight":
      return weight(value, 600);
    case "weights":
      return list(value, (v) => weight(v, 900), 6, "a font weight, or an array of up to six");
    case "radius":
      return typeof value === "string" && RADIUS_PRESETS.includes(value) ? value : size(value, `one of ${RADIUS_PRESETS.join(", ")}, or a size in px or rem`);
    case "fontFaces":
      if (!Array.isArray(value)) fail(value, "an array of [[theme.fontFaces]] tables");
      return value.map(fontFace);
  }
}

function fail(value: unknown, expected: string): never {
  throw new ValueProblem(`${describe(value)} is not ${expected}.`);
}

function describe(value: unknown): string {
  if (value instanceof Date || (typeof value === "object" && value !== null && !Array.isArray(value) && !isTable(value))) return "a date";
  if (isTable(value)) return "a table";
  return JSON.stringify(value) ?? String(value);
}

const RADIUS_PRESETS = ["none", "small", "medium", "large", "full"];
const SIZE = /^\d+(\.\d+)?(px|rem)$/;

function size(value: unknown, expected = "a size in px or rem, like \"14px\" or \"0.875rem\""): string {
  if (typeof value === "number" && value >= 0) return `${value}px`;
  if (typeof value !== "string" || !SIZE.test(value.trim())) fail(value, expected);
  return value.trim();
}

function weight(value: unknown, max: number): number {
  if (!Number.isInteger(value) || (value as number) < 100 || (value as number) > max || (value as number) % 100 !== 0) {
    fail(value, `a font weight: a multiple of 100 from 100 to ${max}`);
  }
  return value as number;
}

function list<T extends ConfigValue>(value: unknown, item: (v: unknown) => T, max: number, expected: string): T | T[] {
  if (!Array.isArray(value)) return item(value);
  if (value.length === 0 || value.length > max) fail(value, expected);
  return value.map(item);
}

// Font family lists go into CSS: names, quotes, commas and spaces only.
const FONT = /^[\w\s"',.-]+$/;

function font(value: unknown): string {
  if (typeof value !== "string" || !FONT.test(value) || value.split(",").some((part) => part.trim() === "")) {
    fail(value, 'a font family list, like "sans-serif" or "Inter, sans-serif"');
  }
  return value.trim();
}

const FONT_FACE_KEYS = new Set(["family", "url", "weight", "style", "unicodeRange"]);
// A URL for CSS `url(...)` in the page's <style>: no quotes, parentheses, backslashes, spaces or
// angle brackets, and no script schemes.
const FONT_URL = /^(?!\s*(javascript|vbscript|blob|file):)[^\s"'()\\<>]+$/i;

function fontFace(value: unknown, index: number): ConfigValue {
  const where = `[[theme.fontFaces]] #${index + 1}`;
  if (!isTable(value)) throw new ValueProblem(`${where} is ${describe(value)}, not a table.`);
  for (const key of Object.keys(value)) {
    if (!FONT_FACE_KEYS.has(key)) throw new ValueProblem(`${where} has an unknown key "${key}" (family, url, weight, style, unicodeRange).`);
  }
  const { family, url, weight: faceWeight, style, unicodeRange } = value;
  if (typeof family !== "string" || !/^[\w\s.-]+$/.test(family.trim())) throw new ValueProblem(`${where}: family ${describe(family)} is not a font family name.`);
  if (typeof url !== "string" || !FONT_URL.test(url)) throw new ValueProblem(`${where}: url ${describe(url)} is not a font URL (a path like "app/static/font.woff2", or https:).`);
  const face: Record<string, ConfigValue> = { family: family.trim(), url };
  if (faceWeight !== undefined) {
    if (!(Number.isInteger(faceWeight) || (typeof faceWeight === "string" && /^(\d{3}( \d{3})?|normal|bold)$/.test(faceWeight)))) {
      throw new ValueProblem(`${where}: weight ${describe(faceWeight)} is not a font weight (400, "400", "100 900", "bold").`);
    }
    face.weight = faceWeight as number | string;
  }
  if (style !== undefined) {
    if (typeof style !== "string" || !/^(normal|italic|oblique)$/.test(style)) throw new ValueProblem(`${where}: style ${describe(style)} is not normal, italic or oblique.`);
    face.style = style;
  }
  if (unicodeRange !== undefined) {
    if (typeof unicodeRange !== "string" || !/^[Uu]\+[0-9A-Fa-f?]+(-[0-9A-Fa-f]+)?(\s*,\s*[Uu]\+[0-9A-Fa-f?]+(-[0-9A-Fa-f]+)?)*$/.test(unicodeRange)) {
      throw new ValueProblem(`${where}: unicodeRange ${describe(unicodeRange)} is not a unicode-range like "U+0000-00FF, U+0131".`);
    }
    face.unicodeRange = unicodeRange;
  }
  return face;
}

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTIONAL = /^(rgba?|hsla?)\(\s*[\d.%+-]+(\s*[,\s]\s*[\d.%+-]+){2}(\s*[,/]\s*[\d.%+-]+)?\s*\)$/i;

function color(value: unknown): string {
  if (typeof value === "string") {
    const text = value.trim();
    if (HEX.test(text) || FUNCTIONAL.test(text) || NAMED_COLORS.has(text.toLowerCase())) return text;
  }
  fail(value, "a CSS color (#rgb, #rrggbb, rgb(), rgba(), hsl(), hsla() or a color name)");
}

function fromText(option: ConfigOption, text: string): unknown {
  switch (option.kind) {
    case "boolean":
      return textBoolean(text) ?? text;
    case "enum":
      return option.values?.some((v) => typeof v === "boolean") ? (textBoolean(text) ?? text) : text;
    case "integer":
    case "weight":
      return /^[+-]?\d+$/.test(text) ? Number(text) : text;
    case "colors":
    case "sizes":
    case "weights":
    case "fontFaces":
      if (text.startsWith("[")) {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new ValueProblem(`${JSON.stringify(text)} is not a valid JSON array.`);
        }
      }
      if (option.kind === "colors") return [text];
      if (option.kind === "weights") return /^\d+$/.test(text) ? Number(text) : text;
      return text;
    default:
      return text;
  }
}

/** How Streamlit's command line reads a flag: true/false, 1/0, yes/no, on/off. */
function textBoolean(text: string): boolean | undefined {
  if (/^(true|1|yes|on)$/i.test(text)) return true;
  if (/^(false|0|no|off)$/i.test(text)) return false;
  return undefined;
}

function isTable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const NAMED_COLORS = new Set(
  (
    "transparent currentcolor aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue " +
    "blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue " +
    "darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid " +
    "darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink " +
    "deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold " +
    "goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush " +
    "lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey " +
    "lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime " +
    "limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen " +
    "mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin " +
    "navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise " +
    "palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue " +
    "saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow " +
    "springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen"
  ).split(" "),
);
