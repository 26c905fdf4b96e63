/**
 * The options of an app's `.streamlit/config.toml` that mean something on the edge: Streamlit's
 * sections and names, their types and defaults. The build validates config.toml against this
 * table, the Worker resolves it against `STREAMLIT_*` bindings, `npm run config` prints it.
 * Plain TypeScript, no Cloudflare import.
 */

export type ConfigValue = string | number | boolean | readonly ConfigValue[] | { readonly [key: string]: ConfigValue };

/** An app's config.toml as the build validated it: option key ("theme.primaryColor") → value. */
export type AppConfigFile = Readonly<Record<string, ConfigValue>>;

/** How a value is checked; see validate.ts. */
export type OptionKind =
  | "boolean"
  | "integer"
  | "enum"
  | "string"
  | "color"
  | "colors"
  | "font"
  | "size"
  | "sizes"
  | "weight"
  | "weights"
  | "radius"
  | "fontFaces";

export interface ConfigOption {
  /** "section.name", as in `streamlit config show`. */
  key: string;
  section: string;
  name: string;
  kind: OptionKind;
  /** An enum's allowed values. */
  values?: readonly (string | boolean)[];
  /** An integer's lower bound. */
  min?: number;
  /** Streamlit's default; `undefined` when unset means "the theme decides". */
  default: ConfigValue | undefined;
  description: string;
  /** Why setting it changes nothing on the edge, when that is so. */
  inert?: string;
}

export const SECTIONS: Readonly<Record<string, string>> = {
  logger: "Settings to customize Streamlit log messages.",
  client: "Settings for scripts that use Streamlit.",
  runner: "Settings for how Streamlit executes your script.",
  server: "Settings for the Streamlit server (here: the edge Worker).",
  browser: "Configuration of non-UI browser options.",
  theme: "Settings to define a custom theme for your Streamlit app.",
  "theme.sidebar": "A custom theme for the sidebar.",
  "theme.light": "A custom light theme: with [theme.dark], the viewer chooses in Settings.",
  "theme.dark": "A custom dark theme: with [theme.light], the viewer chooses in Settings.",
  "theme.light.sidebar": "The sidebar of the custom light theme.",
  "theme.dark.sidebar": "The sidebar of the custom dark theme.",
};

export const THEME_SECTIONS = ["theme", "theme.sidebar", "theme.light", "theme.dark", "theme.light.sidebar", "theme.dark.sidebar"] as const;
export type ThemeSection = (typeof THEME_SECTIONS)[number];

/** `client.showErrorDetails`: Streamlit's four levels, and its legacy booleans. */
export const SHOW_ERROR_DETAILS_VALUES = ["full", "stacktrace", "type", "none", true, false] as const;

const NO_MAGIC = "TypeScript has no magic: only st calls write to the app.";

const GENERAL: ConfigOption[] = [
  option("logger.level", "enum", "info", "Level of logging for the platform's own messages: error, warning, info or debug.", {
    values: ["error", "warning", "info", "debug"],
    inert: "Workers logs keep every level; filter them in the dashboard or `wrangler tail`.",
  }),
  option("logger.messageFormat", "string", "%(asctime)s %(message)s", "String format for logging messages.", {
    inert: "Workers logs are structured and stamped by the platform.",
  }),
  option(
    "client.showErrorDetails",
    "enum",
    "full",
    'How much of an uncaught exception the browser sees: "full" (type, message, traceback), "stacktrace" ' +
      '(type, traceback, a generic message), "type" (type, a generic message), "none" (a generic message). ' +
      'The server always logs the whole exception. true means "full", false "stacktrace" (deprecated).',
    { values: SHOW_ERROR_DETAILS_VALUES },
  ),
  option("client.toolbarMode", "enum", "auto", 'Items of the app menu (top right): "minimal" hides the menu.', {
    values: ["auto", "developer", "viewer", "minimal"],
  }),
  option(
    "client.showSidebarNavigation",
    "boolean",
    true,
    'Whether a multipage app shows its page navigation in the sidebar. false hides it; st.navigation(position="top") still shows.',
  ),
  option("runner.magicEnabled", "boolean", true, "Write a bare expression to the app.", { inert: NO_MAGIC }),
  option("runner.fastReruns", "boolean", true, "Handle a rerun request at once, ending the run in progress at its next st call.", {
    inert: "Always on: a newer event ends the run in progress at its next st call.",
  }),
  option("runner.enforceSerializableSessionState", "boolean", false, "Raise an exception when session state holds a value that cannot be stored.", {
    inert: "Session state that cannot be stored is kept in memory and a warning is logged.",
  }),
  option("runner.enumCoercion", "enum", "nameOnly", "How options widgets coerce enum members across reruns.", {
    values: ["off", "nameOnly", "nameAndValue"],
    inert: "TypeScript enums are plain values; nothing to coerce.",
  }),
  option(
    "runner.cpuLimitSeconds",
    "integer",
    30,
    "Edgelit's own: the CPU time, in seconds, one run of the script may spend. A run past it is stopped with an error " +
      "box, its session state left as the last finished run left it; the viewer's next interaction runs the script again.",
    { min: 1 },
  ),
  option("server.enableStaticServing", "boolean", false, "Serve the files of the app's static/ folder at app/static/<file>."),
  option("server.maxUploadSize", "integer", 200, "Max size, in megabytes, of a file uploaded with st.file_uploader.", { min: 1 }),
  option("server.maxMessageSize", "integer", 200, "Max size, in megabytes, of a WebSocket message: a table or chart whose data would exceed it is an error, as in Streamlit.", {
    min: 1,
  }),
  option("browser.gatherUsageStats", "boolean", true, "Whether to send usage statistics to Streamlit.", {
    inert: "Edgelit sends no usage statistics.",
  }),
];

/** Theme options every theme section takes: [theme], its sidebar, light and dark tables. */
const THEME_EVERYWHERE: [string, OptionKind, string][] = [
  ["primaryColor", "color", "Primary accent color."],
  ["backgroundColor", "color", "Background color of the app."],
  ["secondaryBackgroundColor", "color", "Background color of most widgets and code blocks."],
  ["textColor", "color", "Color of almost all text."],
  ["linkColor", "color", "Color of links; the primary color if unset."],
  ["linkUnderline", "boolean", "Whether links are underlined."],
  ["codeTextColor", "color", "Color of inline code."],
  ["codeBackgroundColor", "color", "Background color of code blocks; the secondary background if unset."],
  ["font", "font", 'Font family of all text but code: "sans-serif", "serif", "monospace", a [[theme.fontFaces]] family, or a comma-separated list of these.'],
  ["headingFont", "font", "Font family of headings; the font if unset."],
  ["headingFontSizes", "sizes", "Font sizes of h1-h6 headings (px or rem): one for all, or up to six."],
  ["headingFontWeights", "weights", "Font weights of h1-h6 headings: one for all, or up to six."],
  ["codeFont", "font", "Font family of code."],
  ["codeFontSize", "size", "Font size of code (px or rem)."],
  ["codeFontWeight", "weight", "Font weight of code: a multiple of 100 from 100 to 600."],
  ["baseRadius", "radius", 'Corner radius of most elements: "none", "small", "medium", "large", "full", or a size in px or rem.'],
  ["buttonRadius", "radius", "Corner radius of buttons; the base radius if unset."],
  ["borderColor", "color", "Color of the borders around elements."],
  ["dataframeBorderColor", "color", "Color of the borders of dataframes and tables; the border color if unset."],
  ["dataframeHeaderBackgroundColor", "color", "Background color of dataframe headers."],
  ["showWidgetBorder", "boolean", "Whether input widgets have a border."],
  ...(["red", "orange", "yellow", "blue", "green", "violet", "gray"] as const).flatMap((color): [string, OptionKind, string][] => [
    [`${color}Color`, "color", `The ${color} of the basic palette (colored Markdown text, badges, alerts).`],
    [`${color}BackgroundColor`, "color", `Background color paired with ${color}.`],
    [`${color}TextColor`, "color", `Text color paired with ${color}.`],
  ]),
];

/** Theme options only [theme] takes. */
const THEME_ONLY: [string, OptionKind, string, Partial<ConfigOption>?][] = [
  ["base", "enum", 'The preset theme the custom theme starts from: "light" or "dark".', { values: ["light", "dark"] }],
  ["baseFontSize", "integer", "Root font size in pixels; 16 if unset.", { min: 1 }],
  ["baseFontWeight", "weight", "Root font weight: a multiple of 100 from 100 to 600; 400 if unset."],
  ["fontFaces", "fontFaces", "Fonts to load: [[theme.fontFaces]] tables with family, url, and optional weight, style, unicodeRange."],
  ["showSidebarBorder", "boolean", "Whether a line separates the sidebar from the main area."],
  ["chartCategoricalColors", "colors", "Colors of categorical chart data: the series of st.line_chart, st.bar_chart... and the category range of charts in the Streamlit theme."],
  ["chartSequentialColors", "colors", "Ten colors of sequential chart data (quantitative color scales), from low to high."],
];

const THEME: ConfigOption[] = [
  ...THEME_ONLY.map(([name, kind, description, extra]) => option(`theme.${name}`, kind, undefined, description, extra)),
  ...THEME_SECTIONS.flatMap((section) =>
    THEME_EVERYWHERE.map(([name, kind, description]) => option(`${section}.${name}`, kind, undefined, description)),
  ),
];

/** Every option, in the order `npm run config -- show` prints them. */
export const CONFIG_OPTIONS: readonly ConfigOption[] = [...GENERAL, ...THEME];

const BY_KEY = new Map(CONFIG_OPTIONS.map((o) => [o.key, o]));

export function findOption(key: string): ConfigOption | undefined {
  return BY_KEY.get(key);
}

/** Names of the options only [theme] takes, to tell a misplaced one from an unknown one. */
export const THEME_ONLY_NAMES: ReadonlySet<string> = new Set(THEME_ONLY.map(([name]) => name));

/**
 * Streamlit options with no meaning on the edge (ports, file watching, TLS, CORS, cookies are
 * the platform's): accepted with a warning that says so, never an error.
 */
export const STREAMLIT_ONLY_KEYS: ReadonlySet<string> = new Set([
  "global.disableWidgetStateDuplicationWarning",
  "global.showWarningOnDirectExecution",
  "logger.enableRich",
  "server.folderWatchList",
  "server.folderWatchBlacklist",
  "server.fileWatcherType",
  "server.cookieSecret",
  "server.headless",
  "server.showEmailPrompt",
  "server.runOnSave",
  "server.address",
  "server.port",
  "server.baseUrlPath",
  "server.enableCORS",
  "server.corsAllowedOrigins",
  "server.enableXsrfProtection",
  "server.enableWebsocketCompression",
  "server.websocketPingInterval",
  "server.disconnectedSessionTTL",
  "server.trustedUserHeaders",
  "server.sslCertFile",
  "server.sslKeyFile",
  "browser.serverAddress",
  "browser.serverPort",
  "mapbox.token",
  "secrets.files",
]);

/** Streamlit's environment variable for an option: `STREAMLIT_` and the key in upper snake case. */
export function envVarName(key: string): string {
  return "STREAMLIT_" + key.replace(/\./g, "_").replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

function option(
  key: string,
  kind: OptionKind,
  defaultValue: ConfigValue | undefined,
  description: string,
  extra: Partial<ConfigOption> = {},
): ConfigOption {
  const dot = key.lastIndexOf(".");
  return { key, section: key.slice(0, dot), name: key.slice(dot + 1), kind, default: defaultValue, description, ...extra };
}
