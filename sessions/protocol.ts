/**
 * The wire contract between a session Durable Object and the browser client.
 * Nothing else defines what crosses the socket; both ends import this module.
 *
 * A socket message is a JSON array of frames, so that everything produced between two
 * flushes (run start, element deltas, run end) travels in one message.
 */

/** Where an element lives: root container (0 = main, 1 = sidebar), then child indexes. */
export type DeltaPath = readonly number[];

export const ROOT_MAIN = 0;
export const ROOT_SIDEBAR = 1;
export const ROOT_COUNT = 2;

export type LabelVisibility = "visible" | "hidden" | "collapsed";

interface WidgetBase {
  /** Stable widget id; frames from the browser name the widget by it. */
  id: string;
  label: string;
  help?: string;
  disabled?: boolean;
  label_visibility?: LabelVisibility;
  /** Set inside `st.form`: the browser holds the value until the form is submitted. */
  form_id?: string;
}

export type ButtonType = "primary" | "secondary" | "tertiary";

/** A table column's type (sessions/data/table.ts), as the grid formats, sorts and edits it. */
export type ColumnType = "number" | "integer" | "string" | "boolean" | "datetime" | "date" | "time" | "null" | "object" | "list";

export interface WireColumn {
  name: string;
  type: ColumnType;
  /** Timezone-aware datetimes: the zone their wall-clock times are shown in. */
  timezone?: string;
}

/**
 * A cell as JSON carries it: numbers (NaN as null, infinities as "inf" / "-inf"), text,
 * booleans, null; datetimes and dates as epoch milliseconds; lists and objects as JSON.
 */
export type WireCell = string | number | boolean | null | WireCell[] | { [key: string]: WireCell };

/**
 * A table as it travels. Small tables travel whole; a large one stays in the session and the
 * browser asks for the rows it shows (`rows` frames), starting from the first rows sent here.
 * `id` is a digest of the content: an unchanged table has the same props, so a rerun sends nothing.
 */
export interface WireTable {
  id: string;
  columns: WireColumn[];
  /** The index: absent for a RangeIndex (0, 1, 2, ...). */
  index?: WireColumn;
  /** How many rows the table has. */
  rows: number;
  /** Cells by column (`data[c][r]`), for rows 0 to `data[0].length - 1`. */
  data: WireCell[][];
  index_data?: WireCell[];
  /** More rows live in the session than `data` holds: ask with `rows` frames. */
  lazy?: boolean;
}

/** How a column shows and edits (`st.column_config`), as Streamlit's column config. */
export interface WireColumnConfig {
  type?: "text" | "number" | "checkbox" | "selectbox" | "date" | "datetime" | "time" | "link" | "progress" | "image" | "list" | "line_chart" | "bar_chart" | "area_chart" | "json";
  label?: string;
  help?: string;
  width?: "small" | "medium" | "large" | number;
  disabled?: boolean;
  required?: boolean;
  hidden?: boolean;
  pinned?: boolean;
  default?: WireCell;
  /** Type-specific options: format, min_value, max_value, step, options, max_chars, validate, display_text, y_min, y_max... */
  options?: Record<string, WireCell>;
}

interface TableElement {
  table: WireTable;
  width?: number | "stretch";
  height?: number;
  use_container_width?: boolean;
  hide_index?: boolean | null;
  column_order?: string[];
  /** By column name; `"_index"` for the index. A null entry hides the column. */
  column_config?: Record<string, WireColumnConfig | null>;
}

/** Props of every leaf element kind, keyed by Streamlit's element name. */
export interface LeafProps {
  markdown: { body: string; unsafe_allow_html?: boolean; help?: string };
  title: { body: string; anchor?: string | false; help?: string; divider?: boolean | string };
  header: { body: string; anchor?: string | false; help?: string; divider?: boolean | string };
  subheader: { body: string; anchor?: string | false; help?: string; divider?: boolean | string };
  caption: { body: string; unsafe_allow_html?: boolean; help?: string };
  text: { body: string; help?: string };
  code: { body: string; language: string | null; line_numbers?: boolean; wrap_lines?: boolean };
  divider: Record<string, never>;
  json: { body: string; expanded: boolean | number };
  /** `st.table`: a static table, every row shown. */
  table: { table: WireTable };
  /** `st.dataframe`: the interactive grid (sort, search, resize, copy, CSV, full screen). */
  dataframe: TableElement;
  /** `st.dataframe(on_select=...)`: the grid as a widget whose value is the selection (JSON text). */
  dataframe_selection: WidgetBase & TableElement & { selection_mode: ("single-row" | "single-row-required" | "multi-row" | "single-column" | "multi-column" | "single-cell" | "multi-cell")[]; value: string };
  /** `st.data_editor`: its value is Streamlit's edit dict as JSON text ({edited_rows, added_rows, deleted_rows}). */
  data_editor: WidgetBase & TableElement & { num_rows: "fixed" | "dynamic"; value: string };
  /**
   * A chart: a Vega-Lite spec whose data is `table` (the spec's data `{ name: "data" }`). No width
   * means the chart's own; `chart_type` names the built-in command that made it ("line_chart"...).
   */
  vega_lite_chart: {
    spec: string;
    table: WireTable;
    width?: number | "stretch";
    height?: number;
    use_container_width?: boolean;
    theme?: "streamlit" | null;
    chart_type?: "line_chart" | "area_chart" | "bar_chart" | "scatter_chart";
  };
  success: { body: string; icon?: string };
  /**
   * `components.html` (its `html`) and `components.iframe` (its `src`): tenant content in a
   * sandboxed iframe (client/elements/Component.tsx). No width means the container's.
   */
  iframe: { html?: string; src?: string; width?: number; height: number; scrolling: boolean; tab_index?: number };
  /**
   * A custom component's instance (`components.declare_component`): its front end in a sandboxed
   * iframe that speaks Streamlit's component protocol. The widget's value is what the front end
   * last sent (ComponentValue, as JSON text); the page never shows it back to the front end.
   */
  component_instance: WidgetBase & {
    component_name: string;
    /** A folder of the app's `components/`, served at /_stcore/component/<folder>/; or `url`, a dev server's. */
    folder?: string;
    url?: string;
    /** The JSON arguments, with `default` and `key` among them, as Streamlit sends them. */
    json_args: string;
    /** Arguments that are tables: the frame gets them as Arrow (streamlit-component-lib's ArrowTable). */
    dataframe_args?: { key: string; table: WireTable }[];
    /** Arguments that are bytes (base64): the frame gets them as Uint8Array. */
    bytes_args?: { key: string; base64: string }[];
    tab_index?: number;
  };
  info: { body: string; icon?: string };
  warning: { body: string; icon?: string };
  error: { body: string; icon?: string };
  /** `message_is_markdown`: Streamlit's own errors format their message as markdown. */
  exception: { type: string; message: string; stack: string[]; is_warning?: boolean; message_is_markdown?: boolean };
  /** An `st.empty()` slot that holds nothing yet. */
  empty: Record<string, never>;
  button: WidgetBase & { type: ButtonType; use_container_width?: boolean; icon?: string };
  /**
   * `st.file_uploader`: the browser uploads each file (PUT /_stcore/upload_file/<session>/<file_id>,
   * checked against `type` and `max_upload_size_mb`), then sends the list as the widget's value.
   */
  file_uploader: WidgetBase & {
    /** Accepted extensions (".csv", lowercase) and MIME types ("text/csv", "image/*"); absent: any file. */
    type?: string[];
    multiple: boolean;
    max_upload_size_mb: number;
    /** The files, as JSON text: a list of {file_id, name, type, size}. */
    value: string;
  };
  /**
   * `st.download_button`: its file is in the session's media store (GET /_stcore/media/<session>/<media_id>),
   * or, `deferred`, made when clicked (GET /_stcore/download/<session>/<widget id>). A click reruns
   * the app (value true) unless `ignore_rerun`.
   */
  download_button: WidgetBase & {
    type: ButtonType;
    use_container_width?: boolean;
    icon?: string;
    file_name: string;
    mime: string;
    media_id?: string;
    deferred?: boolean;
    ignore_rerun?: boolean;
  };
  /** Submits its form: the browser sends the form's held values with the click. */
  form_submit_button: WidgetBase & { type: ButtonType; use_container_width?: boolean; icon?: string };
  /** A link to a page of the app (`url_path`), or to an external URL (`href`). */
  page_link: { label: string; url_path?: string; href?: string; icon?: string; help?: string; disabled?: boolean; use_container_width?: boolean };
  link_button: { label: string; url: string; type: ButtonType; help?: string; disabled?: boolean; icon?: string; use_container_width?: boolean };
  /** `st.image`: images by URL (a path is relative to the app's page); no width means "content". */
  image: { images: { url: string; caption?: string }[]; width?: number | "stretch" };
  checkbox: WidgetBase & { value: boolean };
  toggle: WidgetBase & { value: boolean };
  text_input: WidgetBase & {
    value: string | null;
    placeholder?: string;
    max_chars?: number;
    type: "default" | "password";
  };
  text_area: WidgetBase & { value: string | null; placeholder?: string; max_chars?: number; height?: number };
  number_input: WidgetBase & {
    value: number | null;
    /** The user may empty the field (the widget was created with `value: null`). */
    clearable?: boolean;
    min?: number;
    max?: number;
    step: number;
    int: boolean;
    format?: string;
    placeholder?: string;
  };
  slider: WidgetBase & {
    /** One value, or two for a range slider. */
    value: number[];
    min: number;
    max: number;
    step: number;
    int: boolean;
    format?: string;
  };
  selectbox: WidgetBase & {
    options: string[];
    index: number | null;
    /** The user may clear the choice (the widget was created with `index: null`). */
    clearable?: boolean;
    placeholder?: string;
  };
  radio: WidgetBase & { options: string[]; index: number | null; horizontal?: boolean; captions?: string[] };
  multiselect: WidgetBase & {
    options: string[];
    indexes: number[];
    max_selections?: number;
    placeholder?: string;
  };
  /** Slides over options: one index, or two for a range. */
  select_slider: WidgetBase & { options: string[]; value: number[] };
  /** Hex colour, "#rrggbb". */
  color_picker: WidgetBase & { value: string };
  /** ISO dates ("2026-11-25"): none, one, or two for a range. */
  date_input: WidgetBase & {
    value: string[];
    is_range: boolean;
    min: string;
    max: string;
    format: string;
    clearable?: boolean;
  };
  /** "HH:MM" (or "HH:MM:SS" when step < 60 s), or null. */
  time_input: WidgetBase & { value: string | null; step: number; clearable?: boolean };
  pills: WidgetBase & { options: string[]; indexes: number[]; selection_mode: "single" | "multi" };
  segmented_control: WidgetBase & { options: string[]; indexes: number[]; selection_mode: "single" | "multi" };
  feedback: WidgetBase & { options: "thumbs" | "faces" | "stars"; index: number | null };
  /** Sends a message once: the script sees it on the run it triggers, then null. */
  chat_input: WidgetBase & { placeholder: string; max_chars?: number };
  metric: {
    label: string;
    value: string;
    delta?: string;
    delta_color: "normal" | "inverse" | "off";
    help?: string;
    label_visibility?: LabelVisibility;
    border?: boolean;
    /** A sparkline of these values (`chart_data`), drawn as `chart_type`. */
    chart_data?: (number | null)[];
    chart_type?: "line" | "bar" | "area";
  };
  badge: { label: string; icon?: string; color: string };
  /** 0 to 100. */
  progress: { value: number; text?: string };
  /** `nonce` changes with each run that calls it, so a toast shown again is sent again. */
  toast: { body: string; icon?: string; nonce: number };
  spinner: { text: string };
  /** A new `nonce` each run that calls it, so the animation plays again. */
  balloons: { nonce: number };
  snow: { nonce: number };
}

/** Props of every container kind. */
export interface BlockProps {
  /** `st.container()`, and the roots. */
  vertical: { border?: boolean; height?: number };
  /** `st.columns()`: its children are `column` blocks. */
  horizontal: { gap: "small" | "medium" | "large" };
  column: { weight: number; vertical_alignment?: "top" | "center" | "bottom" };
  expander: { label: string; expanded: boolean; icon?: string };
  /** `st.tabs()`: its children are `tab` blocks. */
  tabs: { labels: string[] };
  tab: { label: string };
  form: { form_id: string; clear_on_submit: boolean; border: boolean };
  /** An `st.fragment`: reruns on its own when a widget inside it changes. */
  fragment: { fragment_id: string };
  status: { label: string; state: "running" | "complete" | "error"; expanded: boolean };
  popover: { label: string; help?: string; disabled?: boolean; icon?: string; use_container_width?: boolean };
  chat_message: { name: string; avatar?: string };
}

export type LeafKind = keyof LeafProps;
export type BlockKind = keyof BlockProps;
export type WidgetKind = {
  [K in LeafKind]: LeafProps[K] extends WidgetBase ? K : never;
}[LeafKind];

export type LeafNode<K extends LeafKind = LeafKind> = K extends LeafKind
  ? { kind: K; props: LeafProps[K] }
  : never;
export type BlockNode<K extends BlockKind = BlockKind> = K extends BlockKind
  ? { kind: K; props: BlockProps[K]; block: true; children: TreeNode[] }
  : never;
export type TreeNode = LeafNode | BlockNode;

export function isBlock(node: TreeNode): node is BlockNode {
  return (node as BlockNode).block === true;
}

/** A change to the element tree. Paths are absolute delta paths. */
export type DeltaOp =
  /** Put a node at a path; a block arrives with the children it has so far. */
  | { op: "set"; path: DeltaPath; node: TreeNode }
  /** New props for the block at `path`; its children stay (a rerun diffs them one by one). */
  | { op: "props"; path: DeltaPath; props: BlockNode["props"] }
  /** Keep only the first `count` children of the block at `path` (end of run). */
  | { op: "trim"; path: DeltaPath; count: number }
  /** `.add_rows()`: the table of the element at `path` gains these rows (`data` holds only them). */
  | { op: "add_rows"; path: DeltaPath; table: WireTable };

export type RunOutcome = "completed" | "error" | "stopped" | "rerun";

/** One entry of an app's navigation (`st.navigation`, or the `pages/` directory). */
export interface NavPage {
  title: string;
  icon: string;
  /** The page's URL path under the app ("" for the default page's canonical URL). */
  url_path: string;
  section: string;
  default: boolean;
  hidden?: boolean;
}

export interface NavigationInfo {
  pages: NavPage[];
  position: "sidebar" | "top" | "hidden";
  expanded: boolean;
}

/** `st.set_page_config`, merged over the runs' calls. */
export interface PageConfig {
  page_title?: string;
  page_icon?: string;
  layout?: "centered" | "wide";
  initial_sidebar_state?: "auto" | "expanded" | "collapsed";
}

/** What the browser shows around the elements: the page, its URL and query string, navigation. */
export interface PageState {
  /** The page shown, by URL path ("" for the default page). */
  url_path: string;
  /** `st.query_params`: each key with its values, in the URL's query string. */
  query: Record<string, string[]>;
  navigation: NavigationInfo | null;
  config: PageConfig;
  /** The browser asked for a page the app does not have: the default page ran instead. */
  not_found?: string;
}

export type ServerFrame =
  /** The whole tree, sent when a socket connects so the page shows at once. */
  | { t: "snapshot"; tree: BlockNode[]; running: boolean }
  /**
   * A run started: elements it has not reached yet are stale. A run that ends before the
   * next flush sends no run_start, only its run_end. A fragment's run names the block it
   * reruns (`scope`): only what is inside it can go stale.
   */
  | { t: "run_start"; scope?: DeltaPath }
  /**
   * Element changes, plus how many children of each touched container the current run
   * has reached so far (keyed by the container's path joined with "."). Reached elements
   * are no longer stale even when they were unchanged and so were not re-sent.
   */
  | { t: "delta"; ops: DeltaOp[]; reached?: Record<string, number> }
  /**
   * The run ended (outcome "completed" when absent). Its ops are the changes not yet sent,
   * then the trims that remove what the run did not produce.
   */
  | { t: "run_end"; outcome?: Exclude<RunOutcome, "completed">; ops?: DeltaOp[] }
  /** The page state changed (after a run, or a page switch): the browser updates its URL and navigation. */
  | { t: "page"; page: PageState }
  /**
   * `st.login()` / `st.logout()`: the browser leaves for the app's sign-in route (a path of
   * this app, `/auth/...` on its own origin) and comes back in a new session, as in Streamlit.
   */
  | { t: "auth_redirect"; url: string }
  /** A frame from the browser was refused; nothing changed. */
  | { t: "error"; code: ClientErrorCode; message: string }
  /** The answer to a `rows` frame, to its socket alone. */
  | RowsAnswer;

/**
 * Rows of a large table, in the order asked for (sorted, filtered by search): `positions` are
 * the rows' places in the table as the script made it. `error` when the table is gone
 * (the script made a new one since): the browser asks again with the table it shows now.
 */
export interface RowsAnswer {
  t: "rows";
  req: number;
  table: string;
  /** Rows in the view (after search). */
  total: number;
  start: number;
  positions: number[];
  data: WireCell[][];
  index_data?: WireCell[];
  error?: string;
}

export type ClientErrorCode =
  | "malformed_frame"
  | "unknown_type"
  | "frame_too_large"
  | "unknown_widget"
  /** A page frame named a page the app does not have. */
  | "unknown_page"
  | "invalid_value"
  | "rate_limited"
  /** Not the browser's fault: the app's isolate failed (crashed, or was stopped by the runtime); the session resumes from its last finished run. */
  | "app_failed"
  /** Not the browser's fault either: the session's storage refused a save; it runs on from memory. */
  | "save_failed";

/** Widget values as they travel from the browser (selections travel as option indexes). */
export type WidgetWireValue = boolean | string | number | null | number[] | string[];

/**
 * What a component's front end sent with `Streamlit.setComponentValue`, as the browser sends it
 * (JSON text of this): JSON as it is, bytes as base64, an ArrowTable as its columns and rows.
 */
export type ComponentValue =
  | { type: "json"; value: unknown }
  | { type: "bytes"; base64: string }
  | { type: "dataframe"; columns: string[]; rows: unknown[][] };

export type ClientFrame =
  /** A widget changed value (a button sends `true`); the session reruns. */
  | { t: "widget"; id: string; value: WidgetWireValue }
  /**
   * Several widgets at once, applied together before one rerun: a form's held values with
   * its submit button's `true`. Refused whole when any value is bad.
   */
  | { t: "widgets"; values: { id: string; value: WidgetWireValue }[] }
  /** Rerun with the current widget values (the "Rerun" menu item, the R key). */
  | { t: "rerun" }
  /** Stop the current run. */
  | { t: "stop" }
  /** The user went to another page (a navigation link, the back button): that page runs. */
  | { t: "page"; url_path: string; query?: Record<string, string[]> }
  /** The viewer switched the app's theme (Settings, or the system's): `st.context.theme.type` from the next run. */
  | { t: "theme"; type: "light" | "dark" }
  | RowsRequest;

/** Rows `start` to `start + count` of a large table, sorted by columns and filtered by a search. */
export interface RowsRequest {
  t: "rows";
  /** Echoed in the answer. */
  req: number;
  table: string;
  start: number;
  count: number;
  /** Column positions (-1 for the index), in priority order. */
  sort?: { column: number; desc: boolean }[];
  search?: string;
}

/** Most rows one `rows` frame may ask for. */
export const MAX_ROWS_PER_REQUEST = 2000;

/** Largest browser frame a session accepts, in bytes (a long text area fits). */
export const MAX_CLIENT_FRAME_BYTES = 256 * 1024;

/**
 * The prop in which an element carries the HTML of its markdown texts, rendered in the session
 * (sessions/engine/markdown_html.ts), by `markdownKey`: the browser then needs no parser for them.
 */
export const MARKDOWN_HTML_PROP = "_md";

/** How the browser asks for one text's HTML: inline or not, unsafe HTML allowed or not. */
export function markdownKey(text: string, options: { inline?: boolean | undefined; unsafeHtml?: boolean | undefined }): string {
  return `${options.inline ? "i" : "b"}${options.unsafeHtml ? "u" : "s"}${text}`;
}

/** The frame `components.html` writes its HTML into, on the app's origin (edge/components.ts). */
/**
 * The reload cookie: a tab's session id, set by the client as its page goes (client/socket.ts),
 * so that the reload's request names the session whose page the server paints (edge/first_paint.ts).
 * The platform's: the app never sees it (sessions/engine/browser_context.ts).
 */
export const RESUME_COOKIE = "edgelit_resume";

export const COMPONENT_FRAME_PATH = "/_stcore/component_frame.html";
/**
 * What a component's frame may do, as the page's iframe and the document's own CSP both say:
 * scripts, forms, popups, dialogs, downloads; never the app's origin (no allow-same-origin).
 */
export const COMPONENT_SANDBOX = "allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads";
export const MAX_WIDGET_ID_LENGTH = 256;
/**
 * Bounds of a query string from the browser: a URL the platform serves is at most 16 KB, and no
 * app's links need more than a few hundred parameters.
 */
export const MAX_QUERY_VALUES = 256;
export const MAX_QUERY_BYTES = 16 * 1024;
export const MAX_WIDGETS_PER_FRAME = 1000;

/**
 * Why a text frame is over MAX_CLIENT_FRAME_BYTES, or null. The limit is on its UTF-8 bytes, as
 * the socket carries it: one UTF-16 unit is 1 to 3 bytes, so only a string between a third of
 * the limit and the limit, in units, needs counting.
 */
export function frameSizeRefusal(raw: string): string | null {
  const limit = MAX_CLIENT_FRAME_BYTES;
  if (raw.length > limit) return `Frame of at least ${raw.length} bytes exceeds the limit of ${limit} bytes.`;
  if (raw.length * 3 <= limit) return null;
  const bytes = utf8Length(raw);
  return bytes > limit ? `Frame of ${bytes} bytes exceeds the limit of ${limit} bytes.` : null;
}

/** The UTF-8 length of a string, without encoding it (a lone surrogate counts as U+FFFD's 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function pathKey(path: DeltaPath): string {
  return path.join(".");
}

/**
 * Parses one browser frame and checks its shape. Widget ids and values are checked
 * against the session's widgets by the session itself.
 */
export function parseClientFrame(
  raw: string | ArrayBuffer | ArrayBufferView,
): { ok: true; frame: ClientFrame } | { ok: false; code: ClientErrorCode; message: string } {
  if (typeof raw !== "string") {
    return { ok: false, code: "malformed_frame", message: "Frames must be JSON text, not binary." };
  }
  const tooLarge = frameSizeRefusal(raw);
  if (tooLarge) return { ok: false, code: "frame_too_large", message: tooLarge };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: "malformed_frame", message: "Frame is not valid JSON." };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, code: "malformed_frame", message: "Frame must be a JSON object." };
  }
  const frame = data as Record<string, unknown>;
  switch (frame.t) {
    case "rerun":
    case "stop":
      return { ok: true, frame: { t: frame.t } };
    case "page": {
      if (typeof frame.url_path !== "string" || frame.url_path.length > 512) {
        return { ok: false, code: "malformed_frame", message: "A page frame needs a string `url_path`." };
      }
      const query = frame.query === undefined ? undefined : parseQuery(frame.query);
      if (query === null) return { ok: false, code: "malformed_frame", message: "`query` must map keys to lists of strings." };
      const tooLarge = query ? queryRefusal(query) : null;
      if (tooLarge) return { ok: false, code: "invalid_value", message: tooLarge };
      return { ok: true, frame: { t: "page", url_path: frame.url_path, ...(query ? { query } : {}) } };
    }
    case "theme":
      if (frame.type !== "light" && frame.type !== "dark") {
        return { ok: false, code: "malformed_frame", message: 'A theme frame needs a `type`: "light" or "dark".' };
      }
      return { ok: true, frame: { t: "theme", type: frame.type } };
    case "rows":
      return parseRowsRequest(frame);
    case "widget": {
      const value = parseWidgetValue(frame);
      return typeof value === "string"
        ? { ok: false, code: "malformed_frame", message: value }
        : { ok: true, frame: { t: "widget", ...value } };
    }
    case "widgets": {
      if (!Array.isArray(frame.values) || frame.values.length === 0 || frame.values.length > MAX_WIDGETS_PER_FRAME) {
        return { ok: false, code: "malformed_frame", message: `A widgets frame needs \`values\`: 1 to ${MAX_WIDGETS_PER_FRAME} {id, value} objects.` };
      }
      const values: { id: string; value: WidgetWireValue }[] = [];
      for (const item of frame.values as unknown[]) {
        const value = typeof item === "object" && item !== null ? parseWidgetValue(item as Record<string, unknown>) : "Each entry of `values` must be an {id, value} object.";
        if (typeof value === "string") return { ok: false, code: "malformed_frame", message: value };
        values.push(value);
      }
      return { ok: true, frame: { t: "widgets", values } };
    }
    default:
      return {
        ok: false,
        code: "unknown_type",
        message: `Unknown frame type ${JSON.stringify(frame.t ?? null).slice(0, 40)}.`,
      };
  }
}

function parseRowsRequest(frame: Record<string, unknown>): { ok: true; frame: RowsRequest } | { ok: false; code: ClientErrorCode; message: string } {
  const bad = (message: string) => ({ ok: false as const, code: "malformed_frame" as const, message });
  const { req, table, start, count, sort, search } = frame;
  if (!Number.isSafeInteger(req) || typeof table !== "string" || table.length === 0 || table.length > 64) return bad("A rows frame needs `req` (an integer) and `table` (a table id).");
  if (!Number.isSafeInteger(start) || (start as number) < 0 || !Number.isSafeInteger(count) || (count as number) < 0 || (count as number) > MAX_ROWS_PER_REQUEST) {
    return bad(`A rows frame needs \`start\` ≥ 0 and \`count\` from 0 to ${MAX_ROWS_PER_REQUEST}.`);
  }
  if (search !== undefined && (typeof search !== "string" || search.length > 1000)) return bad("`search` must be text of at most 1000 characters.");
  const order = sort === undefined ? undefined : parseSort(sort);
  if (order === null) return bad("`sort` must be a list of {column, desc} (column -1 is the index).");
  return {
    ok: true,
    frame: {
      t: "rows",
      req: req as number,
      table,
      start: start as number,
      count: count as number,
      ...(order ? { sort: order } : {}),
      ...(search ? { search: search as string } : {}),
    },
  };
}

/** A table view's sort order, `[{column, desc}]` (column -1 the index), as a rows frame or a CSV download asks for it; null when malformed. */
export function parseSort(value: unknown): { column: number; desc: boolean }[] | null {
  if (!Array.isArray(value) || value.length > 16) return null;
  const order: { column: number; desc: boolean }[] = [];
  for (const item of value as unknown[]) {
    const { column, desc } = (typeof item === "object" && item !== null ? item : {}) as { column?: unknown; desc?: unknown };
    if (!Number.isSafeInteger(column) || (column as number) < -1 || typeof desc !== "boolean") return null;
    order.push({ column: column as number, desc });
  }
  return order;
}

/**
 * Why a query string from the browser is more than a URL of this platform could carry, or null:
 * at most MAX_QUERY_VALUES values (a key alone counts as one) and MAX_QUERY_BYTES of UTF-8 in its
 * keys and values. It is kept with the session and sent back on every reconnect.
 */
export function queryRefusal(query: Record<string, string[]>): string | null {
  let values = 0;
  let bytes = 0;
  for (const [key, list] of Object.entries(query)) {
    values += Math.max(1, list.length);
    bytes += utf8Length(key);
    for (const value of list) bytes += utf8Length(value);
    if (values > MAX_QUERY_VALUES || bytes > MAX_QUERY_BYTES) {
      return `A page's query string may hold at most ${MAX_QUERY_VALUES} values and ${MAX_QUERY_BYTES} bytes of keys and values.`;
    }
  }
  return null;
}

function parseQuery(value: unknown): Record<string, string[]> | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const query: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(value)) {
    if (!Array.isArray(values) || !values.every((v) => typeof v === "string")) return null;
    query[key] = values;
  }
  return query;
}

function parseWidgetValue(item: Record<string, unknown>): { id: string; value: WidgetWireValue } | string {
  if (typeof item.id !== "string" || item.id.length === 0 || item.id.length > MAX_WIDGET_ID_LENGTH) {
    return "A widget value needs a string `id`.";
  }
  if (!("value" in item) || !isWireValue(item.value)) {
    return "A widget value needs a `value`: a boolean, string, number, null, or an array of numbers or of strings.";
  }
  return { id: item.id, value: item.value };
}

function isWireValue(value: unknown): value is WidgetWireValue {
  if (value === null) return true;
  switch (typeof value) {
    case "boolean":
    case "string":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object":
      return (
        Array.isArray(value) &&
        (value.every((v) => typeof v === "number" && Number.isFinite(v)) || value.every((v) => typeof v === "string"))
      );
    default:
      return false;
  }
}
