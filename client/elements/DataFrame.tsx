import {
  columnResizingFeature,
  columnSizingFeature,
  createTable,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type ColumnSizingState,
  type SortingState,
} from "@tanstack/solid-table";
import { batch, createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show, type JSX } from "solid-js";
import { unwrap } from "solid-js/store";
import type { LeafProps, WidgetKind, WireCell, WireTable } from "../../sessions/protocol.ts";
import { gridColumns, type GridColumn } from "../data/columns.ts";
import { csvText, exportFileName, tsvText } from "../data/csv.ts";
import { editedSource, emptyEdits, parseEdits, serializeEdits, toEditValue, withAddedRow, withCell, withoutRows, type EditDict } from "../data/edits.ts";
import { csvCell, displayText } from "../data/format.ts";
import { rowsChannelOf } from "../data/rows.ts";
import { LazyRows, orderRows, type RowSource, type SortKey } from "../data/view.ts";
import { useTree } from "../tree.tsx";
import type { LeafElementProps } from "../types.ts";
import { sendWidgetValue } from "../widget.ts";
import { CellContent } from "./GridCell.tsx";
import { CellEditor } from "./GridEditor.tsx";
import { createGridVirtual } from "./grid_virtual.ts";
import { ColumnMenu, GridToolbar } from "./GridToolbar.tsx";
import gridCss from "./DataFrame.css?inline";

type GridKind = "dataframe" | "dataframe_selection" | "data_editor";
type GridProps = LeafProps[GridKind] & { value?: string; selection_mode?: LeafProps["dataframe_selection"]["selection_mode"]; num_rows?: "fixed" | "dynamic"; disabled?: boolean };

/** Streamlit's grid geometry: 35px rows under a 35px header, ten rows high unless told. */
const ROW = 35;
const HEADER = 35;
const SELECTOR = 36;
const DEFAULT_ROWS = 10;

// The grid's styles travel in its chunk, not in edgelit.css: a page without a grid never loads them.
if (typeof document !== "undefined" && !document.querySelector("style[data-edgelit-grid]")) {
  const style = document.createElement("style");
  style.dataset.edgelitGrid = "";
  style.textContent = gridCss;
  document.head.append(style);
}

const features = tableFeatures({ rowSortingFeature, columnSizingFeature, columnResizingFeature });
type Row = { position: number };
const EDITABLE = new Set(["text", "number", "checkbox", "selectbox", "date", "datetime", "time", "link"]);

interface CellRef {
  row: number;
  col: number;
}

/**
 * `st.dataframe` and `st.data_editor`: a virtualized grid (rows and columns) over a table the
 * browser holds whole, or over a large table whose rows it asks the session for as it scrolls.
 * The table model (columns, sort state, widths and resizing) is TanStack Table's.
 */
export function DataFrame(props: LeafElementProps<GridKind>): JSX.Element {
  const tree = useTree();
  const p = () => props.node.props as GridProps;
  const isEditor = () => props.node.kind === "data_editor";
  const dynamic = () => isEditor() && p().num_rows === "dynamic" && !p().disabled;
  // The table's raw arrays (not store proxies, read per cell); its id changes with its content.
  const table = createMemo(() => {
    const t = props.node.props.table;
    void t.id;
    void t.rows;
    return unwrap(t) as WireTable;
  }, undefined, { equals: false });
  const lazy = () => !!table().lazy && !isEditor();
  const columns = createMemo(() => gridColumns(table(), { hide_index: p().hide_index, column_order: p().column_order, column_config: unwrap(p().column_config) }));
  const byPosition = createMemo(() => new Map(columns().map((c) => [c.position, c])));

  // ---- the table model: sorting and column sizing ----
  const [sorting, setSorting] = createSignal<SortingState>([]);
  const [sizing, setSizing] = createSignal<ColumnSizingState>({});
  const columnDefs = createMemo(() =>
    columns().map((c): ColumnDef<typeof features, Row> => ({ id: c.id, accessorFn: (row: Row) => row.position, header: c.label, size: c.width, minSize: 40, maxSize: 2000 })),
  );
  const model = createTable({
    features,
    get columns() {
      return columnDefs();
    },
    data: [] as Row[],
    get state() {
      return { sorting: sorting(), columnSizing: sizing() };
    },
    onSortingChange: setSorting,
    onColumnSizingChange: setSizing,
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    columnResizeMode: "onChange",
  });
  const headers = createMemo(() => new Map(model.getFlatHeaders().map((h) => [h.column.id, h])));
  const widthOf = (c: GridColumn) => (void sizing(), model.getColumn(c.id)?.getSize() ?? c.width);
  const sortKeys = createMemo<SortKey[]>(() =>
    sorting().flatMap((s) => {
      const column = columns().find((c) => c.id === s.id);
      return column ? [{ column: column.position, desc: s.desc }] : [];
    }),
  );

  // ---- edits (st.data_editor) ----
  const [edits, setEdits] = createSignal<EditDict>(isEditor() ? parseEdits(p().value) : emptyEdits());
  let editsOnTheirWay: string[] = [];
  createEffect(
    on(
      () => (isEditor() ? p().value : undefined),
      (value) => {
        // An echo of an earlier edit, while a later one is on its way, must not undo it.
        const i = value === undefined ? -1 : editsOnTheirWay.indexOf(value);
        if (i >= 0 && i < editsOnTheirWay.length - 1) return void editsOnTheirWay.splice(0, i + 1);
        editsOnTheirWay = [];
        setEdits(parseEdits(value));
      },
      { defer: true },
    ),
  );
  const commitEdits = (next: EditDict) => {
    setEdits(next);
    const text = serializeEdits(next);
    editsOnTheirWay.push(text);
    sendWidgetValue(props as unknown as LeafElementProps<WidgetKind>, text);
  };
  const baseRows = () => table().data[0]?.length ?? (table().index_data?.length ?? table().rows);

  // ---- the rows in view ----
  const [searchOpen, setSearchOpen] = createSignal(false);
  const [searchText, setSearchText] = createSignal("");
  const [search, setSearch] = createSignal("");
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(searchText, (text) => {
      clearTimeout(searchTimer);
      // A whole table filters as one types; a large one asks the session once typing pauses.
      if (!lazy()) setSearch(text);
      else searchTimer = setTimeout(() => setSearch(text), 300);
    }),
  );
  onCleanup(() => clearTimeout(searchTimer));

  const source = createMemo<RowSource>(() => {
    const t = table();
    if (isEditor()) return editedSource(t, edits());
    const n = baseRows();
    return {
      positions: Array.from({ length: n }, (_, i) => i),
      cell: (position, column) => (column === -1 ? (t.index_data ? (t.index_data[position] ?? null) : position) : (t.data[column]?.[position] ?? null)),
    };
  });
  const textAt = (position: number, column: number) => {
    const c = byPosition().get(column);
    const wire = column === -1 ? (table().index ?? { name: "", type: "integer" as const }) : table().columns[column];
    return wire ? displayText(source().cell(position, column), wire, c?.config) : "";
  };
  const order = createMemo(() => (lazy() ? [] : orderRows(source(), sortKeys(), search(), textAt, columns().map((c) => c.position))));

  const [version, setVersion] = createSignal(0);
  const lazyRows = new LazyRows(
    (request) => rowsChannelOf(tree).ask(request),
    () => setVersion((v) => v + 1),
  );
  createEffect(() => {
    if (!lazy()) return;
    const t = table();
    lazyRows.setView({ table: t.id, rows: t.rows, sort: sortKeys(), search: search(), seed: { data: t.data, ...(t.index_data ? { index_data: t.index_data } : {}) } });
  });
  const rowCount = () => (lazy() ? (version(), lazyRows.total) : order().length);
  const positionAt = (row: number): number | undefined => (lazy() ? (version(), lazyRows.position(row)) : order()[row]);
  const cellAt = (row: number, column: GridColumn): WireCell | undefined => {
    if (lazy()) return version(), lazyRows.cell(row, column.position);
    const position = order()[row];
    return position === undefined ? undefined : source().cell(position, column.position);
  };

  // ---- selection: cells (copy), rows and columns (the selection widget, row deletion) ----
  const modes = () => (props.node.kind === "dataframe_selection" ? p().selection_mode ?? [] : []);
  const rowSelect = () => (modes().includes("multi-row") ? "multi" : modes().includes("single-row") || modes().includes("single-row-required") ? "single" : dynamic() ? "multi" : null);
  const columnSelect = () => (modes().includes("multi-column") ? "multi" : modes().includes("single-column") ? "single" : null);
  const cellSelect = () => (modes().includes("multi-cell") ? "multi" : modes().includes("single-cell") ? "single" : null);
  const parsedSelection = () => {
    try {
      const value = JSON.parse(p().value ?? "") as { selection?: { rows?: number[]; columns?: string[]; cells?: [number, string][] } };
      return { rows: value.selection?.rows ?? [], columns: value.selection?.columns ?? [], cells: value.selection?.cells ?? [] };
    } catch {
      return { rows: [], columns: [], cells: [] };
    }
  };
  const [selectedRows, setSelectedRows] = createSignal<ReadonlySet<number>>(new Set(props.node.kind === "dataframe_selection" ? parsedSelection().rows : []));
  const [selectedColumns, setSelectedColumns] = createSignal<ReadonlySet<string>>(new Set(props.node.kind === "dataframe_selection" ? parsedSelection().columns : []));
  createEffect(
    on(
      () => (props.node.kind === "dataframe_selection" ? p().value : undefined),
      () => {
        if (props.node.kind !== "dataframe_selection") return;
        const { rows, columns: names, cells } = parsedSelection();
        batch(() => {
          setSelectedCells(cells);
          setSelectedRows(new Set(rows));
          setSelectedColumns(new Set(names));
        });
      },
      { defer: true },
    ),
  );
  /** Selected cells as the widget value has them: [row position, column name]. */
  const [selectedCells, setSelectedCells] = createSignal<[number, string][]>(props.node.kind === "dataframe_selection" ? parsedSelection().cells : []);
  const cellKeys = createMemo(() => new Set(selectedCells().map(([row, name]) => `${row}\u0000${name}`)));
  const sendSelection = (rows: ReadonlySet<number>, names: ReadonlySet<string>) => {
    batch(() => {
      setSelectedRows(rows);
      setSelectedColumns(names);
    });
    if (props.node.kind !== "dataframe_selection") return;
    const selection = { rows: [...rows].sort((a, b) => a - b), columns: [...names], ...(cellSelect() || selectedCells().length > 0 ? { cells: selectedCells() } : {}) };
    sendWidgetValue(props as unknown as LeafElementProps<WidgetKind>, JSON.stringify({ selection }));
  };
  /** With cell selection on, the cells in the selected range become the selection. */
  const sendCellSelection = () => {
    const a = anchor();
    if (!cellSelect() || !a) return;
    const f = cellSelect() === "multi" ? (focus() ?? a) : a;
    const cells: [number, string][] = [];
    for (let r = Math.min(a.row, f.row); r <= Math.max(a.row, f.row); r++) {
      const position = positionAt(r);
      if (position === undefined) continue;
      for (const c of displayColumns().slice(Math.min(a.col, f.col), Math.max(a.col, f.col) + 1)) if (c.position !== -1) cells.push([position, c.name]);
    }
    setSelectedCells(cells);
    sendSelection(selectedRows(), selectedColumns());
  };
  const toggleRow = (position: number) => {
    // "single-row-required": a row stays selected; choosing another replaces it.
    if (modes().includes("single-row-required") && selectedRows().has(position)) return;
    const next = new Set(rowSelect() === "single" && !selectedRows().has(position) ? [] : selectedRows());
    if (next.has(position)) next.delete(position);
    else next.add(position);
    sendSelection(next, selectedColumns());
  };
  const toggleColumn = (name: string) => {
    const next = new Set(columnSelect() === "single" && !selectedColumns().has(name) ? [] : selectedColumns());
    if (next.has(name)) next.delete(name);
    else next.add(name);
    sendSelection(selectedRows(), next);
  };
  const allRowsSelected = () => !lazy() && order().length > 0 && order().every((pos) => selectedRows().has(pos));
  const toggleAllRows = () => sendSelection(allRowsSelected() ? new Set() : new Set(order()), selectedColumns());

  const [anchor, setAnchor] = createSignal<CellRef | null>(null);
  const [focus, setFocus] = createSignal<CellRef | null>(null);
  const [editing, setEditing] = createSignal<(CellRef & { typed?: string }) | null>(null);
  const inRange = (row: number, col: number) => {
    const a = anchor();
    const f = focus() ?? a;
    if (!a || !f) return false;
    return row >= Math.min(a.row, f.row) && row <= Math.max(a.row, f.row) && col >= Math.min(a.col, f.col) && col <= Math.max(a.col, f.col);
  };

  // ---- layout: pinned columns stay, the rest are virtualized ----
  const displayColumns = createMemo(() => [...columns().filter((c) => c.pinned), ...columns().filter((c) => !c.pinned)]);
  const pinned = createMemo(() => displayColumns().filter((c) => c.pinned));
  const center = createMemo(() => displayColumns().filter((c) => !c.pinned));
  const selectorWidth = () => (rowSelect() ? SELECTOR : 0);
  const pinnedOffsets = createMemo(() => {
    let left = selectorWidth();
    return pinned().map((c) => {
      const at = left;
      left += widthOf(c);
      return at;
    });
  });
  const pinnedWidth = () => pinned().reduce((sum, c) => sum + widthOf(c), 0);
  const centerWidths = createMemo(() => center().map(widthOf));
  const totalWidth = () => selectorWidth() + pinnedWidth() + centerWidths().reduce((a, b) => a + b, 0);

  let scroller: HTMLDivElement | undefined;
  let root: HTMLDivElement | undefined;
  const extraRows = () => (dynamic() ? 1 : 0);
  const virtual = createGridVirtual({
    scroller: () => scroller,
    // A data editor with dynamic rows ends with its "+" row.
    rowCount: () => rowCount() + extraRows(),
    rowHeight: ROW,
    headerHeight: HEADER,
    columnWidths: centerWidths,
    pinnedWidth: () => selectorWidth() + pinnedWidth(),
  });
  const rowVirtualizer = virtual.rows;
  const columnVirtualizer = virtual.columns;
  createEffect(() => {
    if (!lazy()) return;
    void version();
    const items = rowVirtualizer.getVirtualItems();
    const first = items[0];
    const last = items[items.length - 1];
    if (first && last) lazyRows.ensure(first.index, last.index + 1);
  });

  const [fullscreen, setFullscreen] = createSignal(false);
  const height = () => {
    if (fullscreen()) return undefined;
    if (typeof p().height === "number") return p().height!;
    const rows = Math.max(1, Math.min(DEFAULT_ROWS, (isEditor() ? source().positions.length : table().rows) + extraRows()));
    return HEADER + rows * ROW + 2;
  };
  const stretch = () => p().width === "stretch" || p().use_container_width === true;
  const width = () => (fullscreen() || stretch() ? "100%" : typeof p().width === "number" ? `${p().width}px` : `${totalWidth() + 2}px`);

  onMount(() => {
    // Ctrl/Cmd+C on the grid copies the selected cells, as tab-separated text.
    const onCopy = (event: ClipboardEvent) => {
      if (!root?.contains(document.activeElement) || editing() || !anchor()) return;
      if ((document.activeElement as HTMLElement | null)?.closest("input, textarea, select")) return;
      event.clipboardData?.setData("text/plain", selectionText());
      event.preventDefault();
    };
    document.addEventListener("copy", onCopy);
    onCleanup(() => document.removeEventListener("copy", onCopy));
  });
  createEffect(() => {
    if (!fullscreen()) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && !editing() && setFullscreen(false);
    document.addEventListener("keydown", onKey);
    onCleanup(() => document.removeEventListener("keydown", onKey));
  });

  const selectionText = () => {
    const a = anchor()!;
    const f = focus() ?? a;
    const rows: string[][] = [];
    const cols = displayColumns().slice(Math.min(a.col, f.col), Math.max(a.col, f.col) + 1);
    for (let r = Math.min(a.row, f.row); r <= Math.max(a.row, f.row); r++) rows.push(cols.map((c) => displayText(cellAt(r, c), c.wire, c.config)));
    return tsvText(rows);
  };

  // ---- editing ----
  const editable = (c: GridColumn) => isEditor() && !p().disabled && c.position !== -1 && !c.config?.disabled && EDITABLE.has(c.kind);
  const setCell = (row: number, c: GridColumn, value: WireCell) => {
    const position = positionAt(row);
    if (position === undefined || !editable(c)) return;
    commitEdits(withCell(edits(), baseRows(), position, c.name, toEditValue(value, c.wire)));
  };
  const addRow = () => {
    const row: Record<string, WireCell> = {};
    for (const c of table().columns) {
      const config = p().column_config?.[c.name];
      if (config?.default !== undefined) row[c.name] = config.default;
    }
    commitEdits(withAddedRow(edits(), row));
    const last = source().positions.length - 1;
    setAnchor({ row: last, col: pinned().length });
    setFocus(null);
    rowVirtualizer.scrollToIndex(last + extraRows());
  };
  const deleteSelectedRows = () => {
    if (!dynamic() || selectedRows().size === 0) return;
    commitEdits(withoutRows(edits(), baseRows(), [...selectedRows()]));
    setSelectedRows(new Set<number>());
  };

  // ---- events ----
  const cellFromEvent = (event: Event): CellRef | null => {
    const el = (event.target as HTMLElement).closest<HTMLElement>("[data-row][data-col]");
    return el ? { row: Number(el.dataset.row), col: Number(el.dataset.col) } : null;
  };
  const onCellClick = (event: MouseEvent) => {
    const cell = cellFromEvent(event);
    if (!cell) return;
    if (event.shiftKey && anchor()) setFocus(cell);
    else {
      setAnchor(cell);
      setFocus(null);
    }
    sendCellSelection();
    scroller?.focus({ preventScroll: true });
  };
  const startEdit = (cell: CellRef, typed?: string) => {
    const c = displayColumns()[cell.col];
    if (!c || !editable(c) || positionAt(cell.row) === undefined) return false;
    if (c.kind === "checkbox") {
      setCell(cell.row, c, !(cellAt(cell.row, c) === true));
      return true;
    }
    setEditing({ ...cell, ...(typed !== undefined ? { typed } : {}) });
    return true;
  };
  const moveTo = (cell: CellRef, extend: boolean) => {
    const row = Math.max(0, Math.min(rowCount() - 1, cell.row));
    const col = Math.max(0, Math.min(displayColumns().length - 1, cell.col));
    if (extend) setFocus({ row, col });
    else {
      setAnchor({ row, col });
      setFocus(null);
    }
    rowVirtualizer.scrollToIndex(row);
    if (col >= pinned().length) columnVirtualizer.scrollToIndex(col - pinned().length);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (editing()) return;
    const a = focus() ?? anchor();
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move && a) {
      event.preventDefault();
      moveTo({ row: a.row + move[0], col: a.col + move[1] }, event.shiftKey);
    } else if ((event.key === "Delete" || event.key === "Backspace") && dynamic() && selectedRows().size > 0) {
      event.preventDefault();
      deleteSelectedRows();
    } else if ((event.key === "Enter" || event.key === "F2" || event.key === " ") && anchor()) {
      if (startEdit(anchor()!)) event.preventDefault();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && anchor()) {
      const c = displayColumns()[anchor()!.col];
      if (c && c.kind !== "checkbox" && startEdit(anchor()!, event.key)) event.preventDefault();
    }
  };

  let suppressHeaderClick = false;
  const onHeaderClick = (c: GridColumn, event: MouseEvent) => {
    if (suppressHeaderClick) return void (suppressHeaderClick = false);
    // With column selection on, a header click selects; sorting is in the column menu.
    if (columnSelect() && c.position !== -1) return toggleColumn(c.name);
    model.getColumn(c.id)?.getToggleSortingHandler()?.(event);
  };
  const [menu, setMenu] = createSignal<{ column: GridColumn; left: number; top: number } | null>(null);
  const openMenu = (c: GridColumn, event: MouseEvent) => {
    event.stopPropagation();
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const base = root!.getBoundingClientRect();
    setMenu({ column: c, left: box.left - base.left, top: box.bottom - base.top });
  };
  const sortBy = (c: GridColumn, desc: boolean) => {
    model.getColumn(c.id)?.toggleSorting(desc, false);
    setMenu(null);
  };

  const download = () => {
    const link = document.createElement("a");
    link.download = exportFileName();
    let blobUrl: string | undefined;
    if (lazy()) {
      link.href = rowsChannelOf(tree).csvUrl(table().id, { sort: sortKeys(), search: search(), hideIndex: !columns().some((c) => c.position === -1) });
    } else {
      const cols = columns();
      const rows = order().map((position) => cols.map((c) => csvCell(source().cell(position, c.position), c.wire)));
      const text = csvText(cols.map((c) => (c.position === -1 ? (table().index?.name ?? "") : c.name)), rows);
      blobUrl = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
      link.href = blobUrl;
    }
    document.body.append(link);
    link.click();
    link.remove();
    if (blobUrl) setTimeout(() => URL.revokeObjectURL(blobUrl!), 10_000);
  };

  const HeaderCell = (hp: { column: GridColumn; col: number; sticky?: number }) => {
    const sorted = () => (void sorting(), model.getColumn(hp.column.id)?.getIsSorted() ?? false);
    const resize = (event: MouseEvent | TouchEvent) => {
      event.stopPropagation();
      suppressHeaderClick = true;
      const clear = () => setTimeout(() => (suppressHeaderClick = false), 0);
      document.addEventListener("mouseup", clear, { once: true });
      document.addEventListener("touchend", clear, { once: true });
      headers().get(hp.column.id)?.getResizeHandler()(event);
    };
    return (
      <div
        role="columnheader"
        class="grid-header-cell"
        classList={{ numeric: hp.column.kind === "number", sticky: hp.sticky !== undefined, selected: selectedColumns().has(hp.column.name), index: hp.column.position === -1 }}
        style={{ width: `${widthOf(hp.column)}px`, ...(hp.sticky !== undefined ? { left: `${hp.sticky}px` } : {}) }}
        aria-sort={sorted() === "asc" ? "ascending" : sorted() === "desc" ? "descending" : undefined}
        aria-colindex={hp.col + 1}
        title={hp.column.config?.help ?? undefined}
        data-testid="stDataFrameHeaderCell"
        onClick={(event) => onHeaderClick(hp.column, event)}
      >
        <span class="grid-header-label">{hp.column.label}</span>
        <Show when={sorted()}>
          <span class="grid-sort-indicator" aria-hidden="true">
            {sorted() === "asc" ? "↑" : "↓"}
          </span>
        </Show>
        <button type="button" class="grid-header-menu-button" aria-label="Column menu" tabindex="-1" onClick={(event) => openMenu(hp.column, event)}>
          ⋮
        </button>
        <div class="grid-resize-handle" onMouseDown={resize} onTouchStart={resize} onClick={(event) => event.stopPropagation()} />
      </div>
    );
  };

  const BodyCell = (bp: { row: number; column: GridColumn; col: number; sticky?: number }) => {
    const cell = () => cellAt(bp.row, bp.column);
    const isEditing = () => editing()?.row === bp.row && editing()?.col === bp.col;
    return (
      <div
        role="gridcell"
        class="grid-cell"
        classList={{
          numeric: bp.column.kind === "number" || bp.column.kind === "progress",
          sticky: bp.sticky !== undefined,
          index: bp.column.position === -1,
          selected: inRange(bp.row, bp.col),
          "column-selected": selectedColumns().has(bp.column.name) || (cellKeys().size > 0 && cellKeys().has(`${positionAt(bp.row)}\u0000${bp.column.name}`)),
          editable: editable(bp.column),
        }}
        style={{ width: `${widthOf(bp.column)}px`, ...(bp.sticky !== undefined ? { left: `${bp.sticky}px` } : {}) }}
        aria-colindex={bp.col + 1}
        data-row={bp.row}
        data-col={bp.col}
      >
        <Show
          when={isEditing()}
          fallback={
            <CellContent
              column={bp.column}
              cell={bp.column.position === -1 && isEditor() && (positionAt(bp.row) ?? 0) >= baseRows() ? "" : cell()}
              onToggle={editable(bp.column) ? () => setCell(bp.row, bp.column, !(cell() === true)) : undefined}
            />
          }
        >
          <CellEditor
            column={bp.column}
            cell={cell() ?? null}
            typed={editing()?.typed}
            onCommit={(value) => {
              setEditing(null);
              setCell(bp.row, bp.column, value);
              scroller?.focus({ preventScroll: true });
            }}
            onCancel={() => {
              setEditing(null);
              scroller?.focus({ preventScroll: true });
            }}
          />
        </Show>
      </div>
    );
  };

  return (
    <div
      ref={root}
      class="stDataFrame"
      classList={{ fullscreen: fullscreen(), "search-open": searchOpen() }}
      data-testid="stDataFrame"
      style={{ width: width(), ...(height() !== undefined ? { height: `${height()}px` } : {}) }}
    >
      <GridToolbar
        searchOpen={searchOpen()}
        fullscreen={fullscreen()}
        canAddRow={dynamic()}
        canDeleteRows={dynamic() && selectedRows().size > 0}
        onSearch={() => {
          setSearchOpen(!searchOpen());
          if (!searchOpen()) setSearchText("");
        }}
        onDownload={download}
        onFullscreen={() => setFullscreen(!fullscreen())}
        onAddRow={addRow}
        onDeleteRows={deleteSelectedRows}
      >
        <Show when={searchOpen()}>
          <input
            class="grid-search"
            data-testid="stDataFrameSearch"
            type="search"
            placeholder="Search..."
            aria-label="Search the table"
            value={searchText()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(event) => setSearchText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                setSearchText("");
                setSearchOpen(false);
              }
            }}
          />
        </Show>
      </GridToolbar>
      <div
        ref={scroller}
        class="grid-scroller"
        role="grid"
        tabindex="0"
        aria-rowcount={rowCount() + 1}
        aria-colcount={displayColumns().length}
        aria-multiselectable={rowSelect() === "multi" || columnSelect() === "multi" ? "true" : undefined}
        onScroll={virtual.onScroll}
        onKeyDown={onKeyDown}
      >
        <div class="grid-content" style={{ width: `${totalWidth()}px`, height: `${virtual.contentHeight()}px` }}>
          <div class="grid-header" role="row" aria-rowindex={1} style={{ width: `${totalWidth()}px` }}>
            <Show when={rowSelect()}>
              <div class="grid-header-cell grid-selector sticky" style={{ width: `${SELECTOR}px`, left: "0px" }}>
                <Show when={rowSelect() === "multi" && !lazy() && !dynamic()}>
                  <input type="checkbox" aria-label="Select all rows" checked={allRowsSelected()} onChange={toggleAllRows} />
                </Show>
              </div>
            </Show>
            <For each={pinned()}>{(c, i) => <HeaderCell column={c} col={i()} sticky={pinnedOffsets()[i()]!} />}</For>
            <div class="grid-pad" style={{ width: `${virtual.leftPad()}px` }} />
            <For each={columnVirtualizer.getVirtualItems()}>{(item) => <Show when={center()[item.index]}>{(c) => <HeaderCell column={c()} col={pinned().length + item.index} />}</Show>}</For>
          </div>
          <div class="grid-body" style={{ height: `${virtual.contentHeight() - HEADER}px` }} onClick={onCellClick} onDblClick={(event) => {
            const cell = cellFromEvent(event);
            if (cell && !editing()) startEdit(cell);
          }}>
            <For each={rowVirtualizer.getVirtualItems()}>
              {(item) => (
                <Show
                  when={item.index < rowCount()}
                  fallback={
                    <div class="grid-row grid-add-row" style={{ transform: `translateY(${virtual.rowTop(item.start)}px)`, width: `${totalWidth()}px` }} onClick={addRow} data-testid="stDataFrameAddRow">
                      <span class="grid-add-row-plus">+</span>
                    </div>
                  }
                >
                  <div
                    class="grid-row"
                    role="row"
                    aria-rowindex={item.index + 2}
                    classList={{ "row-selected": positionAt(item.index) !== undefined && selectedRows().has(positionAt(item.index)!) }}
                    style={{ transform: `translateY(${virtual.rowTop(item.start)}px)`, width: `${totalWidth()}px` }}
                  >
                    <Show when={rowSelect()}>
                      <div class="grid-cell grid-selector sticky" style={{ width: `${SELECTOR}px`, left: "0px" }}>
                        <input
                          type="checkbox"
                          aria-label={`Select row ${item.index + 1}`}
                          checked={positionAt(item.index) !== undefined && selectedRows().has(positionAt(item.index)!)}
                          disabled={positionAt(item.index) === undefined}
                          onClick={(event) => event.stopPropagation()}
                          onChange={() => {
                            const position = positionAt(item.index);
                            if (position === undefined) return;
                            if (dynamic()) {
                              const next = new Set(selectedRows());
                              if (next.has(position)) next.delete(position);
                              else next.add(position);
                              setSelectedRows(next);
                            } else toggleRow(position);
                          }}
                        />
                      </div>
                    </Show>
                    <For each={pinned()}>{(c, i) => <BodyCell row={item.index} column={c} col={i()} sticky={pinnedOffsets()[i()]!} />}</For>
                    <div class="grid-pad" style={{ width: `${virtual.leftPad()}px` }} />
                    <For each={columnVirtualizer.getVirtualItems()}>
                      {(colItem) => <Show when={center()[colItem.index]}>{(c) => <BodyCell row={item.index} column={c()} col={pinned().length + colItem.index} />}</Show>}
                    </For>
                  </div>
                </Show>
              )}
            </For>
          </div>
        </div>
      </div>
      <Show when={menu()}>
        {(m) => (
          <ColumnMenu
            left={m().left}
            top={m().top}
            sorted={(void sorting(), model.getColumn(m().column.id)?.getIsSorted() ?? false)}
            onSort={(desc) => sortBy(m().column, desc)}
            onClose={() => setMenu(null)}
          />
        )}
      </Show>
    </div>
  );
}
