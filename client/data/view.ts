/**
 * The rows a grid shows, in the order it shows them: a whole table sorted and searched here,
 * or a large table's rows fetched from the session a window at a time (`LazyRows`). Plain
 * TypeScript (no solid, no DOM), so the grid's component wraps it and the unit tests drive it.
 */
import { MAX_ROWS_PER_REQUEST, type RowsAnswer, type RowsRequest, type WireCell } from "../../sessions/protocol.ts";

/** A sort key as `rows` frames carry it: a column's position in the table (-1: the index). */
export interface SortKey {
  column: number;
  desc: boolean;
}

/** A table the browser holds whole (with a data editor's edits applied). */
export interface RowSource {
  /** The rows before sorting and search, by position (deleted rows left out, added rows after the rest). */
  positions: readonly number[];
  /** The cell of a row at a column position (-1: the index label). */
  cell(position: number, column: number): WireCell;
}

/**
 * The positions of a whole table's rows, sorted by `sort` (missing values last either way, as
 * Streamlit's grid) and keeping the rows whose shown text contains `needle` (case-insensitive).
 */
export function orderRows(source: RowSource, sort: readonly SortKey[], needle: string, text: (position: number, column: number) => string, searchColumns: readonly number[]): number[] {
  let rows = [...source.positions];
  const search = needle.trim().toLowerCase();
  if (search) rows = rows.filter((p) => searchColumns.some((c) => text(p, c).toLowerCase().includes(search)));
  if (sort.length === 0) return rows;
  const keys = sort.map(({ column, desc }) => ({ desc, values: new Map(rows.map((p) => [p, sortValue(source.cell(p, column), () => text(p, column))])) }));
  rows.sort((a, b) => {
    for (const { desc, values } of keys) {
      const c = compareValues(values.get(a)!, values.get(b)!, desc);
      if (c !== 0) return c;
    }
    return a - b;
  });
  return rows;
}

type SortValue = number | string | null;

function sortValue(cell: WireCell, text: () => string): SortValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") return Number.isNaN(cell) ? null : cell;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (cell === "inf") return Infinity;
  if (cell === "-inf") return -Infinity;
  return typeof cell === "string" ? cell : text();
}

function compareValues(x: SortValue, y: SortValue, desc: boolean): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  const sign = desc ? -1 : 1;
  if (typeof x === "number" && typeof y === "number") return x < y ? -sign : sign;
  const a = String(x);
  const b = String(y);
  return a === b ? 0 : a < b ? -sign : sign;
}

/** Rows of a large table asked for in windows of this many. */
export const WINDOW_ROWS = 500;

export interface LazyViewSpec {
  table: string;
  /** Rows of the table (the view's count until the session says how many the search kept). */
  rows: number;
  sort: readonly SortKey[];
  search: string;
  /** The first rows, sent with the element (used while the view is the table as it is). */
  seed?: { data: WireCell[][]; index_data?: WireCell[] };
}

interface Window {
  positions: number[];
  data: WireCell[][];
  index_data?: WireCell[];
}

/**
 * A large table's rows in a view (sorted, searched), fetched a window at a time as the grid
 * scrolls and cached until the view or the table changes. `onChange` says new rows arrived.
 */
export class LazyRows {
  private spec: LazyViewSpec | null = null;
  private windows = new Map<number, Window | "pending">();
  private generation = 0;
  private retries = 0;
  total = 0;

  constructor(
    private readonly ask: (request: Omit<RowsRequest, "t" | "req">) => Promise<RowsAnswer>,
    private readonly onChange: () => void,
  ) {}

  /** Shows a view; the same view again keeps what it has. */
  setView(spec: LazyViewSpec): void {
    const key = viewKey(spec);
    if (this.spec && viewKey(this.spec) === key) {
      this.spec = spec;
      return;
    }
    const sameRows = this.spec && this.spec.table === spec.table && this.spec.search === spec.search;
    this.spec = spec;
    this.generation++;
    this.windows = new Map();
    this.retries = 0;
    // A new sort of the same rows keeps its count; a new search learns it from the answer.
    if (!spec.search) this.total = spec.rows;
    else if (!sameRows) this.total = Math.min(this.total, spec.rows);
    this.onChange();
  }

  /** The row's position in the table, or undefined while it loads. */
  position(row: number): number | undefined {
    const window = this.windows.get(Math.floor(row / WINDOW_ROWS));
    if (window && window !== "pending") return window.positions[row % WINDOW_ROWS];
    return this.seeded(row) ? row : undefined;
  }

  /** A cell (column -1: the index label), or undefined while it loads. */
  cell(row: number, column: number): WireCell | undefined {
    const window = this.windows.get(Math.floor(row / WINDOW_ROWS));
    if (window && window !== "pending") {
      const i = row % WINDOW_ROWS;
      return column === -1 ? (window.index_data ? window.index_data[i] : window.positions[i]) : window.data[column]?.[i];
    }
    if (!this.seeded(row)) return undefined;
    const seed = this.spec!.seed!;
    return column === -1 ? (seed.index_data ? seed.index_data[row] : row) : seed.data[column]?.[row];
  }

  /** Asks for the windows of rows `start` to `end` (exclusive) that it has not got or asked for. */
  ensure(start: number, end: number): void {
    const spec = this.spec;
    if (!spec) return;
    const last = Math.min(end, this.total);
    // The first rows came with the element: a grid that shows only them asks for nothing.
    if (last <= start || (this.seeded(Math.max(0, start)) && this.seeded(last - 1))) return;
    for (let w = Math.floor(Math.max(0, start) / WINDOW_ROWS); w * WINDOW_ROWS < last; w++) {
      if (this.windows.has(w)) continue;
      this.windows.set(w, "pending");
      void this.fetch(w, spec, this.generation);
    }
  }

  private async fetch(w: number, spec: LazyViewSpec, generation: number): Promise<void> {
    const answer = await this.ask({
      table: spec.table,
      start: w * WINDOW_ROWS,
      count: Math.min(WINDOW_ROWS, MAX_ROWS_PER_REQUEST),
      ...(spec.sort.length > 0 ? { sort: spec.sort.map((s) => ({ ...s })) } : {}),
      ...(spec.search ? { search: spec.search } : {}),
    });
    if (generation !== this.generation) return;
    if (answer.error) {
      // The table is gone (a rerun made a new one) or the answer was lost: ask again, with the
      // table the element names by then (a new one resets the view, and this is moot).
      this.windows.delete(w);
      if (this.retries++ < 5) setTimeout(() => generation === this.generation && this.ensure(w * WINDOW_ROWS, (w + 1) * WINDOW_ROWS), 300 * this.retries);
      return;
    }
    this.retries = 0;
    this.windows.set(w, { positions: answer.positions, data: answer.data, ...(answer.index_data ? { index_data: answer.index_data } : {}) });
    this.total = answer.total;
    this.onChange();
  }

  private seeded(row: number): boolean {
    const spec = this.spec;
    return !!spec?.seed && spec.sort.length === 0 && !spec.search && row < (spec.seed.data[0]?.length ?? (spec.seed.index_data?.length ?? 0));
  }
}

function viewKey(spec: LazyViewSpec): string {
  return JSON.stringify([spec.table, spec.sort, spec.search]);
}
