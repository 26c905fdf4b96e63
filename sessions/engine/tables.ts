/**
 * The large tables of a session's page, kept where the script made them (the app's isolate) so
 * the browser asks for the rows it shows. Small tables travel whole and are not kept. A table
 * stays while an element of the page shows it; a rerun that makes the same table again finds it.
 */
import { MAX_ROWS_PER_REQUEST, type RowsAnswer, type RowsRequest } from "../protocol.ts";
import { csvStream } from "../data/csv.ts";
import { tableBytes, type DataTable } from "../data/table.ts";
import { TableViews, type CsvSpec } from "../data/views.ts";
import { wireCells } from "../data/wire.ts";

/**
 * Tables by digest across the isolate's sessions: a table every viewer's script makes alike (a
 * cached dataset) is held once, not once per session. Kept tables are never changed (add_rows
 * makes a new one), so sharing them is safe; a table no session holds any more is collected.
 */
const shared = new Map<string, WeakRef<TableViews>>();
const forget = new FinalizationRegistry<string>((id) => {
  if (!shared.get(id)?.deref()) shared.delete(id);
});

function sharedViews(id: string, table: DataTable): TableViews {
  const known = shared.get(id)?.deref();
  if (known) return known;
  const views = new TableViews(table);
  shared.set(id, new WeakRef(views));
  forget.register(views, id);
  return views;
}

export class SessionTables {
  private readonly tables = new Map<string, TableViews>();

  keep(id: string, table: DataTable): void {
    if (!this.tables.has(id)) this.tables.set(id, sharedViews(id, table));
  }

  has(id: string): boolean {
    return this.tables.has(id);
  }

  get(id: string): DataTable | undefined {
    return this.tables.get(id)?.table;
  }

  /** Drops tables no element shows any more. */
  prune(shown: ReadonlySet<string>): void {
    for (const id of this.tables.keys()) if (!shown.has(id)) this.tables.delete(id);
  }

  /** What the kept tables cost in memory (the bench reports it). */
  bytes(): number {
    let bytes = 0;
    for (const views of this.tables.values()) bytes += tableBytes(views.table);
    return bytes;
  }

  answer(request: RowsRequest, maxBytes = Infinity): RowsAnswer {
    const views = this.tables.get(request.table);
    const empty = { t: "rows" as const, req: request.req, table: request.table, total: 0, start: request.start, positions: [], data: [] };
    if (!views) return { ...empty, error: "This table is no longer on the page." };
    const table = views.table;
    const order = views.view(request);
    const total = order ? order.length : table.rowCount;
    const start = Math.min(request.start, total);
    const end = Math.min(total, start + Math.min(request.count, MAX_ROWS_PER_REQUEST));
    const positions = new Array<number>(end - start);
    for (let i = start; i < end; i++) positions[i - start] = order ? order[i]! : i;
    const answer: RowsAnswer = {
      ...empty,
      total,
      start,
      positions,
      data: table.columns.map((column) => wireCells(column, positions)),
      ...(table.index ? { index_data: wireCells(table.index, positions) } : {}),
    };
    // Huge cells: fewer rows at a time, down to one; a single row past the limit is refused.
    if (positions.length > 0 && JSON.stringify(answer).length > maxBytes) {
      if (request.count > 1) return this.answer({ ...request, count: Math.max(1, Math.floor(request.count / 4)) }, maxBytes);
      return { ...empty, total, error: "This row is larger than the message size limit (server.maxMessageSize)." };
    }
    return answer;
  }

  /** The table (in the view asked for) as a CSV stream, or null when it is not on the page. */
  csv(id: string, spec: CsvSpec): ReadableStream<Uint8Array> | null {
    const views = this.tables.get(id);
    if (!views) return null;
    return csvStream(views.table, { rows: views.view(spec), hideIndex: spec.hideIndex ?? false });
  }
}
