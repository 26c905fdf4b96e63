// The grid's data modules (client/data/): formats, row order, lazy windows, edits, CSV.
import { describe, expect, it } from "vitest";
import type { RowsAnswer, RowsRequest, WireTable } from "../../sessions/protocol.ts";
import { gridColumns } from "../../client/data/columns.ts";
import { csvText, exportFileName, tsvText } from "../../client/data/csv.ts";
import { editedSource, parseEdits, serializeEdits, withAddedRow, withCell, withoutRows } from "../../client/data/edits.ts";
import { displayText, formatDate, formatNumber } from "../../client/data/format.ts";
import { rowsChannelOf } from "../../client/data/rows.ts";
import { LazyRows, orderRows, WINDOW_ROWS } from "../../client/data/view.ts";

const table: WireTable = {
  id: "t1",
  columns: [
    { name: "command", type: "string" },
    { name: "rating", type: "integer" },
    { name: "is_widget", type: "boolean" },
  ],
  rows: 3,
  data: [
    ["st.selectbox", "st.balloons", "st.time_input"],
    [4, 5, null],
    [true, false, true],
  ],
};

describe("number and date formats", () => {
  it("reads printf patterns as sprintf-js does", () => {
    expect(formatNumber(3, "%d ⭐")).toBe("3 ⭐");
    expect(formatNumber(3.14159, "%.2f")).toBe("3.14");
    expect(formatNumber(12.5, "$%.2f")).toBe("$12.50");
    expect(formatNumber(45.678, "%.1f%%")).toBe("45.7%");
    expect(formatNumber(7, "%03d")).toBe("007");
    expect(formatNumber(1234567.891, "%,.2f")).toBe("1,234,567.89");
    expect(formatNumber(0.000123, "%.2e")).toBe("1.23e-04");
  });

  it("knows Streamlit's named formats", () => {
    expect(formatNumber(0.256, "percent")).toBe("25.6%");
    expect(formatNumber(1234.5, "dollar")).toBe("$1,234.50");
    expect(formatNumber(1234.5, "euro")).toBe("€1,234.50");
    expect(formatNumber(1_500_000, "compact")).toBe("1.5M");
    expect(formatNumber(1234.5, "plain")).toBe("1234.5");
    expect(formatNumber(12345, "scientific")).toBe("1.2345E4");
  });

  it("formats dates with moment tokens", () => {
    const ms = Date.UTC(2024, 0, 5, 14, 7, 9);
    expect(formatDate(ms, "MMM D, YYYY", "date")).toBe("Jan 5, 2024");
    expect(formatDate(ms, "YYYY-MM-DD HH:mm:ss", "datetime")).toBe("2024-01-05 14:07:09");
    expect(formatDate(ms, "dddd [the] Do, h:mm A", "datetime")).toBe("Friday the 5th, 2:07 PM");
    expect(formatDate(ms, "iso8601", "date")).toBe("2024-01-05");
  });

  it("shows a cell under its column config, None for a missing one", () => {
    expect(displayText(3, { type: "integer" }, { type: "number", options: { format: "%d ⭐" } })).toBe("3 ⭐");
    expect(displayText(null, { type: "integer" }, undefined)).toBe("None");
    expect(displayText(0.123456789, { type: "number" }, undefined)).toBe("0.1235");
    expect(displayText("12:30:00", { type: "time" }, { type: "time", options: { format: "HH:mm" } })).toBe("12:30");
  });
});

describe("columns", () => {
  it("puts the index first, keeps column_order and drops hidden columns", () => {
    const columns = gridColumns(table, { column_order: ["rating", "command"], column_config: { command: { label: "Command", width: "large" }, rating: null } });
    expect(columns.map((c) => [c.name, c.label, c.pinned])).toEqual([
      ["_index", "", true],
      ["command", "Command", false],
    ]);
    expect(columns[1]!.width).toBe(400);
    expect(gridColumns(table, { hide_index: true }).map((c) => c.name)).toEqual(["command", "rating", "is_widget"]);
    expect(gridColumns(table, { column_config: { is_widget: { width: 120 } } })[3]!.width).toBe(120);
  });
});

describe("row order of a whole table", () => {
  const source = editedSource(table, parseEdits(""));
  const text = (p: number, c: number) => displayText(source.cell(p, c), c === -1 ? { type: "integer" } : table.columns[c]!, undefined);
  it("sorts either way with missing values last, ties in table order", () => {
    expect(orderRows(source, [{ column: 1, desc: false }], "", text, [0, 1, 2])).toEqual([0, 1, 2]);
    expect(orderRows(source, [{ column: 1, desc: true }], "", text, [0, 1, 2])).toEqual([1, 0, 2]);
    expect(orderRows(source, [{ column: 0, desc: false }], "", text, [0, 1, 2])).toEqual([1, 0, 2]);
    expect(orderRows(source, [{ column: -1, desc: true }], "", text, [0, 1, 2])).toEqual([2, 1, 0]);
  });
  it("keeps the rows whose shown text contains the needle, any case", () => {
    expect(orderRows(source, [], "INPUT", text, [0, 1, 2])).toEqual([2]);
    expect(orderRows(source, [], "none", text, [0, 1, 2])).toEqual([2]);
    expect(orderRows(source, [], "st.", text, [0])).toEqual([0, 1, 2]);
  });
});

describe("a data editor's edits", () => {
  it("apply over the table: edited cells, deleted rows gone, added rows last", () => {
    let edits = withCell(parseEdits(undefined), 3, 0, "rating", 2);
    edits = withAddedRow(edits, { command: "st.button" });
    edits = withCell(edits, 3, 3, "rating", 1);
    edits = withoutRows(edits, 3, [1]);
    expect(JSON.parse(serializeEdits(edits))).toEqual({ edited_rows: { 0: { rating: 2 } }, added_rows: [{ command: "st.button", rating: 1 }], deleted_rows: [1] });
    const source = editedSource(table, edits);
    expect(source.positions).toEqual([0, 2, 3]);
    expect([0, 2, 3].map((p) => source.cell(p, 1))).toEqual([2, null, 1]);
    expect(source.cell(3, 0)).toBe("st.button");
    expect(source.cell(3, 2)).toBe(null);
    // Deleting an added row takes it out of added_rows.
    expect(withoutRows(edits, 3, [3]).added_rows).toEqual([]);
  });
  it("read a malformed value as no edits", () => {
    expect(parseEdits("{not json")).toEqual({ edited_rows: {}, added_rows: [], deleted_rows: [] });
    expect(parseEdits('{"edited_rows": [], "added_rows": {}, "deleted_rows": ["x", 2]}')).toEqual({ edited_rows: {}, added_rows: [], deleted_rows: [2] });
  });
  it("show dates sent as ISO text as the dates they are", () => {
    const dated: WireTable = { id: "d", columns: [{ name: "day", type: "date" }], rows: 1, data: [[0]] };
    const source = editedSource(dated, withCell(parseEdits(""), 1, 0, "day", "2024-02-03"));
    expect(source.cell(0, 0)).toBe(Date.UTC(2024, 1, 3));
  });
});

describe("CSV and copied text", () => {
  it("quote as RFC 4180 says, after a UTF-8 byte order mark", () => {
    expect(csvText(["", "a"], [["0", 'say "hi", twice'], ["1", "two\nlines"]])).toBe('\ufeff,a\n0,"say ""hi"", twice"\n1,"two\nlines"\n');
    expect(tsvText([["a", "b"], ["c\td", "e"]])).toBe('a\tb\n"c\td"\te');
    expect(exportFileName(new Date(Date.UTC(2024, 0, 5, 14, 7)))).toBe("2024-01-05T14-07_export.csv");
  });
});

describe("a large table's rows", () => {
  /** A session that answers `rows` frames from a table of `n` rows (cell = position * 10), sorted descending when asked. */
  function fakeSession(n: number) {
    const asked: RowsRequest[] = [];
    let hear: (answer: RowsAnswer) => void = () => {};
    const send = (frame: unknown) => {
      const request = frame as RowsRequest;
      asked.push(request);
      const order = Array.from({ length: n }, (_, i) => (request.sort?.[0]?.desc ? n - 1 - i : i));
      const positions = order.slice(request.start, request.start + request.count);
      const answer: RowsAnswer = { t: "rows", req: request.req, table: request.table, total: n, start: request.start, positions, data: [positions.map((p) => p * 10)] };
      queueMicrotask(() => hear(request.table === "gone" ? { ...answer, error: "gone", positions: [], data: [] } : answer));
    };
    const channel = rowsChannelOf({ send, sessionId: "session-1", listenRows: (listener) => (hear = listener) });
    return { asked, channel };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("asks only for the windows shown, once each, and serves them from cache", async () => {
    const { asked, channel } = fakeSession(1_000_000);
    let changes = 0;
    const rows = new LazyRows(channel.ask, () => changes++);
    rows.setView({ table: "t", rows: 1_000_000, sort: [], search: "", seed: { data: [[0, 10]] } });
    expect(rows.cell(1, 0)).toBe(10);
    expect(rows.cell(5, 0)).toBeUndefined();
    rows.ensure(999_990, 1_000_000);
    rows.ensure(999_980, 1_000_000);
    await settle();
    expect(asked.map((a) => [a.start, a.count])).toEqual([[Math.floor(999_990 / WINDOW_ROWS) * WINDOW_ROWS, WINDOW_ROWS]]);
    expect(rows.cell(999_999, 0)).toBe(9_999_990);
    expect(rows.cell(999_999, -1)).toBe(999_999);
    expect(changes).toBeGreaterThan(1);
  });

  it("starts over when the sort or the table changes", async () => {
    const { asked, channel } = fakeSession(2000);
    const rows = new LazyRows(channel.ask, () => {});
    rows.setView({ table: "t", rows: 2000, sort: [], search: "" });
    rows.ensure(0, 10);
    await settle();
    rows.setView({ table: "t", rows: 2000, sort: [{ column: 0, desc: true }], search: "" });
    expect(rows.cell(0, 0)).toBeUndefined();
    rows.ensure(0, 10);
    await settle();
    expect(rows.position(0)).toBe(1999);
    expect(asked.at(-1)!.sort).toEqual([{ column: 0, desc: true }]);
    rows.setView({ table: "t2", rows: 2000, sort: [{ column: 0, desc: true }], search: "" });
    rows.ensure(0, 10);
    expect(asked.at(-1)!.table).toBe("t2");
  });

  it("builds the CSV route of the session's table", () => {
    const { channel } = fakeSession(1);
    expect(channel.csvUrl("abc", { sort: [{ column: 1, desc: true }], search: "x y", hideIndex: true })).toBe(
      `/_stcore/table/session-1/abc.csv?sort=${encodeURIComponent('[{"column":1,"desc":true}]')}&search=x+y&hide_index=1`,
    );
    expect(channel.csvUrl("abc", {})).toBe("/_stcore/table/session-1/abc.csv");
  });
});
