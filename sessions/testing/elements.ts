/**
 * What AppTest hands out for each node of the page: one class per element family, picked
 * by a registry keyed by kind, all sharing the same lookups (`.get(kind)`, `.button`, ...).
 */
import { cellValue, type DataTable } from "../data/table.ts";
import { fromWire, tableRecords } from "./data.ts";
import { applyEdits, type EditingState } from "../api/data_editor.ts";
import type { WireTable } from "../protocol.ts";
import { isBlock, MARKDOWN_HTML_PROP, type BlockKind, type BlockProps, type DeltaPath, type LeafKind, type LeafProps, type TreeNode, type WidgetKind } from "../protocol.ts";

/** What elements need from the AppTest that found them. */
export interface TestHost {
  widgetValue(id: string): unknown;
  /** A table of the page by id, as the session keeps it. */
  tableById(id: string): DataTable | undefined;
  setPending(id: string, value: unknown): void;
  /** Uploads files for a file_uploader as a browser would (into the in-memory store), and sets its value for the next run. */
  uploadFiles(widgetId: string, files: TestUpload[]): void;
  /** A download button's bytes: from the media store, or made now when its data is a function. */
  downloadData(widgetId: string): Promise<Uint8Array>;
  run(options?: { timeout?: number }): Promise<unknown>;
}

/** Elements of one kind in page order (an array: `.map(e => e.value)` gives their values). */
export class ElementList<T> extends Array<T> {}

// Every node offers the named lookups, added to its prototype by `addLookups`.
export interface Node extends ElementLookups {}

/** Any node: a leaf element or a block. */
export class Node {
  constructor(
    private readonly treeNode: TreeNode,
    readonly path: DeltaPath,
    protected host: TestHost,
  ) {}

  get node(): TreeNode {
    return this.treeNode;
  }

  get kind(): string {
    return this.node.kind;
  }

  get proto(): unknown {
    return this.node.props;
  }

  /** The nodes inside this one (none for a leaf). */
  get children(): Node[] {
    const node = this.node;
    if (!isBlock(node)) return [];
    return node.children.map((child, i) => wrapNode(child, [...this.path, i], this.host));
  }

  /** Every element of `kind` (or of any of `kind`) inside this node, in page order. */
  get<W extends Node = Node>(kind: string | readonly string[]): ElementList<W> {
    const kinds: readonly string[] = typeof kind === "string" ? [kind] : kind;
    const found = new ElementList<W>();
    const visit = (node: Node) => {
      for (const child of node.children) {
        if (kinds.includes(child.kind)) found.push(child as W);
        visit(child);
      }
    };
    visit(this);
    return found;
  }

  /** Runs the app: lets `at.button[0].click().run()` read as in Streamlit. */
  run(options?: { timeout?: number }): Promise<unknown> {
    return this.host.run(options);
  }
}

export class Element<K extends LeafKind = LeafKind> extends Node {
  /** The element's props as the script set them (without the HTML of its markdown, a wire detail). */
  get props(): LeafProps[K] {
    return withoutMarkdownHtml(this.node.props) as LeafProps[K];
  }

  /** A text element's body; a widget's current value. */
  get value(): unknown {
    const props = this.props as { body?: unknown; value?: unknown };
    return "body" in props ? props.body : props.value;
  }
}

export class ExceptionElement extends Element<"exception"> {
  override get value(): string {
    return this.props.message;
  }
  get message(): string {
    return this.props.message;
  }
  get type(): string {
    return this.props.type;
  }
  get stack_trace(): string[] {
    return this.props.stack;
  }
  get is_warning(): boolean {
    return this.props.is_warning === true;
  }
}

export class Widget<K extends WidgetKind = WidgetKind, V = unknown> extends Element<K> {
  get id(): string {
    return this.props.id;
  }
  get label(): string {
    return this.props.label;
  }
  get help(): string | undefined {
    return this.props.help;
  }
  get disabled(): boolean {
    return this.props.disabled === true;
  }
  override get value(): V {
    return this.host.widgetValue(this.id) as V;
  }
  /** Sets the value the next run sees, as if the user had changed the widget. */
  set_value(value: V): this {
    this.host.setPending(this.id, value);
    return this;
  }
}

/** A file as a test uploads it: `type` defaults from the name (".csv" → "text/csv") or to "application/octet-stream". */
export interface TestUpload {
  name: string;
  type?: string;
  data: string | Uint8Array | ArrayBuffer;
}

/** `st.file_uploader`: `upload([...])` then `.run()`; `value` is what the script got (UploadedFile, a list, or null). */
export class FileUploader extends Widget<"file_uploader", unknown> {
  get type(): string[] | undefined {
    return this.props.type;
  }
  get accept_multiple_files(): boolean {
    return this.props.multiple;
  }
  /** Uploads the files (replacing the widget's files, as a new pick would) for the next run. */
  upload(files: TestUpload[]): this {
    this.host.uploadFiles(this.id, files);
    return this;
  }
  /** Removes every file, as the x of each would. */
  clear(): this {
    return this.set_value(this.props.multiple ? [] : null);
  }
}

/** `st.download_button`: its label, file name, type and (`await .data()`) bytes. */
export class DownloadButton extends Widget<"download_button", boolean> {
  get file_name(): string {
    return this.props.file_name;
  }
  get mime(): string {
    return this.props.mime;
  }
  /** The file's bytes. */
  data(): Promise<Uint8Array> {
    return this.host.downloadData(this.id);
  }
  /** The file as UTF-8 text. */
  async data_text(): Promise<string> {
    return new TextDecoder().decode(await this.data());
  }
  /** A click: reruns the app (unless on_click was "ignore"). */
  click(): this {
    return this.set_value(true);
  }
}

export class Button extends Widget<"button", boolean> {
  click(): this {
    return this.set_value(true);
  }
}

export class Checkbox extends Widget<"checkbox" | "toggle", boolean> {
  check(): this {
    return this.set_value(true);
  }
  uncheck(): this {
    return this.set_value(false);
  }
}

export class TextInput extends Widget<"text_input" | "text_area", string | null> {
  input(value: string): this {
    return this.set_value(value);
  }
}

export class NumberInput extends Widget<"number_input", number | null> {
  increment(): this {
    return this.set_value(Math.min((this.value ?? 0) + this.props.step, this.props.max ?? Infinity));
  }
  decrement(): this {
    return this.set_value(Math.max((this.value ?? 0) - this.props.step, this.props.min ?? -Infinity));
  }
}

export class Slider extends Widget<"slider", number | number[]> {}

export class Selectbox<T = unknown> extends Widget<"selectbox" | "radio", T | null> {
  get options(): string[] {
    return this.props.options;
  }
  get index(): number | null {
    return this.props.index;
  }
  select(value: T): this {
    return this.set_value(value);
  }
}

export class Multiselect<T = unknown> extends Widget<"multiselect", T[]> {
  get options(): string[] {
    return this.props.options;
  }
  select(value: T): this {
    return this.set_value([...this.value.filter((v) => v !== value), value]);
  }
  unselect(value: T): this {
    return this.set_value(this.value.filter((v) => v !== value));
  }
}

export class SelectSlider<T = unknown> extends Widget<"select_slider", T | T[]> {
  get options(): string[] {
    return this.props.options;
  }
  set_range(lower: T, upper: T): this {
    return this.set_value([lower, upper]);
  }
}

export class ColorPicker extends Widget<"color_picker", string> {
  pick(color: string): this {
    return this.set_value(color);
  }
}

/** `value` is an ISO date, a [start, end] list for a range, or null; set it with ISO strings or Dates. */
export class DateInput extends Widget<"date_input", string | string[] | Date | Date[] | null> {}

export class TimeInput extends Widget<"time_input", string | null> {
  /** One `step` later, wrapping past midnight. */
  increment(): this {
    return this.set_value(this.shifted(this.props.step));
  }
  decrement(): this {
    return this.set_value(this.shifted(-this.props.step));
  }
  private shifted(seconds: number): string {
    const [h = 0, m = 0, s = 0] = (this.value ?? "00:00").split(":").map(Number);
    const total = (((h * 3600 + m * 60 + s + seconds) % 86400) + 86400) % 86400;
    const pad = (n: number) => String(n).padStart(2, "0");
    const hhmm = `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}`;
    return this.props.step % 60 === 0 ? hhmm : `${hhmm}:${pad(total % 60)}`;
  }
}

/** st.pills and st.segmented_control. */
export class ButtonGroup<T = unknown> extends Widget<"pills" | "segmented_control", T | T[] | null> {
  get options(): string[] {
    return this.props.options;
  }
  get indices(): number[] {
    return this.props.indexes;
  }
  /** Selects an option: adds it in "multi" mode, replaces the selection in "single" mode. */
  select(value: T): this {
    if (this.props.selection_mode === "single") return this.set_value(value);
    return this.set_value([...this.selected().filter((v) => v !== value), value]);
  }
  unselect(value: T): this {
    if (this.props.selection_mode === "single") return this.set_value(this.value === value ? null : (this.value as T | null));
    return this.set_value(this.selected().filter((v) => v !== value));
  }
  private selected(): T[] {
    return Array.isArray(this.value) ? (this.value as T[]) : [];
  }
}

export class Feedback extends Widget<"feedback", number | null> {}

/** Its value is the message on the run a submission triggers, then null. */
export class ChatInput extends Widget<"chat_input", string | null> {}

export class Metric extends Element<"metric"> {
  override get value(): string {
    return this.props.value;
  }
  get label(): string {
    return this.props.label;
  }
  get delta(): string | undefined {
    return this.props.delta;
  }
}

export class Badge extends Element<"badge"> {
  override get value(): string {
    return this.props.label;
  }
  get label(): string {
    return this.props.label;
  }
  get color(): string {
    return this.props.color;
  }
}

export class LinkButton extends Element<"link_button"> {
  override get value(): string {
    return this.props.label;
  }
  get label(): string {
    return this.props.label;
  }
  get url(): string {
    return this.props.url;
  }
}

/**
 * A data element (st.table, st.dataframe, st.data_editor, a chart): the whole table the script
 * made, even when the browser only gets the rows it shows. `value` is its rows as objects keyed
 * by column, as `conn.query()` returns them; `rows` the same as arrays.
 */
export class DataElement<K extends "table" | "dataframe" | "dataframe_selection" | "data_editor" | "vega_lite_chart" = "table"> extends Element<K> {
  /** The table as the session holds it (every row). */
  get data(): DataTable {
    const wire = (this.props as { table: WireTable }).table;
    return this.host.tableById(wire.id) ?? fromWire(wire);
  }
  override get value(): Record<string, unknown>[] {
    const table = this.data;
    return tableRecords(table);
  }
  /** Its column headers (`columns` is the lookup of `st.columns` blocks, as on every node). */
  get headers(): string[] {
    return this.data.columns.map((c) => c.name);
  }
  get rows(): unknown[][] {
    const table = this.data;
    return Array.from({ length: table.rowCount }, (_, r) => table.columns.map((c) => cellValue(c, r)));
  }
  /** Column types as the grid formats them ("integer", "number", "string", "datetime"...). */
  get column_types(): Record<string, string> {
    return Object.fromEntries(this.data.columns.map((c) => [c.name, c.type]));
  }
  /** The index labels, or null for a RangeIndex. */
  get index(): unknown[] | null {
    const table = this.data;
    return table.index ? Array.from({ length: table.rowCount }, (_, r) => cellValue(table.index!, r)) : null;
  }
}

export class Table extends DataElement<"table"> {}

/** `components.html` and `components.iframe`: what the frame shows and its size. */
export class IFrame extends Element<"iframe"> {
  get html(): string | null {
    return this.props.html ?? null;
  }
  get src(): string | null {
    return this.props.src ?? null;
  }
  get height(): number {
    return this.props.height;
  }
  get width(): number | null {
    return this.props.width ?? null;
  }
  get scrolling(): boolean {
    return this.props.scrolling;
  }
}

/**
 * A custom component's instance: its name, the arguments its front end gets (tables as their
 * rows, bytes as Uint8Array), the value the script got, and `set_value(v)` for what the front end
 * would send with `Streamlit.setComponentValue(v)`.
 */
export class ComponentInstance extends Widget<"component_instance", unknown> {
  get name(): string {
    return this.props.component_name;
  }
  /** The front end's folder in the app (`components/<folder>`), or its dev server's URL. */
  get source(): string {
    return this.props.folder !== undefined ? `components/${this.props.folder}` : this.props.url!;
  }
  get args(): Record<string, unknown> {
    const args = JSON.parse(this.props.json_args) as Record<string, unknown>;
    for (const { key, table } of this.props.dataframe_args ?? []) args[key] = tableRecords(this.host.tableById(table.id) ?? fromWire(table));
    for (const { key, base64 } of this.props.bytes_args ?? []) args[key] = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return args;
  }
}

type Edits = { edited_rows: Record<string, Record<string, unknown>>; added_rows: Record<string, unknown>[]; deleted_rows: number[] };

/**
 * `st.data_editor`: `value` is the data as the script got it back (edits applied), `edits`
 * Streamlit's edit dict. `set_value(row, column, value)`, `add_row`, `delete_rows` edit as a viewer.
 */
export class DataEditor extends DataElement<"data_editor"> {
  get id(): string {
    return this.props.id;
  }
  /** The script's return value of the last run (the edited data, in the shape passed). */
  override get value(): Record<string, unknown>[] {
    return tableRecords(applyEdits(this.data, this.edits as EditingState));
  }
  get edits(): Edits {
    return structuredClone(this.host.widgetValue(this.id) as Edits);
  }
  /** Sets the edit dict whole, as Streamlit's AppTest does with a data editor's state. */
  set_edits(edits: Partial<Edits>): this {
    this.host.setPending(this.id, { edited_rows: {}, added_rows: [], deleted_rows: [], ...edits });
    return this;
  }
  set_value(row: number, column: string, value: unknown): this {
    const edits = this.pendingEdits();
    (edits.edited_rows[String(row)] ??= {})[column] = value instanceof Date ? value.toISOString() : value;
    return this.set_edits(edits);
  }
  add_row(values: Record<string, unknown>): this {
    const edits = this.pendingEdits();
    edits.added_rows.push(values);
    return this.set_edits(edits);
  }
  delete_rows(rows: number[]): this {
    const edits = this.pendingEdits();
    edits.deleted_rows = [...new Set([...edits.deleted_rows, ...rows])].sort((a, b) => a - b);
    return this.set_edits(edits);
  }
  private pendingEdits(): Edits {
    return this.edits;
  }
}

/** `st.dataframe`; with `on_select`, `selection` is what the script got and `select_rows` changes it. */
export class Dataframe extends DataElement<"dataframe" | "dataframe_selection"> {
  get selection(): { rows: number[]; columns: string[]; cells: [number, string][] } | null {
    if (this.node.kind !== "dataframe_selection") return null;
    return (this.host.widgetValue(this.id!) as { selection: { rows: number[]; columns: string[]; cells: [number, string][] } }).selection;
  }
  get id(): string | undefined {
    return (this.props as { id?: string }).id;
  }
  /** Selects rows (positions in the table as the script made it), as a viewer's clicks would. */
  select_rows(rows: number[], columns: string[] = [], cells: [number, string][] = []): this {
    if (this.node.kind !== "dataframe_selection") throw new Error("This dataframe is not selectable: give it on_select.");
    this.host.setPending(this.id!, { selection: { rows, columns, cells } });
    return this;
  }
}

/**
 * A chart (`st.line_chart`, ..., `st.vega_lite_chart`, `st.altair_chart`): its Vega-Lite spec,
 * and its data as the session holds it (every row, rows added by `add_rows` included; a built-in
 * chart's data is the long form it melted). `chart_type` names the built-in command, if one made it.
 */
export class VegaLiteChart extends Element<"vega_lite_chart"> {
  /** The spec, parsed (its data is `{ name: "data" }`: the table below). */
  get spec(): Record<string, any> {
    return JSON.parse(this.props.spec) as Record<string, any>;
  }
  /** The chart's table, whole (`table` is the lookup of `st.table` elements, as on every node). */
  get data_table(): DataTable {
    return this.host.tableById(this.props.table.id) ?? fromWire(this.props.table);
  }
  /** The chart's rows as objects keyed by column. */
  get data(): Record<string, unknown>[] {
    return tableRecords(this.data_table);
  }
  override get value(): Record<string, unknown>[] {
    return this.data;
  }
  /** "line_chart", "area_chart", "bar_chart" or "scatter_chart"; undefined for a spec the script wrote. */
  get chart_type(): string | undefined {
    return this.props.chart_type;
  }
  get width(): number | "stretch" | undefined {
    return this.props.width;
  }
  get height(): number | undefined {
    return this.props.height;
  }
  /** "streamlit" or null (Vega-Lite's own look). */
  get theme(): "streamlit" | null {
    return this.props.theme === null ? null : "streamlit";
  }
}

export class Block<K extends BlockKind = BlockKind> extends Node {
  get props(): BlockProps[K] {
    return withoutMarkdownHtml(this.node.props) as BlockProps[K];
  }
  /** Tabs and expanders are known by their label. */
  get label(): string | undefined {
    return (this.node.props as { label?: string }).label;
  }
}

export class ChatMessage extends Block<"chat_message"> {
  get name(): string {
    return this.props.name;
  }
  get avatar(): string | undefined {
    return this.props.avatar;
  }
}

type NodeClass = new (node: TreeNode, path: DeltaPath, host: TestHost) => Node;

const classByKind: Partial<Record<string, NodeClass>> = {
  exception: ExceptionElement,
  button: Button,
  form_submit_button: Button,
  checkbox: Checkbox,
  toggle: Checkbox,
  text_input: TextInput,
  text_area: TextInput,
  number_input: NumberInput,
  slider: Slider,
  selectbox: Selectbox,
  radio: Selectbox,
  multiselect: Multiselect,
  select_slider: SelectSlider,
  color_picker: ColorPicker,
  date_input: DateInput,
  time_input: TimeInput,
  pills: ButtonGroup,
  segmented_control: ButtonGroup,
  feedback: Feedback,
  chat_input: ChatInput,
  metric: Metric,
  badge: Badge,
  link_button: LinkButton,
  chat_message: ChatMessage,
  file_uploader: FileUploader,
  download_button: DownloadButton,
  table: Table,
  dataframe: Dataframe,
  dataframe_selection: Dataframe,
  data_editor: DataEditor,
  vega_lite_chart: VegaLiteChart,
  iframe: IFrame,
  component_instance: ComponentInstance,
};

export function wrapNode(node: TreeNode, path: DeltaPath, host: TestHost): Node {
  const NodeClass = classByKind[node.kind] ?? (isBlock(node) ? Block : Element);
  return new NodeClass(node, path, host);
}

/** The lookups every node offers by name, as Streamlit's AppTest does. */
export interface ElementLookups {
  readonly markdown: ElementList<Element<"markdown">>;
  readonly title: ElementList<Element<"title">>;
  readonly header: ElementList<Element<"header">>;
  readonly subheader: ElementList<Element<"subheader">>;
  readonly caption: ElementList<Element<"caption">>;
  readonly text: ElementList<Element<"text">>;
  readonly code: ElementList<Element<"code">>;
  readonly divider: ElementList<Element<"divider">>;
  readonly json: ElementList<Element<"json">>;
  readonly table: ElementList<Table>;
  /** Every `st.dataframe`, selectable or not. */
  readonly dataframe: ElementList<Dataframe>;
  readonly data_editor: ElementList<DataEditor>;
  readonly success: ElementList<Element<"success">>;
  readonly info: ElementList<Element<"info">>;
  readonly warning: ElementList<Element<"warning">>;
  readonly error: ElementList<Element<"error">>;
  readonly exception: ElementList<ExceptionElement>;
  readonly empty: ElementList<Element<"empty">>;
  /** Every `st.button` and `st.form_submit_button`, as in Streamlit's AppTest. */
  readonly button: ElementList<Button>;
  readonly checkbox: ElementList<Checkbox>;
  readonly toggle: ElementList<Checkbox>;
  readonly text_input: ElementList<TextInput>;
  readonly text_area: ElementList<TextInput>;
  readonly number_input: ElementList<NumberInput>;
  readonly slider: ElementList<Slider>;
  readonly selectbox: ElementList<Selectbox<any>>;
  readonly radio: ElementList<Selectbox<any>>;
  readonly multiselect: ElementList<Multiselect<any>>;
  readonly columns: ElementList<Block<"column">>;
  readonly tabs: ElementList<Block<"tab">>;
  readonly expander: ElementList<Block<"expander">>;
  readonly container: ElementList<Block<"vertical">>;
  readonly select_slider: ElementList<SelectSlider<any>>;
  readonly color_picker: ElementList<ColorPicker>;
  readonly date_input: ElementList<DateInput>;
  readonly time_input: ElementList<TimeInput>;
  readonly pills: ElementList<ButtonGroup<any>>;
  readonly segmented_control: ElementList<ButtonGroup<any>>;
  readonly feedback: ElementList<Feedback>;
  readonly chat_input: ElementList<ChatInput>;
  readonly metric: ElementList<Metric>;
  readonly badge: ElementList<Badge>;
  readonly link_button: ElementList<LinkButton>;
  readonly image: ElementList<Element<"image">>;
  readonly popover: ElementList<Block<"popover">>;
  readonly chat_message: ElementList<ChatMessage>;
  readonly form: ElementList<Block<"form">>;
  readonly form_submit_button: ElementList<Button>;
  readonly status: ElementList<Block<"status">>;
  readonly progress: ElementList<Element<"progress">>;
  readonly toast: ElementList<Element<"toast">>;
  readonly spinner: ElementList<Element<"spinner">>;
  readonly file_uploader: ElementList<FileUploader>;
  readonly download_button: ElementList<DownloadButton>;
  /** `components.html` and `components.iframe`. */
  readonly iframe: ElementList<IFrame>;
  /** Every custom component instance (`components.declare_component`). */
  readonly component: ElementList<ComponentInstance>;
  /** Every chart: the built-in ones, `st.vega_lite_chart` and `st.altair_chart`. */
  readonly vega_lite_chart: ElementList<VegaLiteChart>;
  readonly line_chart: ElementList<VegaLiteChart>;
  readonly area_chart: ElementList<VegaLiteChart>;
  readonly bar_chart: ElementList<VegaLiteChart>;
  readonly scatter_chart: ElementList<VegaLiteChart>;
}

type ChartLookup = "line_chart" | "area_chart" | "bar_chart" | "scatter_chart";
const CHART_LOOKUPS: readonly ChartLookup[] = ["line_chart", "area_chart", "bar_chart", "scatter_chart"];

const lookupKinds: Record<Exclude<keyof ElementLookups, ChartLookup>, string | readonly string[]> = {
  markdown: "markdown", title: "title", header: "header", subheader: "subheader", caption: "caption",
  text: "text", code: "code", divider: "divider", json: "json", table: "table", dataframe: ["dataframe", "dataframe_selection"], data_editor: "data_editor", success: "success", info: "info",
  warning: "warning", error: "error", exception: "exception", empty: "empty", button: ["button", "form_submit_button"],
  checkbox: "checkbox", toggle: "toggle", text_input: "text_input", text_area: "text_area",
  number_input: "number_input", slider: "slider", selectbox: "selectbox", radio: "radio",
  multiselect: "multiselect", columns: "column", tabs: "tab", expander: "expander", container: "vertical",
  select_slider: "select_slider", color_picker: "color_picker", date_input: "date_input", time_input: "time_input",
  pills: "pills", segmented_control: "segmented_control", feedback: "feedback", chat_input: "chat_input",
  metric: "metric", badge: "badge", link_button: "link_button", image: "image", popover: "popover", chat_message: "chat_message",
  form: "form", form_submit_button: "form_submit_button", status: "status", progress: "progress", toast: "toast",
  spinner: "spinner", file_uploader: "file_uploader", download_button: "download_button", vega_lite_chart: "vega_lite_chart",
  iframe: "iframe", component: "component_instance",
};

/** Gives a class the named lookups (`.button`, `.markdown`, ...) on top of its `get(kind)`. */
export function addLookups(target: { prototype: { get(kind: string | readonly string[]): unknown } }): void {
  for (const [name, kind] of Object.entries(lookupKinds)) {
    Object.defineProperty(target.prototype, name, {
      get(this: { get(kind: string | readonly string[]): unknown }) {
        return this.get(kind);
      },
      configurable: true,
    });
  }
  // The built-in charts are vega_lite_chart elements that name the command that made them.
  for (const name of CHART_LOOKUPS) {
    Object.defineProperty(target.prototype, name, {
      get(this: { get(kind: string | readonly string[]): ElementList<Node> }) {
        const charts = this.get("vega_lite_chart") as unknown as VegaLiteChart[];
        const found = new ElementList<VegaLiteChart>();
        for (const chart of charts) if (chart.chart_type === name) found.push(chart);
        return found;
      },
      configurable: true,
    });
  }
}

addLookups(Node);

function withoutMarkdownHtml<P extends object>(props: P): P {
  if (!(MARKDOWN_HTML_PROP in props)) return props;
  const { [MARKDOWN_HTML_PROP]: _html, ...rest } = props as Record<string, unknown>;
  return rest as P;
}
