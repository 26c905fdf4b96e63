/**
 * The grid's columns from a table and the element's options, as Streamlit's grid makes them:
 * the index first (pinned) unless hidden, then `column_order` or every column, without those
 * `column_config` hides; labels, help, widths ("small" 75px, "medium" 200px, "large" 400px,
 * a number, or sized to the first rows' text) and pinning from `column_config`.
 */
import type { WireColumn, WireColumnConfig, WireTable } from "../../sessions/protocol.ts";
import { columnKind, displayText, type ColumnKind } from "./format.ts";

export interface GridColumn {
  /** The table model's column id: "_index", or "c<position>". */
  id: string;
  /** The name the script knows it by ("_index" for the index), as column_config and selections name it. */
  name: string;
  /** Place in `table.columns`; -1 for the index. */
  position: number;
  wire: WireColumn;
  config: WireColumnConfig | undefined;
  kind: ColumnKind;
  label: string;
  width: number;
  pinned: boolean;
}

export interface ColumnOptions {
  hide_index?: boolean | null;
  column_order?: string[];
  column_config?: Record<string, WireColumnConfig | null>;
}

export const WIDTHS = { small: 75, medium: 200, large: 400 } as const;
const MIN_WIDTH = 50;
const MAX_AUTO_WIDTH = 500;

export function gridColumns(table: WireTable, options: ColumnOptions): GridColumn[] {
  const configs = options.column_config ?? {};
  const hidden = (name: string) => configs[name] === null || configs[name]?.hidden === true;
  const columns: GridColumn[] = [];
  if (!options.hide_index && !hidden("_index")) {
    const wire: WireColumn = table.index ?? { name: "", type: "integer" };
    const config = configs["_index"] ?? undefined;
    columns.push(make("_index", "_index", -1, wire, config, table.index?.name ?? "", table.index_data ?? null, table, true));
  }
  const positions = new Map(table.columns.map((column, i) => [column.name, i]));
  const names = options.column_order ?? table.columns.map((c) => c.name);
  for (const name of names) {
    const position = positions.get(name);
    if (position === undefined || hidden(name)) continue;
    const wire = table.columns[position]!;
    columns.push(make(`c${position}`, name, position, wire, configs[name] ?? undefined, name, table.data[position] ?? null, table, false));
  }
  return columns;
}

function make(id: string, name: string, position: number, wire: WireColumn, config: WireColumnConfig | undefined, defaultLabel: string, cells: readonly unknown[] | null, table: WireTable, isIndex: boolean): GridColumn {
  const label = config?.label ?? defaultLabel;
  return {
    id,
    name,
    position,
    wire,
    config,
    kind: columnKind(wire, config),
    label,
    width: widthOf(config, label, wire, cells, isIndex ? table.rows : 0),
    pinned: config?.pinned ?? isIndex,
  };
}

/** The configured width, else one that fits the label and the first rows' text. */
function widthOf(config: WireColumnConfig | undefined, label: string, wire: WireColumn, cells: readonly unknown[] | null, rangeRows: number): number {
  const width = config?.width;
  if (typeof width === "number" && width > 0) return Math.max(MIN_WIDTH, width);
  if (typeof width === "string" && width in WIDTHS) return WIDTHS[width];
  const kind = columnKind(wire, config);
  if (kind === "checkbox") return Math.max(MIN_WIDTH, textWidth(label) + 28);
  if (kind === "image" || kind === "line_chart" || kind === "bar_chart" || kind === "area_chart" || kind === "progress") return Math.max(120, textWidth(label) + 28);
  let longest = textWidth(label) + 36;
  if (cells) {
    for (let i = 0; i < Math.min(cells.length, 100); i++) longest = Math.max(longest, textWidth(displayText(cells[i] as never, wire, config)) + 24);
  } else if (rangeRows > 0) {
    longest = Math.max(longest, textWidth(String(rangeRows - 1)) + 24);
  }
  return Math.round(Math.min(MAX_AUTO_WIDTH, Math.max(MIN_WIDTH, longest)));
}

/** About how wide text is in the grid's 14px font. */
function textWidth(text: string): number {
  return text.length * 8;
}
