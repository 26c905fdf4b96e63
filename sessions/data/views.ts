/**
 * Sorted and searched views of a table, computed where the table lives (the session), so the
 * browser of a million-row table only ever holds the rows it shows. A view is a permutation of
 * row positions; views are cached per table, so scrolling a sorted view costs a slice.
 */
import { formatCell } from "./format.ts";
import { isMissing, type DataColumn, type DataTable } from "./table.ts";

export interface ViewSpec {
  sort?: { column: number; desc: boolean }[] | undefined;
  search?: string | undefined;
}

/** What a CSV download is of: a view of the table, with or without its index. */
export interface CsvSpec extends ViewSpec {
  hideIndex?: boolean;
}

export class TableViews {
  private readonly cache = new Map<string, Uint32Array>();
  /** Each column's cells as the grid shows them, lower-cased, made on the first search that needs them. */
  private readonly searchText = new Map<number, string[]>();

  constructor(readonly table: DataTable) {}

  /** Row positions of the view, in order; null for the table as it is. */
  view(spec: ViewSpec): Uint32Array | null {
    const sort = (spec.sort ?? []).filter((s) => s.column === -1 || s.column < this.table.columns.length);
    const search = spec.search?.trim().toLowerCase() ?? "";
    if (sort.length === 0 && !search) return null;
    const key = JSON.stringify([sort, search]);
    let rows = this.cache.get(key);
    if (!rows) {
      const base = sort.length > 0 ? this.sorted(sort) : null;
      rows = search ? this.searched(search, base) : base!;
      if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, rows);
    }
    return rows;
  }

  private sorted(sort: { column: number; desc: boolean }[]): Uint32Array {
    const n = this.table.rowCount;
    const rows = new Uint32Array(n);
    for (let i = 0; i < n; i++) rows[i] = i;
    const comparators = sort.map(({ column, desc }) => comparator(column === -1 ? (this.table.index ?? rangeColumn(n)) : this.table.columns[column]!, desc));
    rows.sort((a, b) => {
      for (const compare of comparators) {
        const c = compare(a, b);
        if (c !== 0) return c;
      }
      return a - b;
    });
    return rows;
  }

  private searched(needle: string, base: Uint32Array | null): Uint32Array {
    // Only columns whose shown text could hold the needle are scanned: "item 7" is in no number.
    const columns = this.table.columns.flatMap((column, c) => (couldShow(column, needle) ? [this.textOf(c)] : []));
    const hits: number[] = [];
    const n = base ? base.length : this.table.rowCount;
    for (let i = 0; i < n; i++) {
      const row = base ? base[i]! : i;
      for (const column of columns) {
        if (column[row]!.includes(needle)) {
          hits.push(row);
          break;
        }
      }
    }
    return Uint32Array.from(hits);
  }

  /** A column's cells as shown, lower-cased (kept: later searches only scan). */
  private textOf(c: number): string[] {
    let text = this.searchText.get(c);
    if (!text) {
      const column = this.table.columns[c]!;
      const n = this.table.rowCount;
      text = new Array<string>(n);
      // Text columns in a tight loop of native calls: a million cells are scanned per search.
      if (column.type === "string" || column.type === "time") {
        const cells = column.cells;
        for (let r = 0; r < n; r++) {
          const cell = cells[r];
          text[r] = cell === null || cell === undefined ? "none" : cell.toLowerCase();
        }
      } else {
        for (let r = 0; r < n; r++) text[r] = formatCell(column, r).toLowerCase();
      }
      this.searchText.set(c, text);
    }
    return text;
  }
}

const SHOWN_CHARS: Partial<Record<string, RegExp>> = {
  number: /^[0-9.e+\-]*$/,
  integer: /^[0-9\-]*$/,
  datetime: /^[0-9\-: ]*$/,
  date: /^[0-9\-]*$/,
};

/** Can a cell of this column show text containing `needle` (lower-cased)? */
function couldShow(column: DataColumn, needle: string): boolean {
  if ("none".includes(needle)) return true;
  if (column.type === "boolean") return "true".includes(needle) || "false".includes(needle);
  if (column.type === "number" && ("inf".includes(needle) || "-inf".includes(needle))) return true;
  const chars = SHOWN_CHARS[column.type];
  return chars ? chars.test(needle) : true;
}

function rangeColumn(n: number): DataColumn {
  return { name: "", type: "integer", cells: Float64Array.from({ length: n }, (_, i) => i) };
}

/** Ascending or descending by one column; missing values last either way, as in Streamlit's grid. */
function comparator(column: DataColumn, desc: boolean): (a: number, b: number) => number {
  const sign = desc ? -1 : 1;
  const cells = column.cells;
  if (cells instanceof Float64Array) {
    return (a, b) => {
      const x = cells[a]!;
      const y = cells[b]!;
      if (x === y) return 0;
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
      if (Number.isNaN(y)) return -1;
      return x < y ? -sign : sign;
    };
  }
  if (cells instanceof Uint8Array) {
    // false < true; 2 (missing) last.
    return (a, b) => {
      const x = cells[a]!;
      const y = cells[b]!;
      if (x === y) return 0;
      if (x === 2) return 1;
      if (y === 2) return -1;
      return x < y ? -sign : sign;
    };
  }
  if (column.type === "string" || column.type === "time") {
    const text = column.cells;
    return (a, b) => {
      const x = text[a];
      const y = text[b];
      if (x === null || y === null || x === undefined || y === undefined) return x === y || (x == null && y == null) ? 0 : x == null ? 1 : -1;
      return x === y ? 0 : x < y ? -sign : sign;
    };
  }
  return (a, b) => {
    const ma = isMissing(column, a);
    const mb = isMissing(column, b);
    if (ma || mb) return ma === mb ? 0 : ma ? 1 : -1;
    const x = formatCell(column, a);
    const y = formatCell(column, b);
    return x === y ? 0 : x < y ? -sign : sign;
  };
}
