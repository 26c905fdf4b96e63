/**
 * The normalised page both drivers print after every step (README.md, "Normalisation"):
 * Edgelit's side of it. driver.py builds the same form from Streamlit's AppTest.
 */
import { cellValue } from "../sessions/data/table.ts";
import { Block, ComponentInstance, DataElement, ExceptionElement, IFrame, VegaLiteChart, Widget, type AppTest, type Node } from "edgelit/testing";

export type PageNode =
  | { kind: string; children: PageNode[]; label?: string }
  | { kind: "exception"; error: string; message: string | null; warning?: true }
  | { kind: string; label: string; value: unknown; disabled: boolean; options?: string[] }
  | { kind: string; value?: unknown }
  /** Elements with more to compare: progress, metric, link_button; status, popover and chat_message blocks. */
  | { kind: string; [field: string]: unknown };

export interface Page {
  main: PageNode[];
  sidebar: PageNode[];
  /** A main-area `st.chat_input` (Streamlit's bottom root); only when there is one. */
  bottom?: PageNode[];
  /** What each `st.toast` shows (Streamlit's event root); only when there is one. */
  toasts?: string[];
  /** A multipage app's pages in order, `[title, URL path]` (the default page's path is ""); only for one. */
  navigation?: [string, string][];
}

/** JS errors a case's port throws in place of a Python error: `export const pythonErrors = { TypeError: "NameError" }`. */
export type ErrorMap = Record<string, string>;

const BLOCK_KINDS: Record<string, string> = { vertical: "container", horizontal: "columns" };
const CHOICE_KINDS = new Set(["selectbox", "radio", "multiselect", "select_slider", "pills", "segmented_control"]);

export function pageOf(at: AppTest, errors: ErrorMap = {}): Page {
  // Streamlit pins a chat input written straight into the main area to its bottom root;
  // Edgelit keeps it in place in the tree (its browser pins it).
  const pinned = (node: Node) => node.kind === "chat_input";
  const main = at.main.children.filter((child) => !pinned(child) && child.kind !== "toast").map((child) => nodeOf(child, errors));
  const page: Page = { main, sidebar: childrenOf(at.sidebar, errors) };
  const bottom = at.main.children.filter(pinned).map((child) => nodeOf(child, errors));
  if (bottom.length > 0) page.bottom = bottom;
  const toasts = at.toast.map((toast) => String(toast.value));
  if (toasts.length > 0) page.toasts = toasts;
  // The navigation the session sends the browser; the default page is reached at "".
  const navigation = at.session.navigation.state.navigation;
  if (navigation) page.navigation = navigation.pages.map((p) => [p.title, p.default ? "" : p.url_path]);
  return page;
}

/** A toast shows in a corner of the page (Streamlit's event root), not where it was called. */
function childrenOf(block: Node, errors: ErrorMap): PageNode[] {
  return block.children.filter((child) => child.kind !== "toast").map((child) => nodeOf(child, errors));
}

function nodeOf(node: Node, errors: ErrorMap): PageNode {
  if (node instanceof Block) {
    const kind = BLOCK_KINDS[node.kind] ?? node.kind;
    const labelled = ["expander", "tab", "status", "popover"].includes(kind) && node.label !== undefined;
    const props = node.proto as { state?: string; name?: string };
    const extra = kind === "status" ? { state: props.state } : kind === "chat_message" ? { name: props.name } : {};
    return { kind, ...(labelled ? { label: node.label } : {}), ...extra, children: childrenOf(node, errors) };
  }
  if (node instanceof ExceptionElement) {
    const mapped = errors[node.type];
    // A mapped error is the app's own: JS and Python word its message differently.
    const out: PageNode = { kind: "exception", error: mapped ?? node.type, message: mapped ? null : node.message };
    return node.is_warning ? { ...out, warning: true } : out;
  }
  if (node.kind === "divider" || node.kind === "empty") return { kind: node.kind };
  if (node instanceof IFrame) return { kind: "iframe", value: node.html ?? node.src };
  if (node instanceof ComponentInstance) return { kind: "component_instance", name: node.name, args: JSON.parse(node.props.json_args) as unknown };
  if (node instanceof Widget) {
    // Streamlit's AppTest calls a form's submit button a button too.
    const kind = node.kind === "form_submit_button" ? "button" : node.kind;
    const out = { kind, label: node.label, value: plain(node.value), disabled: node.disabled };
    return CHOICE_KINDS.has(node.kind) ? { ...out, options: [...(node.props as { options: string[] }).options] } : out;
  }
  if (node instanceof VegaLiteChart) return chartOf(node);
  if (node instanceof DataElement && node.kind !== "vega_lite_chart") return { kind: node.kind === "table" ? "table" : "dataframe", value: frameOf(node) };
  const leaf = leafOf(node);
  if (leaf) return leaf;
  const body = (node.proto as { body?: unknown }).body;
  if (node.kind === "json" && typeof body === "string") return { kind: "json", value: JSON.parse(body) };
  return { kind: node.kind, value: body };
}

/** A cell as driver.py prints one: datetimes as ISO text (UTC), NaN as null. */
function cellOf(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, 19) : plain(value);
}

/** A table in driver.py's form: columns, their types, rows (dates as ISO text), the index unless a RangeIndex. */
function frameOf(node: DataElement<any>): { columns: string[]; types: string[]; rows: unknown[][]; index: unknown[] | null } {
  const table = node.data;
  return {
    columns: table.columns.map((c) => c.name),
    types: table.columns.map((c) => (c.type === "list" ? "object" : c.type)),
    rows: node.rows.map((row) => row.map(cellOf)),
    index: node.index?.map(cellOf) ?? null,
  };
}

/** What a chart's encoding channel carries (README "Charts"); the rest is presentation. */
const CHANNEL_KEYS = ["field", "type", "stack", "title", "value", "sort"] as const;

function channelOf(enc: Record<string, any>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(CHANNEL_KEYS.filter((k) => k in enc).map((k) => [k, plain(enc[k])]));
  // A made-up column name as a title is no title (README, deliberate differences: Streamlit shows one on a horizontal bar chart).
  if (typeof out.title === "string" && out.title.endsWith(" -- streamlit-generated")) out.title = "";
  // A scale's domain and range (the colours given per series); its other settings are presentation.
  const scale = Object.fromEntries(Object.entries((enc.scale ?? {}) as Record<string, unknown>).filter(([k]) => k === "domain" || k === "range").map(([k, v]) => [k, plain(v)]));
  if (Object.keys(scale).length > 0) out.scale = scale;
  return out;
}

/** A chart in driver.py's form: its view's mark and encoding, and its data (a built-in chart's melted table). */
function chartOf(node: VegaLiteChart): PageNode {
  const spec = node.spec;
  const view = Array.isArray(spec.layer) ? spec.layer[0] : spec; // a line chart's first layer is the line
  const encoding: Record<string, unknown> = {};
  for (const [channel, enc] of Object.entries((view.encoding ?? {}) as Record<string, any>)) {
    const normalised = Array.isArray(enc)
      ? enc.map((t: Record<string, any>) => channelOf(t)) // a tooltip: the fields it shows, each as a channel
      : channelOf(enc);
    if (Array.isArray(normalised) || Object.keys(normalised).length > 0) encoding[channel] = normalised; // an empty channel ({}) draws nothing
  }
  const table = node.data_table;
  const rows = Array.from({ length: table.rowCount }, (_, r) => table.columns.map((c) => cellOf(cellValue(c, r))));
  const mark = view.mark;
  return {
    kind: "vega_lite_chart",
    mark: typeof mark === "object" && mark !== null ? mark.type : mark,
    encoding,
    data: { columns: table.columns.map((c) => c.name), rows },
  };
}

/** Elements without a body, in the form driver.py gives them; null for the others. */
function leafOf(node: Node): PageNode | null {
  const props = node.proto as Record<string, string | number | undefined>;
  switch (node.kind) {
    case "progress":
      return { kind: "progress", label: props.text ?? "", value: props.value };
    case "metric":
      return { kind: "metric", label: props.label, value: props.value, delta: props.delta ?? "" };
    case "link_button":
      return { kind: "link_button", value: props.label, url: props.url };
    case "badge": {
      // Streamlit's st.badge is markdown: the color-badge directive, brackets in the label escaped.
      const label = String(props.label).replace(/[[\]]/g, (bracket) => `\\${bracket}`);
      return { kind: "markdown", value: `:${props.color}-badge[${props.icon ? `${props.icon} ` : ""}${label}]` };
    }
    default:
      return null;
  }
}

/** As JSON would carry it: undefined becomes null. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
