/**
 * st.data_editor: the grid as a widget. Its value is Streamlit's edit dict
 * `{ edited_rows, added_rows, deleted_rows }` (in `st.session_state[key]`); the script gets its
 * data back with the edits applied, in the shape it passed (rows, columns, split, Map, list).
 */
import { StreamlitAPIException } from "../errors.ts";
import { currentContext } from "../engine/context.ts";
import { defineWidgetKind } from "../engine/widgets.ts";
import { toDataTable, column as makeColumn } from "../data/normalize.ts";
import { cellValue, type DataColumn, type DataTable } from "../data/table.ts";
import { wireTable } from "../data/wire.ts";
import type { LeafProps, WireColumnConfig } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { tableElementProps, type TableElementOptions } from "./dataframe.ts";
import { baseProps, callbackOf, showWidget, type OnChange } from "./widget.ts";

export type EditValue = string | number | boolean | null;

/** Streamlit's edit dict: rows by position (as text keys), columns by name. */
export interface EditingState {
  edited_rows: Record<string, Record<string, EditValue>>;
  added_rows: Record<string, EditValue>[];
  deleted_rows: number[];
}

export interface DataEditorOptions extends TableElementOptions, OnChange {
  key?: string;
  num_rows?: "fixed" | "dynamic";
  /** True: nothing is editable; a list: these columns are not. */
  disabled?: boolean | string[];
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** An editable grid; returns `data` with the viewer's edits, in the shape it was given. */
    data_editor<T>(data: T, options?: DataEditorOptions): T;
  }
}

const NO_EDITS: EditingState = { edited_rows: {}, added_rows: [], deleted_rows: [] };
const INDEX_COLUMN = "_index";

defineWidgetKind({
  kind: "data_editor",
  validate(wire, props) {
    if (typeof wire !== "string" || wire.length > 1_000_000) return "Expected the edits as JSON text.";
    let edits: unknown;
    try {
      edits = JSON.parse(wire);
    } catch {
      return "The edits are not valid JSON.";
    }
    return editProblem(edits, props);
  },
});

/** Why these edits cannot come from this editor (a disabled column, a row out of range...), or null. */
export function editProblem(value: unknown, props: LeafProps["data_editor"]): string | null {
  const edits = value as EditingState;
  if (typeof edits !== "object" || edits === null || typeof edits.edited_rows !== "object" || edits.edited_rows === null || Array.isArray(edits.edited_rows) || !Array.isArray(edits.added_rows) || !Array.isArray(edits.deleted_rows)) {
    return "Expected {edited_rows, added_rows, deleted_rows}.";
  }
  const table = props.table;
  const dynamic = props.num_rows === "dynamic";
  if (!dynamic && (edits.added_rows.length > 0 || edits.deleted_rows.length > 0)) return 'Rows can be added or deleted only with num_rows="dynamic".';
  if (edits.added_rows.length > 10_000) return "Too many added rows.";
  for (const row of edits.deleted_rows) {
    if (!Number.isSafeInteger(row) || row < 0 || row >= table.rows) return `Deleted row ${JSON.stringify(row)} is not a row of the data (0 to ${table.rows - 1}).`;
  }
  for (const [key, cells] of Object.entries(edits.edited_rows)) {
    const row = Number(key);
    if (!/^\d+$/.test(key) || row >= table.rows) return `Edited row "${key}" is not a row of the data (0 to ${table.rows - 1}).`;
    const problem = cellsProblem(cells, props);
    if (problem) return `Row ${row}: ${problem}`;
  }
  for (const [i, cells] of edits.added_rows.entries()) {
    const problem = cellsProblem(cells, props);
    if (problem) return `Added row ${i}: ${problem}`;
  }
  return null;
}

function cellsProblem(cells: unknown, props: LeafProps["data_editor"]): string | null {
  if (typeof cells !== "object" || cells === null || Array.isArray(cells)) return "expected an object of column values.";
  for (const [name, value] of Object.entries(cells as Record<string, unknown>)) {
    const column = name === INDEX_COLUMN ? props.table.index : props.table.columns.find((c) => c.name === name);
    if (!column) return `"${name}" is not a column of the data.`;
    const config = props.column_config?.[name] ?? undefined;
    if (props.disabled || config?.disabled) return `column "${name}" is disabled.`;
    if (name === INDEX_COLUMN && props.table.index === undefined) return "the index cannot be edited.";
    const problem = valueProblem(value, column.type, config ?? undefined);
    if (problem) return `column "${name}": ${problem}`;
  }
  return null;
}

function valueProblem(value: unknown, type: string, config: WireColumnConfig | undefined): string | null {
  if (value === null) return config?.required ? "a value is required." : null;
  const options = config?.options ?? {};
  if (config?.type === "selectbox" && Array.isArray(options.options) && !options.options.some((o) => o === value)) return `${JSON.stringify(value)} is not one of its options.`;
  switch (type) {
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return "expected a number.";
      if (type === "integer" && !Number.isInteger(value) && config?.type !== "number") return "expected a whole number.";
      if (typeof options.min_value === "number" && value < options.min_value) return `${value} is below the minimum ${options.min_value}.`;
      if (typeof options.max_value === "number" && value > options.max_value) return `${value} is above the maximum ${options.max_value}.`;
      return null;
    }
    case "boolean":
      return typeof value === "boolean" ? null : "expected true or false.";
    case "datetime":
    case "date":
      return (typeof value === "string" && !Number.isNaN(Date.parse(value))) || (typeof value === "number" && Number.isFinite(value)) ? null : "expected a date (ISO text).";
    case "string":
    case "time": {
      if (typeof value !== "string") return "expected text.";
      if (typeof options.max_chars === "number" && value.length > options.max_chars) return `longer than ${options.max_chars} characters.`;
      if (typeof options.validate === "string") {
        let pattern: RegExp | null = null;
        try {
          pattern = new RegExp(options.validate);
        } catch {
          pattern = null;
        }
        if (pattern && !pattern.test(value)) return `${JSON.stringify(value)} does not match ${options.validate}.`;
      }
      return null;
    }
    default:
      return typeof value === "object" ? "expected a plain value." : null;
  }
}

export const dataEditorMethods = {
  data_editor<T>(this: DeltaGenerator, data: T, options: DataEditorOptions = {}): T {
    const table = toDataTable(data, "st.data_editor");
    const wire = wireTable(table, { whole: true });
    currentContext("st.data_editor").run.session.keepTable(wire, table, "st.data_editor");
    const common = tableElementProps(table, options, "st.data_editor");
    const disabledColumns = Array.isArray(options.disabled) ? options.disabled : [];
    const column_config: Record<string, WireColumnConfig | null> = { ...(common.column_config ?? {}) };
    for (const name of disabledColumns) column_config[name] = { ...(column_config[name] ?? {}), disabled: true };
    const props = { ...common, ...(disabledColumns.length > 0 ? { column_config } : {}), table: wire, num_rows: options.num_rows ?? "fixed" } as const;
    const edits = showWidget<"data_editor", EditingState>(this, {
      kind: "data_editor",
      key: options.key,
      // A new table is a new editor, as in Streamlit: edits of other data do not carry over.
      identity: { table: wire.id, num_rows: props.num_rows, column_config: props.column_config ?? null, column_order: common.column_order ?? null, disabled: options.disabled ?? false },
      defaultValue: NO_EDITS,
      props: (w) => ({ ...baseProps("", { disabled: options.disabled === true }), ...props, value: typeof w === "string" ? w : JSON.stringify(NO_EDITS) }),
      toWire: (value) => {
        const text = JSON.stringify(value ?? NO_EDITS);
        const problem = editProblem(JSON.parse(text), { ...props, id: "", label: "", value: text });
        if (problem) throw new StreamlitAPIException(`st.data_editor: the edits in session state do not fit the data: ${problem}`);
        return text;
      },
      fromWire: (w) => (typeof w === "string" ? (JSON.parse(w) as EditingState) : structuredClone(NO_EDITS)),
      callback: callbackOf(options.on_change, options.args, options.kwargs),
    });
    return inShapeOf(data, applyEdits(table, withDefaults(edits, props.column_config))) as T;
  },
};

/** Added rows get each column's `default` (st.column_config) where the viewer left the cell empty, as in Streamlit. */
function withDefaults(edits: EditingState, config: Record<string, WireColumnConfig | null> | undefined): EditingState {
  const defaults = Object.entries(config ?? {}).flatMap(([name, c]) => (c?.default !== undefined ? [[name, c.default as EditValue] as const] : []));
  if (defaults.length === 0 || edits.added_rows.length === 0) return edits;
  return { ...edits, added_rows: edits.added_rows.map((row) => ({ ...Object.fromEntries(defaults), ...row })) };
}

/** The table with the edits applied: cells changed, rows deleted, rows added at the end. */
export function applyEdits(table: DataTable, edits: EditingState): DataTable {
  const deleted = new Set(edits.deleted_rows);
  const kept = Array.from({ length: table.rowCount }, (_, r) => r).filter((r) => !deleted.has(r));
  const valueAt = (column: DataColumn, name: string, row: number): unknown => {
    const edit = edits.edited_rows[String(row)];
    if (edit && name in edit) return fromEdit(edit[name]!, column.type);
    return cellValue(column, row);
  };
  const columns = table.columns.map((column) => {
    const values = kept.map((row) => valueAt(column, column.name, row));
    for (const added of edits.added_rows) values.push(column.name in added ? fromEdit(added[column.name]!, column.type) : null);
    return retype(makeColumn(column.name, values), column);
  });
  let index: DataColumn | null = null;
  if (table.index) {
    const labels = kept.map((row) => valueAt(table.index!, INDEX_COLUMN, row));
    for (const added of edits.added_rows) labels.push(INDEX_COLUMN in added ? fromEdit(added[INDEX_COLUMN]!, table.index.type) : null);
    index = retype(makeColumn(table.index.name, labels), table.index);
  } else if (deleted.size > 0 || edits.added_rows.length > 0) {
    // A RangeIndex keeps the labels of the rows that remain, and new rows continue it, as in pandas.
    const labels: number[] = [...kept];
    for (let i = 0; i < edits.added_rows.length; i++) labels.push(table.rowCount + i);
    if (labels.some((label, i) => label !== i)) index = makeColumn("", labels);
  }
  return { columns, index, rowCount: kept.length + edits.added_rows.length };
}

/** A column rebuilt from values keeps the type it had (an all-missing edit does not make it "null"). */
function retype(rebuilt: DataColumn, original: DataColumn): DataColumn {
  if (rebuilt.type === "null" && original.type !== "null") return { ...original, cells: emptyLike(original, rebuilt.cells.length) } as DataColumn;
  return { ...rebuilt, ...(original.timezone ? { timezone: original.timezone } : {}) };
}

function emptyLike(column: DataColumn, length: number): DataColumn["cells"] {
  if (column.cells instanceof Float64Array) return new Float64Array(length).fill(Number.NaN);
  if (column.cells instanceof Uint8Array) return new Uint8Array(length).fill(2);
  return new Array(length).fill(null);
}

function fromEdit(value: EditValue, type: string): unknown {
  if (value === null) return null;
  if ((type === "datetime" || type === "date") && (typeof value === "string" || typeof value === "number")) return new Date(value);
  return value;
}

/** The edited table in the shape the script passed its data in. */
function inShapeOf(data: unknown, table: DataTable): unknown {
  const records = () => Array.from({ length: table.rowCount }, (_, r) => Object.fromEntries(table.columns.map((c) => [c.name, cellValue(c, r)])));
  if (data instanceof Map) {
    const keys = table.index ? Array.from({ length: table.rowCount }, (_, r) => cellValue(table.index!, r)) : [...data.keys()];
    const scalar = table.columns.length === 1 && table.columns[0]!.name === "value" && ![...data.values()].some((v) => typeof v === "object" && v !== null);
    return new Map(keys.map((key, r) => [key, scalar ? cellValue(table.columns[0]!, r) : records()[r]]));
  }
  if (Array.isArray(data)) {
    if (data.length === 0 || data.every((row) => typeof row === "object" && row !== null && !Array.isArray(row) && !(row instanceof Date))) return records();
    if (data.every(Array.isArray)) return Array.from({ length: table.rowCount }, (_, r) => table.columns.map((c) => cellValue(c, r)));
    return Array.from({ length: table.rowCount }, (_, r) => cellValue(table.columns[0]!, r));
  }
  if (typeof data === "object" && data !== null) {
    const record = data as Record<string, unknown>;
    if (Array.isArray(record.columns) && Array.isArray(record.data)) {
      return {
        columns: table.columns.map((c) => c.name),
        data: Array.from({ length: table.rowCount }, (_, r) => table.columns.map((c) => cellValue(c, r))),
        ...(table.index ? { index: Array.from({ length: table.rowCount }, (_, r) => cellValue(table.index!, r)) } : {}),
      };
    }
    if (Object.values(record).every((v) => Array.isArray(v))) {
      return Object.fromEntries(table.columns.map((c) => [c.name, Array.from({ length: table.rowCount }, (_, r) => cellValue(c, r))]));
    }
  }
  // An Arrow table (or a DataTable) comes back as rows of objects: building Arrow needs the app's own apache-arrow.
  return records();
}
