/**
 * `st.column_config`: how each column of st.dataframe / st.data_editor shows and edits, with
 * Streamlit's names and options. Each function returns a plain config the grid reads.
 */
import { StreamlitAPIException } from "../errors.ts";
import type { WireCell, WireColumnConfig } from "../protocol.ts";

/** The options every column type shares: the grid's column config without its type and type options. */
export type ColumnOptions = Omit<WireColumnConfig, "type" | "options">;

/** A column's config: an object from these functions, a label (string), or null to hide it. */
export type ColumnConfigInput = Record<string, WireColumnConfig | string | null | undefined>;

type Typed<T> = ColumnOptions & T;

function make(type: WireColumnConfig["type"] | undefined, { label, help, width, disabled, required, hidden, pinned, default: def, ...rest }: Typed<Record<string, unknown>>): WireColumnConfig {
  const options: Record<string, WireCell> = {};
  for (const [name, value] of Object.entries(rest)) if (value !== undefined) options[name] = value as WireCell;
  return {
    ...(type ? { type } : {}),
    ...(label !== undefined ? { label } : {}),
    ...(help !== undefined ? { help } : {}),
    ...(width !== undefined ? { width } : {}),
    ...(disabled !== undefined ? { disabled } : {}),
    ...(required !== undefined ? { required } : {}),
    ...(hidden !== undefined ? { hidden } : {}),
    ...(pinned !== undefined ? { pinned } : {}),
    ...(def !== undefined ? { default: def } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}

export const column_config = {
  Column: (label?: string, options: ColumnOptions = {}) => make(undefined, { ...options, ...(label !== undefined ? { label } : {}) }),
  TextColumn: (label?: string, options: Typed<{ max_chars?: number; validate?: string }> = {}) => make("text", { ...options, ...(label !== undefined ? { label } : {}) }),
  NumberColumn: (label?: string, options: Typed<{ format?: string; min_value?: number; max_value?: number; step?: number }> = {}) => make("number", { ...options, ...(label !== undefined ? { label } : {}) }),
  CheckboxColumn: (label?: string, options: ColumnOptions = {}) => make("checkbox", { ...options, ...(label !== undefined ? { label } : {}) }),
  SelectboxColumn: (label?: string, options: Typed<{ options?: WireCell[] }> = {}) => make("selectbox", { ...options, ...(label !== undefined ? { label } : {}) }),
  DateColumn: (label?: string, options: Typed<{ format?: string; min_value?: string; max_value?: string; step?: number }> = {}) => make("date", { ...options, ...(label !== undefined ? { label } : {}) }),
  DatetimeColumn: (label?: string, options: Typed<{ format?: string; min_value?: string; max_value?: string; step?: number; timezone?: string }> = {}) => make("datetime", { ...options, ...(label !== undefined ? { label } : {}) }),
  TimeColumn: (label?: string, options: Typed<{ format?: string; min_value?: string; max_value?: string; step?: number }> = {}) => make("time", { ...options, ...(label !== undefined ? { label } : {}) }),
  LinkColumn: (label?: string, options: Typed<{ max_chars?: number; validate?: string; display_text?: string }> = {}) => make("link", { ...options, ...(label !== undefined ? { label } : {}) }),
  ProgressColumn: (label?: string, options: Typed<{ format?: string; min_value?: number; max_value?: number }> = {}) => make("progress", { min_value: 0, max_value: 100, ...options, ...(label !== undefined ? { label } : {}) }),
  ImageColumn: (label?: string, options: ColumnOptions = {}) => make("image", { ...options, ...(label !== undefined ? { label } : {}) }),
  ListColumn: (label?: string, options: ColumnOptions = {}) => make("list", { ...options, ...(label !== undefined ? { label } : {}) }),
  JsonColumn: (label?: string, options: ColumnOptions = {}) => make("json", { ...options, ...(label !== undefined ? { label } : {}) }),
  LineChartColumn: (label?: string, options: Typed<{ y_min?: number; y_max?: number }> = {}) => make("line_chart", { ...options, ...(label !== undefined ? { label } : {}) }),
  BarChartColumn: (label?: string, options: Typed<{ y_min?: number; y_max?: number }> = {}) => make("bar_chart", { ...options, ...(label !== undefined ? { label } : {}) }),
  AreaChartColumn: (label?: string, options: Typed<{ y_min?: number; y_max?: number }> = {}) => make("area_chart", { ...options, ...(label !== undefined ? { label } : {}) }),
};

/** The grid's form of `column_config`: a string is a label, null hides the column. */
export function columnConfigWire(config: ColumnConfigInput, element: string): Record<string, WireColumnConfig | null> {
  if (typeof config !== "object" || config === null || Array.isArray(config)) throw new StreamlitAPIException(`${element}: column_config must map column names to st.column_config values.`);
  const wire: Record<string, WireColumnConfig | null> = {};
  for (const [name, value] of Object.entries(config)) {
    if (value === undefined) continue;
    if (value === null) wire[name] = null;
    else if (typeof value === "string") wire[name] = { label: value };
    else if (typeof value === "object") wire[name] = value;
    else throw new StreamlitAPIException(`${element}: column_config["${name}"] must be a string, null or an st.column_config value.`);
  }
  return wire;
}
