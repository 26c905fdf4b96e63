/**
 * `import components from "edgelit/components"`: Streamlit's `streamlit.components.v1`.
 *
 * - `components.html(html, { width, height, scrolling })` and `components.iframe(src, ...)`: tenant
 *   content in a sandboxed iframe.
 * - `components.declare_component(name, { path } | { url })`: a front end that speaks Streamlit's
 *   component protocol (streamlit-component-lib); calling the function it returns shows one
 *   instance, a widget whose value is what the front end last sent, `default` until then.
 *
 * A `path` names a folder of the app's own `components/` that the build found (the isolate is
 * told which, sessions/engine/app_session.ts `components`): nothing outside the app's folder.
 */
import { Buffer } from "node:buffer";
import { currentContext } from "../engine/context.ts";
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import { isDataFrameLike, toDataTable } from "../data/normalize.ts";
import { wireTable } from "../data/wire.ts";
import { StreamlitAPIException } from "../errors.ts";
import { MAX_CLIENT_FRAME_BYTES, type ComponentValue, type LeafProps, type WidgetWireValue } from "../protocol.ts";
import { mainDeltaGenerator } from "./delta_generator.ts";
import { callbackOf, showWidget, type OnChange } from "./widget.ts";

export interface IFrameOptions {
  /** Pixels; the container's width when absent. */
  width?: number;
  /** Pixels (default 150, as Streamlit's). */
  height?: number;
  /** Scroll bars when the content is larger than the frame (default false). */
  scrolling?: boolean;
  /** The frame's place in the tab order: -1 (focusable only by script), 0 or more. */
  tab_index?: number;
}

export interface DeclareComponentOptions {
  /** The built front end's folder, relative to the app's folder: `"components/<name>"`. */
  path?: string;
  /** A front end's dev server (`"http://localhost:3001"`). */
  url?: string;
}

export interface ComponentInstanceOptions extends Pick<OnChange, "on_change"> {
  key?: string;
  /** What the instance returns until its front end sends a value. */
  default?: unknown;
  tab_index?: number;
}

/** A declared component: call it once per instance, as in Streamlit. */
export interface ComponentFunction {
  <T = unknown>(args?: Record<string, unknown>, options?: ComponentInstanceOptions): T;
  readonly name: string;
  /** The app folder it was declared with, or null for a `url`. */
  readonly path: string | null;
  readonly url: string | null;
}

/** Folder names of an app's components (the build refuses anything else). */
const FOLDER = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;

defineWidgetKind({
  kind: "component_instance",
  validate: (wire) => {
    if (wire === null) return null;
    if (typeof wire !== "string") return "Expected the component's value as JSON text.";
    if (wire.length > MAX_CLIENT_FRAME_BYTES) return `The component's value is larger than ${MAX_CLIENT_FRAME_BYTES} bytes.`;
    return parseComponentValue(wire) === null ? 'Expected {"type":"json","value":...}, {"type":"bytes","base64":...} or {"type":"dataframe","columns":[...],"rows":[[...]]}.' : null;
  },
});

function html(body: string, options: IFrameOptions = {}): void {
  if (typeof body !== "string") throw new StreamlitAPIException(`components.html takes the HTML as a string (got ${typeof body}).`);
  mainDeltaGenerator()._leaf("iframe", { html: body, ...frameProps("components.html", options) });
}

function iframe(src: string, options: IFrameOptions = {}): void {
  if (typeof src !== "string" || src.trim() === "") throw new StreamlitAPIException("components.iframe takes the URL of the page to embed.");
  let url: URL;
  try {
    url = new URL(src, "https://app.invalid/");
  } catch {
    throw new StreamlitAPIException(`components.iframe: "${src}" is not a URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new StreamlitAPIException(`components.iframe embeds http(s) pages only, not ${url.protocol} URLs.`);
  mainDeltaGenerator()._leaf("iframe", { src, ...frameProps("components.iframe", options) });
}

function frameProps(what: string, options: IFrameOptions): Omit<LeafProps["iframe"], "html" | "src"> {
  const { width, height = 150, scrolling = false, tab_index } = options;
  if (width !== undefined && width !== null && !(Number.isFinite(width) && width > 0)) throw new StreamlitAPIException(`${what}: width must be a positive number of pixels (got ${String(width)}).`);
  if (!(Number.isFinite(height) && height >= 0)) throw new StreamlitAPIException(`${what}: height must be a number of pixels (got ${String(height)}).`);
  return {
    ...(width !== undefined && width !== null ? { width: Math.round(width) } : {}),
    height: Math.round(height),
    scrolling: scrolling === true,
    ...tabIndexProp(what, tab_index),
  };
}

function tabIndexProp(what: string, tabIndex: number | undefined | null): { tab_index?: number } {
  if (tabIndex === undefined || tabIndex === null) return {};
  if (!Number.isInteger(tabIndex) || tabIndex < -1) throw new StreamlitAPIException(`${what}: tab_index must be -1 or a non-negative integer (got ${String(tabIndex)}).`);
  return { tab_index: tabIndex };
}

function declare_component(name: string, options: DeclareComponentOptions = {}): ComponentFunction {
  if (typeof name !== "string" || name.trim() === "") throw new StreamlitAPIException("declare_component needs the component's name.");
  const { path, url } = options;
  if ((path === undefined) === (url === undefined)) throw new StreamlitAPIException(`declare_component("${name}"): give either path or url, not ${path === undefined ? "neither" : "both"}.`);
  let folder: string | null = null;
  if (path !== undefined) folder = componentFolder(name, path);
  else if (typeof url !== "string" || !/^https?:\/\/[^/]/.test(url)) throw new StreamlitAPIException(`declare_component("${name}"): url must be an http(s) URL (got ${String(url)}).`);
  const instance = (args: Record<string, unknown> = {}, settings: ComponentInstanceOptions = {}) => showInstance(name, folder, url ?? null, args, settings);
  return Object.defineProperties(instance, {
    name: { value: name },
    path: { value: folder === null ? null : `components/${folder}` },
    url: { value: url ?? null },
  }) as unknown as ComponentFunction;
}

/**
 * The folder a `path` names: `components/<folder>` inside the app. Declared as a module loads
 * (outside any run, as in Python), so whether the build found that folder is checked when an
 * instance is shown (`knownFolder`).
 */
function componentFolder(name: string, path: string): string {
  if (typeof path !== "string") throw new StreamlitAPIException(`declare_component("${name}"): path must be a string.`);
  const parts = path.replace(/\\/g, "/").split("/").filter((part) => part !== "" && part !== ".");
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path) || parts.includes("..")) {
    throw new StreamlitAPIException(`declare_component("${name}"): the path "${path}" is outside the app's folder. A component's front end lives in the app, as components/<name>/.`);
  }
  if (parts.length !== 2 || parts[0] !== "components" || !FOLDER.test(parts[1]!)) {
    throw new StreamlitAPIException(`declare_component("${name}"): a component's front end is a folder of the app's components/ ("components/<name>"), not "${path}".`);
  }
  return parts[1]!;
}

function knownFolder(name: string, folder: string, known: readonly string[]): void {
  if (known.includes(folder)) return;
  const list = known.length > 0 ? `The app's components are: ${known.map((f) => `components/${f}`).join(", ")}.` : "The app has no components/ folder with a front end (an index.html).";
  throw new StreamlitAPIException(`The component "${name}" has no built front end at "components/${folder}". ${list}`);
}

function showInstance(name: string, folder: string | null, url: string | null, args: Record<string, unknown>, settings: ComponentInstanceOptions): unknown {
  if (typeof args !== "object" || args === null || Array.isArray(args)) throw new StreamlitAPIException(`The component "${name}" takes its arguments as one object: my_component({ name: "World" }, { key, default }).`);
  const { key, default: initial = null, on_change, tab_index } = settings;
  const what = `the component "${name}"`;
  const session = currentContext(`components: ${name}`).run.session;
  if (folder !== null) knownFolder(name, folder, session.components);
  const jsonArgs: Record<string, unknown> = {};
  const dataframeArgs: NonNullable<LeafProps["component_instance"]["dataframe_args"]> = [];
  const bytesArgs: NonNullable<LeafProps["component_instance"]["bytes_args"]> = [];
  for (const [argName, value] of Object.entries({ ...args, default: initial, key: key ?? null })) {
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
      bytesArgs.push({ key: argName, base64: Buffer.from(value instanceof ArrayBuffer ? new Uint8Array(value) : value).toString("base64") });
    } else if (isDataFrameLike(value)) {
      const table = toDataTable(value, what);
      const wire = wireTable(table, { whole: true });
      session.keepTable(wire, table, what);
      dataframeArgs.push({ key: argName, table: wire });
    } else jsonArgs[argName] = value;
  }
  let json: string;
  try {
    json = JSON.stringify(jsonArgs, (_, v: unknown) => (typeof v === "bigint" ? Number(v) : v));
  } catch (error) {
    throw new StreamlitAPIException(`Could not convert the arguments of ${what} to JSON: ${(error as Error).message}`);
  }
  const source = folder !== null ? { folder } : { url: url! };
  return showWidget(mainDeltaGenerator(), {
    kind: "component_instance",
    key,
    // As Streamlit: with a key, the instance stays itself whatever its arguments; without one, new arguments make a new instance.
    identity: { name, ...source, json_args: json, dataframes: dataframeArgs.map((a) => [a.key, a.table.id]), bytes: bytesArgs },
    defaultValue: initial,
    props: () => ({
      label: name,
      component_name: name,
      ...source,
      json_args: json,
      ...(dataframeArgs.length > 0 ? { dataframe_args: dataframeArgs } : {}),
      ...(bytesArgs.length > 0 ? { bytes_args: bytesArgs } : {}),
      ...tabIndexProp(what, tab_index),
    }),
    toWire: (value) => componentWire(value, what),
    fromWire: (wire) => {
      const parsed = typeof wire === "string" ? parseComponentValue(wire) : null;
      return parsed === null ? initial : componentValueOf(parsed);
    },
    callback: callbackOf(on_change, undefined, undefined),
  });
}

/** The browser form of a value the script set (session state, or `default`). */
function componentWire(value: unknown, what: string): WidgetWireValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return JSON.stringify({ type: "bytes", base64: Buffer.from(value).toString("base64") } satisfies ComponentValue);
  try {
    const text = JSON.stringify({ type: "json", value } satisfies ComponentValue);
    if (text === undefined) throw new Error("not JSON");
    return text;
  } catch {
    return invalidStateValue(what, String(value), "a component's value must be JSON or bytes");
  }
}

export function parseComponentValue(wire: string): ComponentValue | null {
  let data: unknown;
  try {
    data = JSON.parse(wire);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const value = data as Record<string, unknown>;
  switch (value.type) {
    case "json":
      return "value" in value ? { type: "json", value: value.value } : null;
    case "bytes":
      return typeof value.base64 === "string" && /^[A-Za-z0-9+/]*={0,2}$/.test(value.base64) ? { type: "bytes", base64: value.base64 } : null;
    case "dataframe": {
      const { columns, rows } = value;
      if (!Array.isArray(columns) || !columns.every((c) => typeof c === "string")) return null;
      if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row) && row.length === columns.length)) return null;
      return { type: "dataframe", columns: columns as string[], rows: rows as unknown[][] };
    }
    default:
      return null;
  }
}

/** What the script gets: JSON as it is, bytes as a Uint8Array, a table as rows (objects by column). */
function componentValueOf(value: ComponentValue): unknown {
  switch (value.type) {
    case "json":
      return value.value;
    case "bytes":
      return new Uint8Array(Buffer.from(value.base64, "base64"));
    case "dataframe":
      return value.rows.map((row) => Object.fromEntries(value.columns.map((column, i) => [column, row[i]])));
  }
}

export const components = { html, iframe, declare_component };
export default components;
