/**
 * Streamlit's charts: `st.line_chart`, `st.area_chart`, `st.bar_chart`, `st.scatter_chart` build
 * the Vega-Lite spec Streamlit builds through Altair (wide data melted to long form, the index as
 * x when no x is given); `st.vega_lite_chart` and `st.altair_chart` take a spec. Every chart is one
 * `vega_lite_chart` element whose data travels as a table, the spec's dataset `{ name: "data" }`,
 * so `.add_rows()` sends only the new rows (a built-in chart melts them first).
 */
import { StreamlitAPIException } from "../errors.ts";
import { currentContext } from "../engine/context.ts";
import { cellValue, takeRows, type DataColumn, type DataTable } from "../data/table.ts";
import { column, toDataTable } from "../data/normalize.ts";
import { wireTable } from "../data/wire.ts";
import type { LeafProps } from "../protocol.ts";
import { addRowsOf, type AddRowsRedraw, type AddRowsTransform } from "./add_rows.ts";
import type { DeltaGenerator } from "./delta_generator.ts";

/** A hex string ("#ffaa00", "#fa08"), "rgb(...)"/"rgba(...)", a tuple of 3 or 4 numbers, or a theme colour name ("red", "primary"...). */
export type ChartColor = string | readonly number[];

export type ChartStack = boolean | "normalize" | "center" | "layered" | null;

export interface ChartOptions {
  /** Column for the x-axis; the index when unset. */
  x?: string | null;
  /** Column(s) for the y-axis; every other column when unset (several are melted into series). */
  y?: string | readonly string[] | null;
  x_label?: string | null;
  y_label?: string | null;
  /** A colour, a colour per y column, or the name of a column that gives each row's series (or colour). */
  color?: ChartColor | readonly ChartColor[] | null;
  /** "stretch" (default): the container's width; "content": the chart's own; or pixels. */
  width?: number | "stretch" | "content";
  /** "content" (default): the chart's own height; or pixels. */
  height?: number | "content" | "stretch";
  /** Deprecated in Streamlit: true is `width: "stretch"`, false `width: "content"`. */
  use_container_width?: boolean | null;
}

export interface AreaChartOptions extends ChartOptions {
  /** true: stacked; false or null (default): overlapping; "normalize": to 100%; "center": a streamgraph. */
  stack?: ChartStack;
}

export interface BarChartOptions extends ChartOptions {
  horizontal?: boolean;
  /** true (default): Vega-Lite's order; false: data order; "col" / "-col": by a column, ascending / descending. */
  sort?: boolean | string;
  /** null (default): Vega-Lite's (stacked); true: stacked; false: side by side; "layered": overlapping; "normalize"; "center". */
  stack?: ChartStack;
}

export interface ScatterChartOptions extends ChartOptions {
  /** A column for each point's size, or one size for all (default 100). */
  size?: string | number | null;
}

export interface VegaLiteChartOptions {
  /** "stretch" (default for most specs), "content", or pixels. */
  width?: number | "stretch" | "content" | null;
  height?: number | "content" | "stretch";
  use_container_width?: boolean | null;
  /** "streamlit" (default): Streamlit's look; null: Vega-Lite's own. */
  theme?: "streamlit" | null;
}

/** A Vega-Lite spec as a plain object. */
export type VegaLiteSpec = Record<string, unknown>;

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** A line chart of `data`: each y column a line, x from a column or the index. */
    line_chart(data?: unknown, options?: ChartOptions): DeltaGenerator;
    area_chart(data?: unknown, options?: AreaChartOptions): DeltaGenerator;
    bar_chart(data?: unknown, options?: BarChartOptions): DeltaGenerator;
    scatter_chart(data?: unknown, options?: ScatterChartOptions): DeltaGenerator;
    /** A chart from a Vega-Lite spec: `(data, spec, options)`, or `(spec)` with the data inside it (`data: { values }`). */
    vega_lite_chart(data: unknown, spec?: VegaLiteSpec | null, options?: VegaLiteChartOptions): DeltaGenerator;
    /**
     * A chart from an Altair-like object. JavaScript has no Altair: pass a Vega-Lite spec, or any
     * object whose `toJSON()` returns one (a vega-lite-api chart, for one). Its data may be inline
     * (`data: { values }`) and is then the chart's table, so `.add_rows()` works.
     */
    altair_chart(chart: VegaLiteSpec | { toJSON(): unknown }, options?: VegaLiteChartOptions): DeltaGenerator;
  }
}

// ---- names Streamlit gives the columns it makes ----

const PROTECTION_SUFFIX = " -- streamlit-generated";
export const INDEX_COLUMN = "index" + PROTECTION_SUFFIX;
export const MELTED_Y_COLUMN = "value" + PROTECTION_SUFFIX;
export const MELTED_COLOR_COLUMN = "color" + PROTECTION_SUFFIX;
const NON_EXISTENT_COLUMN = "DOES_NOT_EXIST" + PROTECTION_SUFFIX;
/** A column whose name Vega-Lite would read as a path (".", "[", "]", "\\") is renamed `col -- streamlit-generated-<i>`. */
const COLUMN_ALIAS_PREFIX = "col" + PROTECTION_SUFFIX + "-";

const COLOR_LEGEND = { titlePadding: 5, offset: 5, orient: "bottom" };
const SIZE_LEGEND = { titlePadding: 0.5, offset: 5, orient: "bottom" };
const THEME_COLOR_NAMES = new Set(["red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary"]);

type ChartKind = "line" | "area" | "bar" | "horizontal_bar" | "scatter";
const COMMAND: Record<ChartKind, NonNullable<LeafProps["vega_lite_chart"]["chart_type"]>> = {
  line: "line_chart",
  area: "area_chart",
  bar: "bar_chart",
  horizontal_bar: "bar_chart",
  scatter: "scatter_chart",
};
const MARK: Record<ChartKind, string> = { line: "line", area: "area", bar: "bar", horizontal_bar: "bar", scatter: "circle" };

type VegaType = "quantitative" | "ordinal" | "temporal" | "nominal";

/** The columns a chart draws, as the user named them (before the index is pulled out and the data melted). */
interface ChartColumns {
  x: string | null;
  y: string[];
  color: string | null;
  size: string | null;
  /** A column the bars are sorted by (kept in the data). */
  sort: string | null;
}

/** The prepared (long-form) data and the fields it draws. */
interface Prepared {
  table: DataTable;
  x: string | null;
  y: string | null;
  color: string | null;
  size: string | null;
  sort: string | null;
  /** Each alias given to a column whose name Vega-Lite cannot read, to the user's name (titles, tooltips, legends). */
  originals: Map<string, string>;
}

// ---- data preparation (Streamlit's _prep_data) ----

function prepare(table: DataTable, columns: ChartColumns, indexStart: number): Prepared {
  let x = columns.x;
  let source = table;
  if (x === null && columns.y.length > 0) {
    // The index becomes the x column: its own name when it has one, else a name no user picks.
    x = table.index && table.index.name !== "" ? table.index.name : INDEX_COLUMN;
    const index: DataColumn = table.index
      ? { ...table.index, name: x }
      : { name: x, type: "integer", cells: Float64Array.from({ length: table.rowCount }, (_, i) => indexStart + i) };
    source = { columns: [index, ...table.columns.filter((c) => c.name !== x)], index: null, rowCount: table.rowCount };
  }
  const keep = unique([x, columns.color, columns.size, columns.sort, ...columns.y]);
  const byName = new Map(source.columns.map((c) => [c.name, c]));
  // Rows added later may lack a column the chart draws: its cells are missing there.
  const missing = (name: string): DataColumn => ({ name, type: "null", cells: { length: source.rowCount } });
  const selected: DataTable = { columns: keep.map((name) => byName.get(name) ?? missing(name)), index: null, rowCount: source.rowCount };
  if (columns.color !== null) selected.columns = selected.columns.map((c) => (c.name === columns.color ? cssColorColumn(c) : c));

  // Names with ".", "[", "]" or "\\" would be paths to Vega-Lite: such columns get aliases, as in Streamlit.
  const { aliases, originals } = aliasesOf(selected.columns.map((c) => c.name));
  const alias = (name: string | null) => (name === null ? null : (aliases.get(name) ?? name));
  selected.columns = selected.columns.map((c) => (aliases.has(c.name) ? { ...c, name: aliases.get(c.name)! } : c));
  x = alias(x);
  const yColumns = columns.y.map((name) => alias(name)!);
  const sizeColumn = alias(columns.size);
  const sortColumn = alias(columns.sort);

  let y: string | null = yColumns.length === 0 ? null : yColumns[0]!;
  let color = alias(columns.color);
  let sort = sortColumn;
  let prepared = selected;
  if (yColumns.length > 1 && x !== null) {
    y = MELTED_Y_COLUMN;
    color = MELTED_COLOR_COLUMN;
    const idVars = unique([x, sizeColumn, sortColumn !== null && !yColumns.includes(sortColumn) ? sortColumn : null]);
    if (sort !== null && yColumns.includes(sort)) sort = MELTED_Y_COLUMN;
    // The series are named by the user's column names, not their aliases.
    prepared = melt(selected, idVars, yColumns, (name) => originals.get(name) ?? name);
  }
  return { table: prepared, x, y, color, size: sizeColumn, sort, originals };
}

/** Streamlit's aliases: each column that needs one is `col -- streamlit-generated-<its position>`, never a name in use. */
function aliasesOf(names: string[]): { aliases: Map<string, string>; originals: Map<string, string> } {
  const needsAlias = (name: string) => /[.[\]\\]/.test(name);
  const reserved = new Set(names.filter((name) => !needsAlias(name)));
  const aliases = new Map<string, string>();
  const originals = new Map<string, string>();
  names.forEach((name, i) => {
    if (!needsAlias(name) || aliases.has(name)) return;
    let alias = `${COLUMN_ALIAS_PREFIX}${i}`;
    for (let n = 1; reserved.has(alias) || originals.has(alias); n++) alias = `${COLUMN_ALIAS_PREFIX}${i}-${n}`;
    aliases.set(name, alias);
    originals.set(alias, name);
  });
  return { aliases, originals };
}

/** pandas' melt: the id columns repeated for each melted column, then the column's name and its values. */
export function melt(table: DataTable, idVars: string[], valueVars: string[], label: (name: string) => string = (name) => name): DataTable {
  const n = table.rowCount;
  const rows = Uint32Array.from({ length: n * valueVars.length }, (_, i) => i % n);
  const ids = takeRows({ columns: idVars.map((name) => table.columns.find((c) => c.name === name)!), index: null, rowCount: n }, rows);
  const names: string[] = [];
  const values: unknown[] = [];
  const melted = valueVars.map((name) => table.columns.find((c) => c.name === name)!);
  const sameType = melted.every((c) => c.type === melted[0]!.type);
  for (const col of melted) {
    for (let r = 0; r < n; r++) {
      names.push(label(col.name));
      values.push(cellValue(col, r));
    }
  }
  let valueColumn = column(MELTED_Y_COLUMN, values);
  // Integers stay integers, numbers numbers, as the melted frame's dtype.
  if (sameType && melted[0] && (melted[0].type === "number" || melted[0].type === "integer")) {
    valueColumn = { name: MELTED_Y_COLUMN, type: melted[0].type, cells: Float64Array.from(values, (v) => (v === null ? Number.NaN : (v as number))) };
  }
  return { columns: [...ids.columns, column(MELTED_COLOR_COLUMN, names), valueColumn], index: null, rowCount: n * valueVars.length };
}

/** A colour column of tuples becomes CSS colours, as Streamlit converts it; hex strings and names stay. */
function cssColorColumn(col: DataColumn): DataColumn {
  if (col.type !== "list" || col.cells.length === 0 || !isColorTuple(col.cells[0])) return col;
  return column(col.name, col.cells.map((c) => (isColorTuple(c) ? toCssColor(c) : c)));
}

// ---- colours ----

function isHexColor(value: unknown): boolean {
  return typeof value === "string" && value.startsWith("#") && /^[0-9a-z]+$/i.test(value.slice(1)) && [4, 5, 7, 9].includes(value.length);
}

function isColorTuple(value: unknown): value is readonly number[] {
  return Array.isArray(value) && (value.length === 3 || value.length === 4) && value.every((c) => typeof c === "number");
}

function isColorLike(value: unknown): boolean {
  if (typeof value === "string") return isHexColor(value) || value.startsWith("rgb(") || value.startsWith("rgba(") || THEME_COLOR_NAMES.has(value);
  return isColorTuple(value);
}

/**
 * As Streamlit's to_css_color. A tuple component that is a whole number is 0-255 and a fraction
 * is 0-1 (JavaScript has one number type: write 1.0 as 255); alpha as a fraction stays a fraction.
 */
function toCssColor(color: unknown): string {
  if (typeof color === "string") {
    if (color === "grey") return "gray";
    if (isColorLike(color)) return color;
  } else if (isColorTuple(color)) {
    const channel = (c: number) => Math.min(255, Math.max(0, Number.isInteger(c) ? c : Math.trunc(c * 255)));
    const [r, g, b] = color.slice(0, 3).map(channel);
    if (color.length === 3) return `rgb(${r}, ${g}, ${b})`;
    const a = color[3]!;
    const alpha = Math.min(1, Math.max(0, Number.isInteger(a) ? a / 255 : a));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  throw invalidColor(color);
}

function invalidColor(color: unknown): StreamlitAPIException {
  return new StreamlitAPIException(
    `This does not look like a valid color argument: \`${JSON.stringify(color)}\`.\n\nThe color argument can be:\n\n` +
      '* A hex string like "#ffaa00" or "#ffaa0088".\n' +
      "* An RGB or RGBA tuple with the red, green, blue, and alpha components specified as ints from 0 to 255 or floats from 0.0 to 1.0.\n" +
      '* A theme color name: "red", "orange", "yellow", "green", "blue", "violet", "gray"/"grey", or "primary".\n' +
      "* The name of a column.\n* Or a list of colors, matching the number of y columns to draw.",
  );
}

function colorLengthError(colors: unknown, y: string[]): StreamlitAPIException {
  return new StreamlitAPIException(`The list of colors \`${JSON.stringify(colors)}\` must have the same length as the list of columns to be colored \`${JSON.stringify(y)}\`.`);
}

// ---- Vega-Lite types ----

function vegaType(col: DataColumn | undefined): VegaType {
  switch (col?.type) {
    case "number":
    case "integer":
      return "quantitative";
    case "datetime":
    case "date":
    case "time":
      return "temporal";
    default:
      return "nominal";
  }
}

function isDateColumn(col: DataColumn | undefined): boolean {
  return col !== undefined && (col.type === "datetime" || col.type === "date") && col.cells.length > 0;
}

// ---- the spec (Streamlit's generate_chart) ----

interface BuiltInArgs {
  kind: ChartKind;
  table: DataTable;
  columns: ChartColumns;
  xFromUser: string | null;
  yFromUser: string | readonly string[] | null;
  xLabel: string | null;
  yLabel: string | null;
  colorValue: unknown;
  sizeValue: unknown;
  stack: ChartStack | undefined;
  sortFromUser: boolean | string;
}

function buildSpec(args: BuiltInArgs, data: Prepared): VegaLiteSpec {
  const { kind, stack } = args;
  const col = (name: string | null) => (name === null ? undefined : data.table.columns.find((c) => c.name === name));
  // What the user sees of a column: its own name, not the alias it was given.
  const original = (name: string) => data.originals.get(name) ?? name;

  const axisEncoding = (channel: "x" | "y", field: string | null, fromUser: unknown, label: string | null): Record<string, unknown> => {
    let title = "";
    if (field !== null && field !== INDEX_COLUMN && field !== MELTED_Y_COLUMN && fromUser !== null) title = original(field);
    if (label !== null) title = label;
    const grid = channel === "x" ? kind === "horizontal_bar" : kind !== "horizontal_bar";
    let type: VegaType;
    if (field === null) type = "quantitative";
    else if (channel === "x" && kind === "bar" && !isDateColumn(col(field))) type = "ordinal";
    else if (channel === "y" && kind === "horizontal_bar" && !isDateColumn(col(field))) type = "ordinal";
    else type = vegaType(col(field));
    const axis: Record<string, unknown> = { grid };
    if (col(field)?.type === "integer") axis.tickMinStep = 1;
    return { field: field ?? NON_EXISTENT_COLUMN, title, type, scale: {}, axis };
  };

  let x: Record<string, unknown>;
  let y: Record<string, unknown>;
  let stacked: Record<string, unknown>;
  if (kind === "horizontal_bar") {
    // Horizontal bars swap the axes: the values run along x. The labels follow their columns, as
    // in Streamlit: x_label names the x column (now the vertical axis), y_label the values.
    x = axisEncoding("x", data.y, args.yFromUser, args.yLabel);
    y = axisEncoding("y", data.x, args.xFromUser, args.xLabel);
    stacked = x;
  } else {
    x = axisEncoding("x", data.x, args.xFromUser, args.xLabel);
    y = axisEncoding("y", data.y, args.yFromUser, args.yLabel);
    stacked = y;
  }
  if (stack !== undefined && stack !== null) stacked.stack = stack === "layered" ? false : stack;

  // Sorting the bars along their categorical axis.
  if (kind === "bar" || kind === "horizontal_bar") {
    const categorical = kind === "bar" ? x : y;
    if (args.sortFromUser === false) categorical.sort = null;
    else if (typeof args.sortFromUser === "string" && data.sort !== null) {
      categorical.sort = { field: data.sort, order: args.sortFromUser.startsWith("-") ? "descending" : "ascending" };
    }
  }

  const encoding: Record<string, unknown> = { x, y };
  if (stack === false && data.color !== null) {
    if (kind === "bar") encoding.xOffset = { field: data.color };
    if (kind === "horizontal_bar") encoding.yOffset = { field: data.color };
  }
  if (data.color !== null && (kind === "area" || stack === "layered")) encoding.opacity = { value: 0.7 };

  const colorEncoding = colorEncodingOf(args, data);
  if (colorEncoding) encoding.color = colorEncoding;

  if (kind === "scatter") {
    if (data.size !== null) encoding.size = { field: data.size, title: original(data.size), legend: SIZE_LEGEND, type: vegaType(col(data.size)) };
    else if (typeof args.sizeValue === "number") encoding.size = { value: args.sizeValue };
    else if (args.sizeValue === null || args.sizeValue === undefined) encoding.size = { value: 100 };
    else throw new StreamlitAPIException(`This does not look like a valid size: ${JSON.stringify(args.sizeValue)}`);
  }

  if (data.x !== null && data.y !== null) {
    const tooltip: Record<string, unknown>[] = [];
    // A made-up or aliased column shows a title, never its made-up name.
    const tip = (field: string, made: Record<string, string>, type: string = vegaType(col(field))) =>
      field in made ? { field, title: made[field], type } : data.originals.has(field) ? { field, title: original(field), type } : { field, type };
    tooltip.push(tip(data.x, { [INDEX_COLUMN]: "index" }));
    tooltip.push(data.y === MELTED_Y_COLUMN ? { field: data.y, title: "value", type: "quantitative" } : tip(data.y, {}));
    // Streamlit means to leave out a column of colours (its legend is null), but its check reads
    // an Altair property setter, never null: 1.64 shows the colour column in the tooltip too.
    if (data.color !== null) {
      tooltip.push(data.color === MELTED_COLOR_COLUMN ? { field: data.color, title: "color", type: "nominal" } : tip(data.color, {}));
    }
    if (data.size !== null) tooltip.push(tip(data.size, {}));
    encoding.tooltip = tooltip;
  }

  const zoom = { name: "param_1", select: { type: "interval", encodings: ["x", "y"] }, bind: "scales" };
  if (kind === "line" && data.x !== null) {
    // Streamlit's hover: a point on the nearest x, over the line (a layer of points shown on hover).
    const nearest = { name: "param_2", select: { type: "point", fields: [data.x], nearest: true, on: "pointerover", clear: "pointerout" } };
    return {
      layer: [
        { mark: { type: "line" }, encoding, params: [zoom] },
        {
          mark: { type: "point", filled: true, size: 65 },
          encoding: { ...encoding, opacity: { condition: { param: "param_2", value: 1, empty: false }, value: 0 } },
          params: [nearest],
        },
      ],
      config: { legend: { symbolType: "stroke" } },
      data: { name: "data" },
      autosize: { type: "fit", contains: "padding" },
    };
  }
  return { mark: { type: MARK[kind] }, encoding, params: [zoom], data: { name: "data" }, autosize: { type: "fit", contains: "padding" } };
}

function colorEncodingOf(args: BuiltInArgs, data: Prepared): Record<string, unknown> | null {
  const value = args.colorValue;
  const yColumns = args.columns.y;
  const hasValue = value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
  if (hasValue) {
    if (isColorLike(value)) {
      if (yColumns.length !== 1) throw colorLengthError([value], yColumns);
      return { value: toCssColor(value) };
    }
    if (Array.isArray(value)) {
      if (value.length !== yColumns.length) throw colorLengthError(value, yColumns);
      if (value.length === 1) return { value: toCssColor(value[0]) };
      return {
        ...(data.color !== null ? { field: data.color } : {}),
        scale: { domain: yColumns, range: value.map(toCssColor) },
        legend: COLOR_LEGEND,
        type: "nominal",
        title: " ",
      };
    }
    throw invalidColor(value);
  }
  if (data.color === null) return null;
  const colorColumn = data.table.columns.find((c) => c.name === data.color);
  if (data.color === MELTED_COLOR_COLUMN) return { field: data.color, legend: COLOR_LEGEND, type: "nominal", title: " " };
  const encoding: Record<string, unknown> = { field: data.color, legend: COLOR_LEGEND, type: vegaType(colorColumn) };
  // An aliased colour column's legend is titled by the user's name for it.
  const original = data.originals.get(data.color);
  if (original !== undefined) encoding.title = original;
  const first = colorColumn && colorColumn.cells.length > 0 ? cellValue(colorColumn, 0) : undefined;
  if (first !== undefined && isColorLike(first)) {
    // The column holds colours: they are the colours, and a legend of "#f00" would say nothing.
    const seen = [...new Set(Array.from({ length: colorColumn!.cells.length }, (_, r) => cellValue(colorColumn!, r)))];
    encoding.scale = { range: seen.filter((c) => c !== null).map(toCssColor) };
    encoding.legend = null;
  }
  return encoding;
}

// ---- options ----

function parseColumns(table: DataTable, options: ChartOptions & { size?: unknown; sort?: unknown }, element: string): { columns: ChartColumns; colorValue: unknown; sizeValue: unknown } {
  const names = table.columns.map((c) => c.name);
  const notFound = (name: string) => new StreamlitAPIException(`Data does not have a column named \`"${name}"\`. Available columns are \`${names.join(", ")}\``);
  const xFromUser = options.x ?? null;
  if (xFromUser !== null && typeof xFromUser !== "string") {
    throw new StreamlitAPIException(`${element}: x should be a column name (a string) or null to use the index. Value given: ${JSON.stringify(xFromUser)}`);
  }
  if (xFromUser !== null && !names.includes(xFromUser)) throw notFound(xFromUser);
  const yFromUser = options.y ?? null;
  let y: string[] = yFromUser === null ? [...names] : typeof yFromUser === "string" ? [yFromUser] : [...yFromUser].map(String);
  for (const name of y) if (!names.includes(name)) throw notFound(name);
  // x is drawn as a y series only when the user asked for it.
  if (xFromUser !== null && y.includes(xFromUser) && (yFromUser === null || !(typeof yFromUser === "string" ? [yFromUser] : yFromUser).includes(xFromUser))) {
    y = y.filter((name) => name !== xFromUser);
  }
  const generic = (value: unknown): [string | null, unknown] => (typeof value === "string" && names.includes(value) ? [value, null] : [null, value]);
  const [color, colorValue] = generic(options.color ?? null);
  const [size, sizeValue] = generic(options.size ?? null);
  let sort: string | null = null;
  if (typeof options.sort === "string") {
    const name = options.sort.startsWith("-") ? options.sort.slice(1) : options.sort;
    if (!names.includes(name)) throw notFound(name);
    sort = name;
  } else if (options.sort !== undefined && typeof options.sort !== "boolean") {
    throw new StreamlitAPIException(`${element}: sort must be true, false, or a column name (with "-" for descending).`);
  }
  return { columns: { x: xFromUser, y, color, size, sort }, colorValue, sizeValue };
}

function layoutProps(options: { width?: unknown; height?: unknown; use_container_width?: boolean | null }, element: string, defaultWidth: "stretch" | "content"): Pick<LeafProps["vega_lite_chart"], "width" | "height" | "use_container_width"> {
  let width = options.width ?? defaultWidth;
  if (!(width === "stretch" || width === "content" || (typeof width === "number" && Number.isFinite(width) && width > 0))) {
    throw new StreamlitAPIException(`${element}: width must be "stretch", "content" or a positive number of pixels.`);
  }
  const height = options.height ?? "content";
  if (!(height === "stretch" || height === "content" || (typeof height === "number" && Number.isFinite(height) && height > 0))) {
    throw new StreamlitAPIException(`${element}: height must be "content", "stretch" or a positive number of pixels.`);
  }
  if (options.use_container_width === true) width = "stretch";
  else if (options.use_container_width === false && typeof width !== "number") width = "content";
  return {
    ...(width === "stretch" ? { width: "stretch" as const } : typeof width === "number" ? { width: Math.round(width) } : {}),
    ...(typeof height === "number" ? { height: Math.round(height) } : {}),
    ...(typeof options.use_container_width === "boolean" ? { use_container_width: options.use_container_width } : {}),
  };
}

const STACKS: readonly unknown[] = [null, undefined, true, false, "normalize", "center", "layered"];

function checkStack(stack: unknown, element: string): void {
  if (!STACKS.includes(stack)) {
    throw new StreamlitAPIException(
      `Invalid value for stack parameter: ${JSON.stringify(stack)}. Stack must be one of true, false, "normalize", "center", "layered" or null. ` +
        `See documentation for \`${element}\` [here](https://docs.streamlit.io/develop/api-reference/charts/${element}) for more information.`,
    );
  }
}

// ---- emitting ----

function showChart(dg: DeltaGenerator, element: string, table: DataTable, props: Omit<LeafProps["vega_lite_chart"], "table">, transform?: AddRowsTransform, redraw?: AddRowsRedraw): DeltaGenerator {
  const wire = wireTable(table, { whole: true });
  currentContext(element).run.session.keepTable(wire, table, element);
  return addRowsOf(dg._leaf("vega_lite_chart", { ...props, table: wire }), table, transform, redraw);
}

function builtInChart(dg: DeltaGenerator, kind: ChartKind, data: unknown, options: ChartOptions & { stack?: ChartStack; size?: string | number | null; sort?: boolean | string }): DeltaGenerator {
  const element = `st.${COMMAND[kind]}`;
  const table = toDataTable(data, element);
  const { columns, colorValue, sizeValue } = parseColumns(table, options, element);
  const layout = layoutProps(options, element, "stretch");
  const prepared = prepare(table, columns, 0);
  const spec = buildSpec(
    {
      kind,
      table,
      columns,
      xFromUser: options.x ?? null,
      yFromUser: options.y ?? null,
      xLabel: options.x_label ?? null,
      yLabel: options.y_label ?? null,
      colorValue,
      sizeValue,
      stack: options.stack,
      sortFromUser: options.sort ?? true,
    },
    prepared,
  );
  // add_rows melts new rows as the data was melted, numbering a RangeIndex on from the last label.
  let nextIndex = table.index ? lastNumericLabel(table.index) : table.rowCount;
  const transform: AddRowsTransform = (added) => {
    const start = nextIndex;
    if (!added.index) nextIndex += added.rowCount;
    return prepare(added, columns, start).table;
  };
  // A chart of no rows has nothing to melt new rows by: add_rows draws it anew from them, as Streamlit does.
  const redraw: AddRowsRedraw | undefined = table.rowCount === 0 ? (rows) => builtInChart(slot, kind, rows, options) : undefined;
  const slot = showChart(dg, element, prepared.table, { spec: JSON.stringify(spec), ...layout, chart_type: COMMAND[kind] }, transform, redraw);
  return slot;
}

function lastNumericLabel(index: DataColumn): number {
  const n = index.cells.length;
  const last = n > 0 ? cellValue(index, n - 1) : null;
  return typeof last === "number" ? last + 1 : n;
}

function unique(names: (string | null)[]): string[] {
  return [...new Set(names.filter((n): n is string => n !== null))];
}

const SPEC_KEYS = ["mark", "layer", "encoding", "hconcat", "vconcat", "concat", "facet", "repeat", "spec", "$schema", "params", "transform", "datasets"];

function isSpec(value: unknown): value is VegaLiteSpec {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype && SPEC_KEYS.some((k) => k in value);
}

function vegaLiteChart(dg: DeltaGenerator, element: string, data: unknown, specIn: VegaLiteSpec | null | undefined, options: VegaLiteChartOptions): DeltaGenerator {
  if (options.theme !== undefined && options.theme !== "streamlit" && options.theme !== null) {
    throw new StreamlitAPIException(`You set theme="${String(options.theme)}" while Streamlit charts only support theme="streamlit" or theme=null to fall back to the default library theme.`);
  }
  if ((specIn === undefined || specIn === null) && isSpec(data)) {
    specIn = data;
    data = null;
  }
  if (specIn !== undefined && specIn !== null && (typeof specIn !== "object" || Array.isArray(specIn))) {
    throw new StreamlitAPIException(`${element}: the spec must be a Vega-Lite spec object.`);
  }
  let spec: VegaLiteSpec;
  try {
    spec = JSON.parse(JSON.stringify(specIn ?? {})) as VegaLiteSpec;
  } catch {
    throw new StreamlitAPIException(`${element}: the spec must be JSON (no functions, no cycles).`);
  }
  if (Object.keys(spec).length === 0) throw new StreamlitAPIException("Vega-Lite charts require a non-empty spec dict.");
  // Data inside the spec (`data: { values }`) is the chart's table, as Streamlit pulls it out.
  const specData = spec.data;
  if (specData !== undefined && typeof specData === "object" && specData !== null && !Array.isArray(specData) && "values" in specData) {
    data = (specData as { values: unknown }).values;
    delete spec.data;
  } else if (specData !== undefined && (typeof specData !== "object" || specData === null || Array.isArray(specData))) {
    data = specData;
    delete spec.data;
  }
  const table = toDataTable(data, element);
  if (spec.data === undefined) spec.data = { name: "data" };
  const facet = "facet" in spec || ["row", "column", "facet"].some((k) => typeof spec.encoding === "object" && spec.encoding !== null && k in spec.encoding);
  const nested = Array.isArray(spec.vconcat) && (spec.vconcat as unknown[]).some((c) => typeof c === "object" && c !== null && ["hconcat", "vconcat", "concat", "layer"].some((k) => k in c));
  const stretch = !(facet || "hconcat" in spec || "repeat" in spec || nested);
  const layout = layoutProps({ width: options.width ?? undefined, height: options.height, use_container_width: options.use_container_width }, element, stretch ? "stretch" : "content");
  if (spec.autosize === undefined) {
    const vconcatStretch = "vconcat" in spec && layout.width === "stretch";
    spec.autosize = vconcatStretch ? { type: nested ? "pad" : "fit-x", contains: "padding" } : facet || (nested && layout.width !== "stretch") ? { type: "pad", contains: "padding" } : { type: "fit", contains: "padding" };
  }
  patchNullLegendTitles(spec);
  return showChart(dg, element, table, { spec: JSON.stringify(spec), ...layout, ...(options.theme === null ? { theme: null } : {}) });
}

/** As Streamlit: a null colour legend title breaks Vega-Lite's layout, so it becomes " ". */
function patchNullLegendTitles(spec: VegaLiteSpec): void {
  const color = (spec.encoding as Record<string, unknown> | undefined)?.color as Record<string, unknown> | undefined;
  if (typeof color !== "object" || color === null) return;
  if ("title" in color && color.title === null) color.title = " ";
  const legend = color.legend as Record<string, unknown> | undefined;
  if (typeof legend === "object" && legend !== null && "title" in legend && legend.title === null) legend.title = " ";
}

export const chartMethods = {
  line_chart(this: DeltaGenerator, data?: unknown, options: ChartOptions = {}): DeltaGenerator {
    return builtInChart(this, "line", data, options);
  },
  area_chart(this: DeltaGenerator, data?: unknown, options: AreaChartOptions = {}): DeltaGenerator {
    checkStack(options.stack, "st.area_chart");
    // Overlapping areas unless asked to stack, as Streamlit keeps Vega-Lite's old default.
    const stack = options.stack === false || options.stack === null || options.stack === undefined ? "layered" : options.stack;
    return builtInChart(this, "area", data, { ...options, stack });
  },
  bar_chart(this: DeltaGenerator, data?: unknown, options: BarChartOptions = {}): DeltaGenerator {
    checkStack(options.stack, "st.bar_chart");
    return builtInChart(this, options.horizontal ? "horizontal_bar" : "bar", data, options);
  },
  scatter_chart(this: DeltaGenerator, data?: unknown, options: ScatterChartOptions = {}): DeltaGenerator {
    return builtInChart(this, "scatter", data, options);
  },
  vega_lite_chart(this: DeltaGenerator, data: unknown, spec?: VegaLiteSpec | null, options: VegaLiteChartOptions = {}): DeltaGenerator {
    return vegaLiteChart(this, "st.vega_lite_chart", data, spec, options);
  },
  altair_chart(this: DeltaGenerator, chart: VegaLiteSpec | { toJSON(): unknown }, options: VegaLiteChartOptions = {}): DeltaGenerator {
    const spec = typeof (chart as { toJSON?: unknown })?.toJSON === "function" ? (chart as { toJSON(): unknown }).toJSON() : chart;
    if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
      throw new StreamlitAPIException("st.altair_chart takes a Vega-Lite spec object, or an object whose toJSON() returns one.");
    }
    return vegaLiteChart(this, "st.altair_chart", null, spec as VegaLiteSpec, options);
  },
};
