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
  /** Views made, newest last: a sort's order (needle ""), and the rows a search kept of it. */
  private readonly views: { sort: string; needle: string; rows: Uint32Array }[] = [];
  /** Text columns' cells lower-cased, made on the first search that needs them. */
  private readonly lowerText = new Map<number, string[]>();

  constructor(readonly table: DataTable) {}

  /** Row positions of the view, in order; null for the table as it is. */
  view(spec: ViewSpec): Uint32Array | null {
    const sort = (spec.sort ?? []).filter((s) => s.column === -1 || s.column < this.table.columns.length);
    const needle = spec.search?.trim().toLowerCase() ?? "";
    if (sort.length === 0 && !needle) return null;
    const sortKey = JSON.stringify(sort);
    const known = this.views.find((v) => v.sort === sortKey && v.needle === needle);
    if (known) return known.rows;
    let rows: Uint32Array | null = sort.length > 0 ? (this.views.find((v) => v.sort === sortKey && v.needle === "")?.rows ?? this.keep(sortKey, "", this.sorted(sort))) : null;
    if (needle) {
      // Typing narrows a search: the rows of a needle this one contains are the only candidates.
      const narrower = this.views.filter((v) => v.sort === sortKey && v.needle !== "" && needle.includes(v.needle)).sort((x, y) => y.needle.length - x.needle.length)[0];
      rows = this.keep(sortKey, needle, this.searched(needle, narrower?.rows ?? rows));
    }
    return rows;
  }

  private keep(sort: string, needle: string, rows: Uint32Array): Uint32Array {
    if (this.views.length > 16) this.views.shift();
    this.views.push({ sort, needle, rows });
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

  private searched(needle: string, candidates: Uint32Array | null): Uint32Array {
    // Only columns whose shown text could hold the needle are scanned: "item 7" is in no number.
    const tests = this.table.columns.flatMap((column, c) => (couldShow(column, needle) ? [this.matcher(c, needle)] : []));
    const hits: number[] = [];
    const n = candidates ? candidates.length : this.table.rowCount;
    for (let i = 0; i < n; i++) {
      const row = candidates ? candidates[i]! : i;
      for (const test of tests) {
        if (test(row)) {
          hits.push(row);
          break;
        }
      }
    }
    return Uint32Array.from(hits);
  }

  /**
   * Does a row's cell, as the grid shows it, hold the needle? Text columns are lower-cased once
   * and kept; other cells are formatted as they are tested, never kept: a million-row table's
   * numbers as strings would take far more memory than the table.
   */
  private matcher(c: number, needle: string): (row: number) => boolean {
    const column = this.table.columns[c]!;
    if (column.type === "string" || column.type === "time") {
      let text = this.lowerText.get(c);
      if (!text) {
        const cells = column.cells;
        text = new Array<string>(this.table.rowCount);
        for (let r = 0; r < text.length; r++) {
          const cell = cells[r];
          text[r] = cell === null || cell === undefined ? "none" : cell.toLowerCase();
        }
        this.lowerText.set(c, text);
      }
      const lower = text;
      return (row) => lower[row]!.includes(needle);
    }
    if (column.type === "integer") {
      const cells = column.cells;
      return (row) => (Number.isNaN(cells[row]!) ? "none" : String(cells[row]!)).includes(needle);
    }
    if (column.type === "number") {
      const cells = column.cells;
      // The grid's text of most numbers is their shortest form: formatted in full only when not.
      return (row) => {
        const x = cells[row]!;
        const plain = String(x);
        const dot = plain.indexOf(".");
        const short = Number.isFinite(x) && Math.abs(x) < 1e15 && !plain.includes("e") && (dot < 0 || plain.length - dot <= 5);
        return (short ? plain : formatCell(column, row).toLowerCase()).includes(needle);
      };
    }
    return (row) => formatCell(column, row).toLowerCase().includes(needle);
  }
}

const SHOWN_CHARS: Partial<Record<string, RegExp>> = {
  number: /^[0-9.e+\-]*$/,
  // Past 1e21 integers show in exponent form too.
  integer: /^[0-9.e+\-]*$/,
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
