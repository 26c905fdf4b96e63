/**
 * Generated browser frames for the fuzzers: fast-check makes recipes, and a recipe becomes a frame
 * against what the session shows at the moment it is sent (its widgets, pages and tables), with
 * the answers the session may give it. Most frames are plausible or nearly so (a real widget, a
 * boundary value); the rest are garbage, oversized, of the wrong shape, or for things gone.
 */
import fc from "fast-check";
import {
  MAX_CLIENT_FRAME_BYTES,
  MAX_QUERY_BYTES,
  MAX_QUERY_VALUES,
  MAX_ROWS_PER_REQUEST,
  MAX_WIDGET_ID_LENGTH,
  MAX_WIDGETS_PER_FRAME,
  type ClientErrorCode,
  type LeafProps,
  type WidgetKind,
} from "../../sessions/protocol.ts";
import { browserVerdict, isWireShape, nullAllowedNow } from "./browser_values.ts";

export interface ShownWidget {
  id: string;
  kind: WidgetKind;
  props: LeafProps[WidgetKind];
}

/** What the frames are made against. */
export interface SessionView {
  /** The widgets the page shows now. */
  widgets(): ShownWidget[];
  /** The widget the session checks a value against (by default, the one the page shows). */
  lookup?(id: string): ShownWidget | undefined;
  /** Widget ids that were once on a page (this app's earlier pages, other apps'): most are gone. */
  staleIds: readonly string[];
  /** The app's pages' URL paths ("" for the default page). */
  pages(): string[];
  /** Ids of the tables the page shows. */
  tables(): string[];
  /** Query parameters every page frame keeps (an app's size, say), under what is generated. */
  baseQuery?: Record<string, string[]>;
}

/** What the session answers a frame: an error frame of a code, a rows answer, or nothing. */
export type Outcome = ClientErrorCode | "accepted" | "rows";

export interface Frame {
  raw: string | ArrayBuffer;
  /** Recipe kind, for the counts. */
  label: string;
  /** The answers the session may give; exactly one happens. */
  outcomes: ReadonlySet<Outcome>;
}

const KNOWN_TYPES = ["widget", "widgets", "rerun", "stop", "page", "theme", "rows"];
const ANY: ReadonlySet<Outcome> = new Set<Outcome>(["accepted", "rows", "malformed_frame", "unknown_type", "frame_too_large", "unknown_widget", "unknown_page", "invalid_value"]);
const only = (...outcomes: Outcome[]): ReadonlySet<Outcome> => new Set(outcomes);

// ---- recipes ----

const junkValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.double(),
  fc.integer(),
  fc.array(fc.integer({ min: -3, max: 20 }), { maxLength: 6 }),
  fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
  fc.string({ maxLength: 40, unit: "grapheme" }),
);

const widgetItem = fc.record({
  target: fc.nat(),
  /** 0-7: a widget on the page; 8: a stale id; 9: a made-up id or a malformed one. */
  idMode: fc.nat({ max: 9 }),
  /** What value: one its user could give it, one at or past its edges, or anything at all. */
  value: fc.constantFrom("plausible", "plausible", "edge", "edge", "junk"),
  pick: fc.nat(),
  junk: junkValue,
  /** Drop the value, or give an object: shapes no widget frame has. */
  shape: fc.constantFrom(...Array<string>(18).fill("ok"), "no-value", "object"),
});

const pageRecipe = fc.record({
  r: fc.constant("page" as const),
  path: fc.oneof(fc.nat().map((n) => ({ known: n })), fc.constantFrom("../../etc/passwd", "nope", "reports", "dashboard", "/", "//", "a/b", "x".repeat(600)), fc.string({ maxLength: 20 })),
  query: fc.oneof(
    fc.constant(undefined),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), { maxKeys: 4 }),
    fc.constantFrom("huge-keys", "huge-bytes", "bad-shape", "at-limit"),
  ),
});

const rowsRecipe = fc.record({
  r: fc.constant("rows" as const),
  table: fc.oneof(fc.nat().map((n) => ({ shown: n })), fc.string({ maxLength: 70 })),
  req: fc.oneof(fc.nat(), fc.constantFrom(-1, 1.5, 2 ** 53)),
  start: fc.oneof(fc.nat({ max: 5000 }), fc.constantFrom(-1, 0.5)),
  count: fc.oneof(fc.nat({ max: 600 }), fc.constantFrom(0, MAX_ROWS_PER_REQUEST, MAX_ROWS_PER_REQUEST + 1, -1)),
  // A sort or a search of a million rows takes a good part of a second: one rows frame in five has one.
  sort: fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.array(fc.record({ column: fc.integer({ min: -2, max: 6 }), desc: fc.oneof(fc.boolean(), fc.constant(1)) }), { maxLength: 3 }) },
  ),
  search: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 6 }), fc.constant("s".repeat(1001))) }),
});

export const recipe = fc.oneof(
  { weight: 40, arbitrary: fc.record({ r: fc.constant("widget" as const), item: widgetItem }) },
  { weight: 10, arbitrary: fc.record({ r: fc.constant("widgets" as const), items: fc.array(widgetItem, { maxLength: 6 }), overfull: fc.nat({ max: 39 }).map((n) => n === 0) }) },
  { weight: 8, arbitrary: pageRecipe },
  { weight: 6, arbitrary: rowsRecipe },
  { weight: 4, arbitrary: fc.record({ r: fc.constant("control" as const), t: fc.constantFrom("rerun", "stop") }) },
  { weight: 3, arbitrary: fc.record({ r: fc.constant("theme" as const), type: fc.constantFrom<unknown>("light", "dark", "Dark", "", null, 1) }) },
  { weight: 8, arbitrary: fc.record({ r: fc.constant("json" as const), value: fc.jsonValue({ maxDepth: 3 }) }) },
  {
    weight: 8,
    arbitrary: fc.record({
      r: fc.constant("text" as const),
      text: fc.oneof(fc.string({ maxLength: 60, unit: "binary" }), fc.constantFrom("", "{", "{not json", "null", "[]", "42", '"rerun"', '{"t":', '{"t":"widget"', "[{}]", '{"t":"rerun"}{"t":"stop"}')),
    }),
  },
  { weight: 6, arbitrary: fc.record({ r: fc.constant("typed" as const), t: fc.constantFrom<unknown>(...KNOWN_TYPES, "Widget", "widget ", "", "__proto__", "constructor", null, 7, ["rerun"]), extra: fc.dictionary(fc.constantFrom("id", "value", "values", "url_path", "query", "type", "req", "table", "start", "count", "x"), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ r: fc.constant("binary" as const), bytes: fc.nat({ max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ r: fc.constant("oversize" as const), char: fc.constantFrom("x", "é", "€", "😀"), over: fc.boolean() }) },
);

export type Recipe = typeof recipe extends fc.Arbitrary<infer R> ? R : never;

// ---- frames from recipes ----

export function frameOf(recipe: Recipe, view: SessionView): Frame {
  switch (recipe.r) {
    case "widget": {
      const item = widgetItemOf(recipe.item, view);
      const raw = JSON.stringify({ t: "widget", ...item.body });
      return { raw, label: "widget", outcomes: widgetOutcomes([item.body], view) };
    }
    case "widgets": {
      const bodies = recipe.items.map((i) => widgetItemOf(i, view).body);
      if (recipe.overfull) while (bodies.length <= MAX_WIDGETS_PER_FRAME) bodies.push({ id: "x", value: 1 });
      return { raw: JSON.stringify({ t: "widgets", values: bodies }), label: "widgets", outcomes: widgetOutcomes(bodies, view, true) };
    }
    case "page":
      return pageFrame(recipe, view);
    case "rows":
      return rowsFrame(recipe, view);
    case "control":
      return { raw: JSON.stringify({ t: recipe.t }), label: recipe.t, outcomes: only("accepted") };
    case "theme":
      return { raw: JSON.stringify({ t: "theme", type: recipe.type }), label: "theme", outcomes: recipe.type === "light" || recipe.type === "dark" ? only("accepted") : only("malformed_frame") };
    case "json":
    case "text":
    case "typed": {
      const raw = recipe.r === "json" ? JSON.stringify(recipe.value) : recipe.r === "text" ? recipe.text : JSON.stringify({ ...recipe.extra, t: recipe.t });
      return { raw, label: recipe.r, outcomes: outcomesOfText(raw) };
    }
    case "binary":
      return { raw: new Uint8Array(recipe.bytes).fill(123).buffer, label: "binary", outcomes: only("malformed_frame") };
    case "oversize":
      return oversizeFrame(recipe.char, recipe.over);
  }
}

/** The answers to a frame of text that is not one the generators built (garbage, random JSON). */
function outcomesOfText(raw: string): ReadonlySet<Outcome> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return only("malformed_frame");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return only("malformed_frame");
  const t = (data as { t?: unknown }).t;
  if (t === "rerun" || t === "stop") return only("accepted");
  if (typeof t !== "string" || !KNOWN_TYPES.includes(t)) return only("unknown_type");
  if (t === "theme") return only((data as { type?: unknown }).type === "light" || (data as { type?: unknown }).type === "dark" ? "accepted" : "malformed_frame");
  return ANY;
}

interface WidgetBody {
  id?: unknown;
  value?: unknown;
}

type WidgetItem = typeof widgetItem extends fc.Arbitrary<infer I> ? I : never;

function widgetItemOf(item: WidgetItem, view: SessionView): { body: WidgetBody } {
  const widgets = view.widgets();
  let id: unknown;
  let widget: ShownWidget | undefined;
  if (item.idMode < 8 && widgets.length > 0) {
    widget = widgets[item.target % widgets.length]!;
    id = widget.id;
  } else if (item.idMode === 8 && view.staleIds.length > 0) {
    id = view.staleIds[item.target % view.staleIds.length];
  } else {
    id = [`button-${"0".repeat(16)}`, "", "x".repeat(MAX_WIDGET_ID_LENGTH + 1), 42, null, "selectbox-ffffffffffffffff"][item.target % 6];
  }
  if (item.shape === "no-value") return { body: { id } };
  if (item.shape === "object") return { body: { id, value: { nested: [item.junk] } } };
  if (item.value === "junk" || !widget) return { body: { id, value: item.junk } };
  if (item.value === "plausible") return { body: { id, value: plausibleValue(widget, item.pick) } };
  const edges = edgeValues(widget);
  return { body: { id, value: edges[item.pick % edges.length] } };
}

/** The answers to widget values, judged in order as the session does (the whole frame is refused at the first bad one). */
function widgetOutcomes(bodies: WidgetBody[], view: SessionView, batch = false): ReadonlySet<Outcome> {
  // Judged on what the session will parse: JSON turns NaN into null, -0 into 0.
  const parsed = JSON.parse(JSON.stringify(bodies)) as WidgetBody[];
  if (batch && (parsed.length === 0 || parsed.length > MAX_WIDGETS_PER_FRAME)) return only("malformed_frame");
  const shapeOk = (b: WidgetBody) => typeof b.id === "string" && b.id.length > 0 && b.id.length <= MAX_WIDGET_ID_LENGTH && "value" in b && isWireShape(b.value);
  if (!parsed.every(shapeOk)) return only("malformed_frame");
  const outcomes = new Set<Outcome>();
  const lookup = view.lookup ?? ((id: string) => view.widgets().find((w) => w.id === id));
  for (const { id, value } of parsed as { id: string; value: Parameters<typeof browserVerdict>[2] }[]) {
    const widget = lookup(id);
    if (!widget) return outcomes.add("unknown_widget");
    const verdict = browserVerdict(widget.kind, widget.props, value, nullAllowedNow(widget.kind, widget.props));
    if (verdict === "bad") return outcomes.add("invalid_value");
    if (verdict === "unknown") outcomes.add("invalid_value");
    // A browser holds a form's values, and sends them only with its submit button's click.
    if (!batch && widget.props.form_id !== undefined && widget.kind !== "form_submit_button") return only("invalid_value");
  }
  return outcomes.add("accepted");
}

function pageFrame(recipe: Extract<Recipe, { r: "page" }>, view: SessionView): Frame {
  const pages = view.pages();
  const path = typeof recipe.path === "object" ? (pages[recipe.path.known % pages.length] ?? "") : recipe.path;
  const generated = queryOf(recipe.query);
  const query = view.baseQuery && typeof generated === "object" ? { ...view.baseQuery, ...generated } : generated;
  const raw = JSON.stringify({ t: "page", url_path: path, ...(query !== undefined ? { query } : {}) });
  const label = "page";
  if (path.length > 512 || recipe.query === "bad-shape") return { raw, label, outcomes: only("malformed_frame") };
  if (recipe.query === "huge-keys" || recipe.query === "huge-bytes") return { raw, label, outcomes: only("invalid_value") };
  const wanted = path.replace(/^\/+|\/+$/g, "");
  return { raw, label, outcomes: only(wanted === "" || pages.includes(wanted) ? "accepted" : "unknown_page") };
}

function queryOf(query: Extract<Recipe, { r: "page" }>["query"]): unknown {
  switch (query) {
    case "huge-keys":
      return Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`key${i}`, ["value"]]));
    case "huge-bytes":
      return { q: ["€".repeat(Math.ceil(MAX_QUERY_BYTES / 3) + 1)] };
    case "at-limit":
      return { tag: Array.from({ length: MAX_QUERY_VALUES - 1 }, (_, i) => String(i)) };
    case "bad-shape":
      return { a: "not a list" };
    default:
      return query;
  }
}

function rowsFrame(recipe: Extract<Recipe, { r: "rows" }>, view: SessionView): Frame {
  const tables = view.tables();
  const table = typeof recipe.table === "object" ? (tables[recipe.table.shown % Math.max(1, tables.length)] ?? "t0") : recipe.table;
  const { req, start, count, sort, search } = recipe;
  const raw = JSON.stringify({ t: "rows", req, table, start, count, ...(sort ? { sort } : {}), ...(search !== undefined ? { search } : {}) });
  const good =
    Number.isSafeInteger(req) &&
    table.length > 0 &&
    table.length <= 64 &&
    Number.isSafeInteger(start) &&
    start >= 0 &&
    Number.isSafeInteger(count) &&
    count >= 0 &&
    count <= MAX_ROWS_PER_REQUEST &&
    (search === undefined || search.length <= 1000) &&
    (sort === undefined || sort.every((s) => s.column >= -1 && typeof s.desc === "boolean"));
  return { raw, label: "rows", outcomes: only(good ? "rows" : "malformed_frame") };
}

const oversizeCache = new Map<string, string>();

/** A rerun frame just over the size limit in UTF-8 bytes, or just within it. */
function oversizeFrame(char: string, over: boolean): Frame {
  const key = `${char}${over}`;
  let raw = oversizeCache.get(key);
  if (raw === undefined) {
    const perChar = new TextEncoder().encode(char).length;
    const frame = (n: number) => `{"t":"rerun","padding":"${char.repeat(n)}"}`;
    const fits = Math.floor((MAX_CLIENT_FRAME_BYTES - frame(0).length) / perChar);
    raw = frame(over ? fits + 1 : fits);
    oversizeCache.set(key, raw);
  }
  return { raw, label: over ? "oversize" : "at-size-limit", outcomes: only(over ? "frame_too_large" : "accepted") };
}

// ---- values for each widget ----

/** A value the widget's user could give it (the `pick`-th of many), or its current one where there is no telling. */
export function plausibleValue(widget: ShownWidget, pick: number): unknown {
  const p = widget.props as Record<string, any>;
  const n = (p.options?.length as number | undefined) ?? 0;
  const subset = () => Array.from({ length: n }, (_, i) => i).filter((i) => (pick >> i) & 1);
  switch (widget.kind) {
    case "number_input":
    case "slider": {
      const min = p.min ?? -100;
      const max = p.max ?? 100;
      const steps = Math.max(1, Math.floor((max - min) / p.step));
      const at = (k: number) => Math.min(max, Number((min + (k % (steps + 1)) * p.step).toFixed(10)));
      if (widget.kind === "number_input") return at(pick);
      return p.value.length === 2 ? [at(pick), at(pick + (pick % 7))].sort((a, b) => a - b) : at(pick);
    }
    case "selectbox":
    case "radio":
      return n > 0 ? pick % n : null;
    case "select_slider":
      return p.value.length === 2 ? [pick % n, pick % n + ((pick >> 4) % (n - (pick % n)))] : pick % n;
    case "multiselect":
      return subset().slice(0, p.max_selections ?? n);
    case "pills":
    case "segmented_control":
      return p.selection_mode === "single" ? subset().slice(0, 1) : subset();
    case "text_input":
    case "text_area":
    case "chat_input":
      return ["Ada", "", "Grace Hopper", "  spaced  ", "ünïcödé 😀", "x".repeat(p.max_chars ?? 300)][pick % 6]!.slice(0, p.max_chars ?? 300) || (widget.kind === "chat_input" ? "hi" : "");
    case "checkbox":
    case "toggle":
      return pick % 2 === 0;
    case "button":
    case "form_submit_button":
    case "download_button":
      return true;
    case "color_picker":
      return `#${(pick % 0xffffff).toString(16).padStart(6, "0")}`;
    case "date_input": {
      const span = Math.max(0, Math.round((Date.parse(p.max) - Date.parse(p.min)) / DAY));
      const day = shiftDate(p.min, pick % (span + 1));
      return p.is_range ? [p.min, day] : [day];
    }
    case "time_input": {
      const minutes = pick % (24 * 60);
      const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
      return p.step % 60 !== 0 ? `${hhmm}:00` : hhmm;
    }
    case "feedback":
      return pick % (p.options === "thumbs" ? 2 : 5);
    case "file_uploader":
      return "[]";
    case "data_editor":
      return '{"edited_rows":{},"added_rows":[],"deleted_rows":[]}';
    case "dataframe_selection":
      return '{"selection":{"rows":[],"columns":[],"cells":[]}}';
    case "component_instance":
      return JSON.stringify({ type: "json", value: pick % 100 });
    default:
      return null;
  }
}

const DAY = 86_400_000;
const shiftDate = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Values at and past a widget's edges: some its user could send, most not. */
export function edgeValues(widget: ShownWidget): unknown[] {
  const p = widget.props as Record<string, any>;
  const common = [null, true, false, 0, -1, "", "0", [], [0]];
  switch (widget.kind) {
    case "number_input":
    case "slider": {
      const min = p.min ?? -1e6;
      const max = p.max ?? 1e6;
      const step = p.step ?? 1;
      const numbers = [min, max, min - step, max + step, (min + max) / 2, min + step, min + 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER];
      if (widget.kind === "number_input") return [...common, ...numbers];
      return [...common, ...numbers, [min, max], [max, min], [min, min], [min - 1, max], [min, max, max], [max]];
    }
    case "selectbox":
    case "radio":
    case "select_slider": {
      const n = p.options.length as number;
      return [...common, 1, n - 1, n, 0.5, [0, n - 1], [n - 1, 0], [0, n]];
    }
    case "multiselect":
    case "pills":
    case "segmented_control": {
      const n = p.options.length as number;
      const all = Array.from({ length: n }, (_, i) => i);
      return [...common, [n - 1], [0, 0], all, [n], [-1], [0, 1], [1, 0], [0.5], [n - 1, 0]];
    }
    case "text_input":
    case "text_area":
    case "chat_input": {
      const max = (p.max_chars as number | undefined) ?? 40;
      return [...common, " ", "Ada", "null", "x".repeat(max), "x".repeat(max + 1), "😀".repeat(max), "😀".repeat(max + 1), "é".repeat(5000), ["Ada"]];
    }
    case "checkbox":
    case "toggle":
    case "button":
    case "form_submit_button":
    case "download_button":
      return [...common, 1, "true"];
    case "color_picker":
      return [...common, "#00ff00", "#00FF00", "#0f0", "red", "#gggggg", "#0000000"];
    case "date_input": {
      const { min, max } = p as { min: string; max: string };
      return [...common, [min], [max], [shiftDate(min, -1)], [shiftDate(max, 1)], [min, max], [max, min], [min, min, max], ["2024-02-30"], ["not a date"], min];
    }
    case "time_input":
      return [...common, "00:00", "23:59", "24:00", "12:60", "12:30:15", "1:00", "12:30"];
    case "feedback":
      return [...common, 1, 4, 5, -1, [1]];
    case "file_uploader":
      return [...common, "[]", '[{"file_id":"abcdefgh12","name":"a.csv","type":"text/csv","size":1}]', "[{}]", "{}", "not json"];
    case "data_editor":
      return [...common, '{"edited_rows":{},"added_rows":[],"deleted_rows":[]}', '{"edited_rows":{"0":{"a":1}},"added_rows":[],"deleted_rows":[]}', '{"edited_rows":{"999999":{"zz":1}},"added_rows":[{}],"deleted_rows":[-1]}', '{"deleted_rows":[0,0]}', "{}", "not json"];
    case "dataframe_selection":
      return [...common, '{"selection":{"rows":[],"columns":[]}}', '{"selection":{"rows":[0],"columns":[]}}', '{"selection":{"rows":[999999],"columns":[]}}', '{"selection":{"rows":[0,1],"columns":["nope"]}}', '{"selection":{}}', "not json"];
    case "component_instance":
      return [...common, '{"type":"json","value":1}', '{"type":"json","value":{"a":[1,2]}}', '{"type":"bytes","base64":"AQID"}', '{"type":"bytes","base64":"%%%"}', '{"type":"dataframe","columns":["a"],"rows":[[1]]}', '{"type":"eval","value":1}', "not json"];
    default:
      return common;
  }
}
