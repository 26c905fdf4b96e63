/**
 * st.dataframe: the interactive grid. Any data sessions/data/normalize.ts takes; a large table
 * stays in the session and the browser asks for the rows it shows. With `on_select` the grid is
 * a widget whose value is the selection, as in Streamlit.
 */
import { StreamlitAPIException } from "../errors.ts";
import { defineWidgetKind } from "../engine/widgets.ts";
import { currentContext } from "../engine/context.ts";
import type { DataTable } from "../data/table.ts";
import { toDataTable } from "../data/normalize.ts";
import { wireTable } from "../data/wire.ts";
import type { LeafProps, WireColumnConfig } from "../protocol.ts";
import { addRowsOf } from "./add_rows.ts";
import { columnConfigWire, type ColumnConfigInput } from "./column_config.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { callbackOf, showWidget } from "./widget.ts";

export type SelectionMode = "single-row" | "single-row-required" | "multi-row" | "single-column" | "multi-column" | "single-cell" | "multi-cell";

export interface TableElementOptions {
  width?: number | "stretch" | "content";
  height?: number | "auto";
  use_container_width?: boolean;
  hide_index?: boolean | null;
  column_order?: string[] | null;
  column_config?: ColumnConfigInput;
}

export interface DataframeOptions extends TableElementOptions {
  key?: string;
  /** "ignore" (default): a plain element; "rerun" or a callback: the selection is a widget value. */
  on_select?: "ignore" | "rerun" | ((...args: any[]) => unknown);
  selection_mode?: SelectionMode | SelectionMode[];
  /** The selection shown first, until the viewer selects: `{ selection: { rows: [0, 2] } }`. */
  selection_default?: { selection: Partial<DataframeState["selection"]> } | null;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
}

/** What `st.dataframe(..., { on_select: "rerun" })` returns, as Streamlit's DataframeState. */
export interface DataframeState {
  /** Rows by position in the data as passed; columns by name; cells as [row position, column name]. */
  selection: { rows: number[]; columns: string[]; cells: [number, string][] };
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    dataframe(data?: unknown, options?: DataframeOptions & { on_select?: "ignore" }): DeltaGenerator;
    dataframe(data: unknown, options: DataframeOptions & { on_select: "rerun" | ((...args: any[]) => unknown) }): DataframeState;
  }
}

/** The props every table element shares, from its options (the grid of st.dataframe and st.data_editor). */
export function tableElementProps(table: DataTable, options: TableElementOptions, element: string): Omit<LeafProps["dataframe"], "table"> {
  const names = new Set(table.columns.map((c) => c.name));
  for (const name of options.column_order ?? []) {
    if (!names.has(name)) throw new StreamlitAPIException(`${element}: column_order names "${name}", which the data has no column of.`);
  }
  if (options.height !== undefined && options.height !== "auto" && !(Number.isFinite(options.height) && options.height > 0)) {
    throw new StreamlitAPIException(`${element}: height must be a positive number of pixels or "auto".`);
  }
  const config: Record<string, WireColumnConfig | null> | undefined = options.column_config ? columnConfigWire(options.column_config, element) : undefined;
  const width = options.use_container_width ? "stretch" : options.width === "content" ? undefined : options.width;
  return {
    ...(width !== undefined ? { width } : {}),
    ...(typeof options.height === "number" ? { height: options.height } : {}),
    ...(options.use_container_width !== undefined ? { use_container_width: options.use_container_width } : {}),
    ...(options.hide_index !== undefined && options.hide_index !== null ? { hide_index: options.hide_index } : {}),
    ...(options.column_order ? { column_order: options.column_order } : {}),
    ...(config ? { column_config: config } : {}),
  };
}

const SELECTION_MODES: readonly SelectionMode[] = ["single-row", "single-row-required", "multi-row", "single-column", "multi-column", "single-cell", "multi-cell"];

function selectionModes(mode: DataframeOptions["selection_mode"]): SelectionMode[] {
  const modes = mode === undefined ? ["multi-row" as const] : Array.isArray(mode) ? mode : [mode];
  for (const m of modes) if (!SELECTION_MODES.includes(m)) throw new StreamlitAPIException(`st.dataframe: unknown selection_mode "${m}" (use ${SELECTION_MODES.join(", ")}).`);
  if ([modes.includes("single-row"), modes.includes("single-row-required"), modes.includes("multi-row")].filter(Boolean).length > 1) throw new StreamlitAPIException("st.dataframe: selection_mode can have only one of single-row, single-row-required and multi-row.");
  if (modes.includes("single-cell") && modes.includes("multi-cell")) throw new StreamlitAPIException("st.dataframe: selection_mode cannot be both single-cell and multi-cell.");
  if (modes.includes("single-column") && modes.includes("multi-column")) throw new StreamlitAPIException("st.dataframe: selection_mode cannot be both single-column and multi-column.");
  return modes;
}

const EMPTY_SELECTION = JSON.stringify({ selection: { rows: [], columns: [], cells: [] } });

/** A selection as the widget keeps it: every list present, as Streamlit fills them. */
function fullSelection(value: { selection?: Partial<DataframeState["selection"]> } | null | undefined): DataframeState {
  const selection = value?.selection ?? {};
  return { selection: { rows: [...(selection.rows ?? [])], columns: [...(selection.columns ?? [])], cells: (selection.cells ?? []).map(([row, column]) => [row, column] as [number, string]) } };
}

defineWidgetKind({
  kind: "dataframe_selection",
  validate(wire, props) {
    if (typeof wire !== "string" || wire.length > 200_000) return "Expected the selection as JSON text.";
    let value: unknown;
    try {
      value = JSON.parse(wire);
    } catch {
      return "The selection is not valid JSON.";
    }
    const selection = (value as DataframeState | null)?.selection;
    if (!selection || !Array.isArray(selection.rows) || !Array.isArray(selection.columns) || (selection.cells !== undefined && !Array.isArray(selection.cells))) return "Expected {selection: {rows, columns, cells}}.";
    const modes = props.selection_mode;
    const rowsAllowed = modes.includes("multi-row") ? Infinity : modes.includes("single-row") || modes.includes("single-row-required") ? 1 : 0;
    const cellsAllowed = modes.includes("multi-cell") ? Infinity : modes.includes("single-cell") ? 1 : 0;
    const cells = selection.cells ?? [];
    if (cells.length > cellsAllowed) return `This dataframe allows ${cellsAllowed} selected cell(s).`;
    if (modes.includes("single-row-required") && props.table.rows > 0 && selection.rows.length !== 1) return "This dataframe needs exactly one selected row.";
    const columnsAllowed = modes.includes("multi-column") ? Infinity : modes.includes("single-column") ? 1 : 0;
    if (selection.rows.length > rowsAllowed) return `This dataframe allows ${rowsAllowed} selected row(s).`;
    if (selection.columns.length > columnsAllowed) return `This dataframe allows ${columnsAllowed} selected column(s).`;
    if (!selection.rows.every((r) => Number.isSafeInteger(r) && r >= 0 && r < props.table.rows)) return `Selected rows must be row positions from 0 to ${props.table.rows - 1}.`;
    const names = new Set(props.table.columns.map((c) => c.name));
    if (!selection.columns.every((c) => typeof c === "string" && names.has(c))) return "Selected columns must be columns of the dataframe.";
    const goodCell = (cell: unknown) => Array.isArray(cell) && cell.length === 2 && Number.isSafeInteger(cell[0]) && cell[0] >= 0 && cell[0] < props.table.rows && typeof cell[1] === "string" && names.has(cell[1]);
    if (!cells.every(goodCell)) return "Selected cells must be [row position, column name] pairs of the dataframe.";
    return null;
  },
});

export const dataframeMethods = {
  dataframe(this: DeltaGenerator, data?: unknown, options: DataframeOptions = {}): DeltaGenerator | DataframeState {
    const table = toDataTable(data, "st.dataframe");
    const wire = wireTable(table);
    currentContext("st.dataframe").run.session.keepTable(wire, table, "st.dataframe");
    const common = tableElementProps(table, options, "st.dataframe");
    const onSelect = options.on_select ?? "ignore";
    if (onSelect === "ignore") {
      return addRowsOf(this._leaf("dataframe", { table: wire, ...common }), table);
    }
    if (onSelect !== "rerun" && typeof onSelect !== "function") throw new StreamlitAPIException('st.dataframe: on_select must be "ignore", "rerun" or a callable.');
    const modes = selectionModes(options.selection_mode);
    const initial = fullSelection(options.selection_default ?? null);
    // "single-row-required" selects the first row when nothing else is selected, as Streamlit does.
    if (modes.includes("single-row-required") && initial.selection.rows.length === 0 && table.rowCount > 0) initial.selection.rows = [0];
    return showWidget<"dataframe_selection", DataframeState>(this, {
      kind: "dataframe_selection",
      key: options.key,
      // As in Streamlit, a selectable dataframe is itself by its data and options.
      identity: { table: wire.id, columns: wire.columns, modes, ...common },
      defaultValue: initial,
      props: (w) => ({ label: "", table: wire, ...common, selection_mode: modes, value: typeof w === "string" ? w : EMPTY_SELECTION }),
      toWire: (v) => JSON.stringify(fullSelection(v)),
      fromWire: (w) => fullSelection(JSON.parse(typeof w === "string" ? w : EMPTY_SELECTION) as DataframeState),
      callback: typeof onSelect === "function" ? callbackOf(onSelect, options.args, options.kwargs) : undefined,
    });
  },
};
