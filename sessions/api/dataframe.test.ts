import { describe, expect, it } from "vitest";
import { tableFromArrays, tableFromJSON } from "apache-arrow";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import type { RowsAnswer, ServerFrame, WireTable } from "../protocol.ts";

function framesOf(at: AppTest, from = 0): ServerFrame[] {
  return at.messages.slice(from).flatMap((m) => JSON.parse(m) as ServerFrame[]);
}

function rowsOf(n: number, columns = 3) {
  const data: Record<string, Float64Array> = {};
  for (let c = 0; c < columns; c++) data[`c${c}`] = Float64Array.from({ length: n }, (_, r) => r * columns + c);
  return data;
}

async function ask(at: AppTest, request: Omit<Extract<Parameters<AppTest["session"]["handleFrame"]>[0], { t: "rows" }>, "t">): Promise<RowsAnswer> {
  const replies: ServerFrame[] = [];
  at.session.handleMessage(JSON.stringify({ t: "rows", ...request }), (frame) => replies.push(frame));
  await at.session.idle();
  return replies[0] as RowsAnswer;
}

describe("st.dataframe's data", () => {
  it("takes every shape a JS app has and gives each the same table", async () => {
    const shapes: unknown[] = [
      [{ a: 1, b: "x" }, { a: 2, b: "y" }],
      { a: [1, 2], b: ["x", "y"] },
      { columns: ["a", "b"], data: [[1, "x"], [2, "y"]] },
      tableFromJSON([{ a: 1, b: "x" }, { a: 2, b: "y" }]),
    ];
    for (const data of shapes) {
      const at = await AppTest.from_function(() => {
        st.dataframe(data);
      }).run();
      expect(at.dataframe[0]!.value, JSON.stringify(data)).toEqual([{ a: 1, b: "x" }, { a: 2, b: "y" }]);
    }
  });

  it("types columns: integers, floats, text, booleans, datetimes with their zone, and a Map's keys as the index", async () => {
    const when = new Date("2024-01-02T03:04:05Z");
    const arrow = tableFromArrays({ n: Int32Array.from([1, 2]), x: Float64Array.from([0.5, 1.5]) });
    const at = await AppTest.from_function(() => {
      st.dataframe([{ i: 1, f: 1.5, s: "a", b: true, d: when, m: null }]);
      st.dataframe(arrow);
      st.dataframe(new Map([["alice", 3], ["bob", 4]]));
      st.dataframe([[1, 2, 3], [4]]);
      st.dataframe([1, "two", 3]);
    }).run();
    expect(at.dataframe[0]!.column_types).toEqual({ i: "integer", f: "number", s: "string", b: "boolean", d: "datetime", m: "null" });
    expect(at.dataframe[0]!.rows).toEqual([[1, 1.5, "a", true, when, null]]);
    expect(at.dataframe[1]!.column_types).toEqual({ n: "integer", x: "number" });
    expect(at.dataframe[2]!.index).toEqual(["alice", "bob"]);
    expect(at.dataframe[2]!.value).toEqual([{ value: 3 }, { value: 4 }]);
    // Ragged rows are filled with missing values; mixed values make an object column, as in pandas.
    expect(at.dataframe[3]!.rows).toEqual([[1, 2, 3], [4, null, null]]);
    expect(at.dataframe[4]!.column_types).toEqual({ "0": "object" });
  });

  it("writes an Arrow table with st.write as a dataframe, and a list of objects as JSON, as Streamlit does", async () => {
    const at = await AppTest.from_function(() => {
      st.write(tableFromJSON([{ a: 1 }, { a: 2 }]));
      st.write([{ a: 1 }, { a: 2 }]);
    }).run();
    expect(at.dataframe[0]!.value).toEqual([{ a: 1 }, { a: 2 }]);
    expect(at.json).toHaveLength(1);
  });

  it("refuses what is not data with a clear error", async () => {
    const at = await AppTest.from_function(() => {
      st.dataframe(42);
    }).run();
    expect(at.exception[0]!.value).toMatch(/st.dataframe cannot show a number/);
  });
});

describe("a large table stays in the session", () => {
  it("sends the first rows only, and serves any window, sorted and searched", async () => {
    const at = await AppTest.from_function(() => {
      st.dataframe(rowsOf(100_000));
    }).run();
    const wire = (at.dataframe[0]!.props as { table: WireTable }).table;
    expect(wire.lazy).toBe(true);
    expect(wire.rows).toBe(100_000);
    expect(wire.data[0]!.length).toBe(100);
    expect(at.messages.join("").length).toBeLessThan(20_000);
    // AppTest sees every row.
    expect(at.dataframe[0]!.data.rowCount).toBe(100_000);

    const end = await ask(at, { req: 1, table: wire.id, start: 99_990, count: 50 });
    expect(end.positions).toEqual(Array.from({ length: 10 }, (_, i) => 99_990 + i));
    expect(end.data[0]!.at(-1)).toBe(99_999 * 3);

    const sorted = await ask(at, { req: 2, table: wire.id, start: 0, count: 3, sort: [{ column: 1, desc: true }] });
    expect(sorted.positions).toEqual([99_999, 99_998, 99_997]);

    const found = await ask(at, { req: 3, table: wire.id, start: 0, count: 10, search: "299997" });
    expect(found.total).toBe(1);
    expect(found.positions).toEqual([99_999]);

    const gone = await ask(at, { req: 4, table: "nope", start: 0, count: 1 });
    expect(gone.error).toMatch(/no longer on the page/);
  });

  it("a rerun that leaves the table unchanged sends no table bytes", async () => {
    const at = await AppTest.from_function(() => {
      st.button("again");
      st.dataframe(rowsOf(50_000));
    }).run();
    const before = at.messages.length;
    await at.button[0]!.click().run();
    const sent = at.messages.slice(before).join("");
    expect(sent).not.toContain('"table"');
    expect(sent.length).toBeLessThan(400);
  });


  it("shows the change when the app writes into the same cached array between runs", async () => {
    const kept = rowsOf(50_000);
    const at = await AppTest.from_function(() => {
      if (st.button("change")) kept.c1![49_999] = -1;
      st.dataframe(kept);
    }).run();
    const before = (at.dataframe[0]!.props as { table: WireTable }).table.id;
    await at.button[0]!.click().run();
    const after = (at.dataframe[0]!.props as { table: WireTable }).table.id;
    expect(after).not.toBe(before);
    const last = await ask(at, { req: 1, table: after, start: 49_999, count: 1 });
    expect(last.data[1]).toEqual([-1]);
    // The app's array is the session's no longer: a later write does not reach the table shown.
    kept.c1![0] = 12345;
    const first = await ask(at, { req: 2, table: after, start: 0, count: 1 });
    expect(first.data[1]).toEqual([1]);
  });
  it("small tables travel whole", async () => {
    const at = await AppTest.from_function(() => {
      st.dataframe(rowsOf(300));
    }).run();
    const wire = (at.dataframe[0]!.props as { table: WireTable }).table;
    expect(wire.lazy).toBeUndefined();
    expect(wire.data[0]!.length).toBe(300);
  });
});

describe("add_rows", () => {
  it("appends rows in place and sends only them", async () => {
    const at = await AppTest.from_function(async () => {
      const element = st.dataframe({ A: [1, 2], B: [3, 4] });
      await st.sleep(1);
      element.add_rows([{ A: 5, B: 6 }]);
    }).run();
    expect(at.dataframe[0]!.value).toEqual([{ A: 1, B: 3 }, { A: 2, B: 4 }, { A: 5, B: 6 }]);
    const ops = framesOf(at).flatMap((f) => (f.t === "delta" || f.t === "run_end" ? (f.ops ?? []) : []));
    const added = ops.find((op) => op.op === "add_rows");
    expect(added && added.op === "add_rows" && added.table.data).toEqual([[5], [6]]);
  });

  it("works on st.table too, and refuses elements without data", async () => {
    const at = await AppTest.from_function(() => {
      st.table([{ x: 1 }]).add_rows([{ x: 2 }]);
      st.markdown("hi").add_rows([{ x: 1 }]);
    }).run();
    expect(at.table[0]!.value).toEqual([{ x: 1 }, { x: 2 }]);
    expect(at.exception[0]!.value).toMatch(/add_rows\(\) works on an element that shows data/);
  });
});

describe("selection", () => {
  it('returns the selected rows and columns with on_select="rerun"', async () => {
    const at = await AppTest.from_function(() => {
      const event = st.dataframe([{ a: 1 }, { a: 2 }, { a: 3 }], { on_select: "rerun", selection_mode: ["multi-row", "single-column"], key: "df" });
      st.write(`rows ${event.selection.rows.join(",")} columns ${event.selection.columns.join(",")}`);
    }).run();
    expect(at.markdown[0]!.value).toBe("rows  columns");
    await at.dataframe[0]!.select_rows([0, 2], ["a"]).run();
    expect(at.markdown[0]!.value).toBe("rows 0,2 columns a");
    expect(at.session_state.df).toEqual({ selection: { rows: [0, 2], columns: ["a"], cells: [] } });
  });

  it("refuses a selection the mode does not allow or of rows the table lacks", async () => {
    const at = await AppTest.from_function(() => {
      st.dataframe([{ a: 1 }, { a: 2 }], { on_select: "rerun", selection_mode: "single-row" });
    }).run();
    const id = at.dataframe[0]!.id!;
    const send = (selection: unknown) => at.session.handleFrame({ t: "widget", id, value: JSON.stringify({ selection }) });
    expect(send({ rows: [0, 1], columns: [] })?.message).toMatch(/allows 1 selected row/);
    expect(send({ rows: [5], columns: [] })?.message).toMatch(/row positions from 0 to 1/);
    expect(send({ rows: [], columns: ["a"] })?.message).toMatch(/allows 0 selected column/);
    expect(send({ rows: [1], columns: [], cells: [[0, "a"]] })?.message).toMatch(/allows 0 selected cell/);
    expect(send({ rows: [1], columns: [] })).toBeNull();
  });

  it("selects cells, a required single row, and starts from selection_default", async () => {
    let first: unknown;
    let required: unknown;
    const at = await AppTest.from_function(() => {
      first = st.dataframe([{ a: 1 }, { a: 2 }], { on_select: "rerun", selection_mode: ["multi-row", "single-cell"], selection_default: { selection: { rows: [1] } } });
      required = st.dataframe([{ b: 1 }, { b: 2 }], { on_select: "rerun", selection_mode: "single-row-required" });
    }).run();
    expect(first).toEqual({ selection: { rows: [1], columns: [], cells: [] } });
    expect(required).toEqual({ selection: { rows: [0], columns: [], cells: [] } });
    const id = at.dataframe[0]!.id!;
    expect(at.session.handleFrame({ t: "widget", id, value: JSON.stringify({ selection: { rows: [], columns: [], cells: [[1, "a"]] } }) })).toBeNull();
    await at.run();
    expect(first).toEqual({ selection: { rows: [], columns: [], cells: [[1, "a"]] } });
  });
});

describe("server.maxMessageSize", () => {
  it("refuses a table whose data exceeds it with Streamlit's message, and serves huge cells a few rows at a time", async () => {
    const { AppSession } = await import("../engine/app_session.ts");
    const messages: string[] = [];
    const big = "x".repeat(40_000);
    const session = new AppSession({
      script: () => {
        st.dataframe({ text: Array.from({ length: 30_000 }, (_, i) => (i < 200 ? big.slice(0, 500) : `row ${i}`)) });
        st.table([{ text: big }, { text: big }, { text: big }]);
      },
      send: (m) => messages.push(m),
      maxMessageBytes: 100_000,
    });
    session.requestRerun();
    await session.idle();
    const frames = messages.flatMap((m) => JSON.parse(m) as ServerFrame[]);
    const page = JSON.stringify(frames);
    expect(page).toMatch(/st.table: data of size 0.1 MB exceeds the message size limit of 0.1 MB/);
    const table = (session.tree.roots[0]!.children[0]!.props as { table: WireTable }).table;
    const replies: ServerFrame[] = [];
    session.handleMessage(JSON.stringify({ t: "rows", req: 1, table: table.id, start: 0, count: 1000 }), (f) => replies.push(f));
    await session.idle();
    const answer = replies[0] as RowsAnswer;
    expect(answer.error).toBeUndefined();
    expect(answer.positions.length).toBeGreaterThan(0);
    expect(answer.positions.length).toBeLessThan(1000);
    expect(JSON.stringify(answer).length).toBeLessThan(100_000);
  });
});

describe("tables across sessions", () => {
  it("a table two sessions' scripts make alike is held once in the isolate", async () => {
    const script = () => {
      st.dataframe({ n: Float64Array.from({ length: 30_000 }, (_, i) => i * 2) });
    };
    const [a, b] = await Promise.all([AppTest.from_function(script).run(), AppTest.from_function(script).run()]);
    const id = (a.dataframe[0]!.props as { table: WireTable }).table.id;
    expect((b.dataframe[0]!.props as { table: WireTable }).table.id).toBe(id);
    expect(a.session.tables.get(id)).toBe(b.session.tables.get(id));
  });
});
