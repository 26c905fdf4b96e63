import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";

const rows = [
  { command: "st.selectbox", rating: 4, is_widget: true },
  { command: "st.balloons", rating: 5, is_widget: false },
  { command: "st.time_input", rating: 3, is_widget: true },
];

describe("st.data_editor", () => {
  it("returns the data with the viewer's edits, in the shape it was given, and keeps the edit dict in session state", async () => {
    const at = await AppTest.from_function(() => {
      const edited = st.data_editor(rows, { key: "editor", num_rows: "dynamic" });
      const best = edited.reduce((a, b) => (b.rating > a.rating ? b : a));
      st.markdown(`Your favorite command is **${best.command}** 🎈`);
      st.json(st.session_state.editor);
    }).run();
    expect(at.markdown[0]!.value).toBe("Your favorite command is **st.balloons** 🎈");

    await at.data_editor[0]!.set_value(2, "rating", 9).run();
    expect(at.markdown[0]!.value).toBe("Your favorite command is **st.time_input** 🎈");
    expect(JSON.parse(at.json[0]!.value as string)).toEqual({ edited_rows: { "2": { rating: 9 } }, added_rows: [], deleted_rows: [] });

    await at.data_editor[0]!.add_row({ command: "st.data_editor", rating: 10 }).delete_rows([0]).run();
    expect(at.data_editor[0]!.value).toEqual([
      { command: "st.balloons", rating: 5, is_widget: false },
      { command: "st.time_input", rating: 9, is_widget: true },
      { command: "st.data_editor", rating: 10, is_widget: null },
    ]);
    expect(at.markdown[0]!.value).toBe("Your favorite command is **st.data_editor** 🎈");
  });

  it("fills an added row's empty cells with the column's default", async () => {
    let edited: { command: string; rating: number | null }[] = [];
    const at = await AppTest.from_function(() => {
      edited = st.data_editor(rows, { num_rows: "dynamic", column_config: { rating: st.column_config.NumberColumn("Rating", { default: 3 }) } });
    }).run();
    await at.data_editor[0]!.add_row({ command: "st.new" }).run();
    expect(edited.at(-1)).toEqual({ command: "st.new", rating: 3, is_widget: null });
  });

  it("gives back an object of columns as columns, and a Map as a Map", async () => {
    let columns: unknown;
    let map: unknown;
    const at = await AppTest.from_function(() => {
      columns = st.data_editor({ a: [1, 2], b: ["x", "y"] });
      map = st.data_editor(new Map([["k1", 1], ["k2", 2]]));
    }).run();
    await at.data_editor[0]!.set_value(1, "b", "z").run();
    await at.data_editor[1]!.set_value(0, "value", 5).run();
    expect(columns).toEqual({ a: [1, 2], b: ["x", "z"] });
    expect(map).toEqual(new Map([["k1", 5], ["k2", 2]]));
  });

  it("refuses edits of a disabled column, out-of-range rows, values of the wrong type or past a column's bounds", async () => {
    const at = await AppTest.from_function(() => {
      st.data_editor(rows, {
        key: "e",
        disabled: ["command"],
        column_config: { rating: st.column_config.NumberColumn("Rating", { min_value: 1, max_value: 5 }) },
      });
    }).run();
    const editor = at.data_editor[0]!;
    const send = (edits: unknown) => at.session.handleFrame({ t: "widget", id: editor.id, value: JSON.stringify(edits) });
    const edit = (edited_rows: unknown) => send({ edited_rows, added_rows: [], deleted_rows: [] });
    expect(edit({ "0": { command: "hacked" } })?.message).toMatch(/column "command" is disabled/);
    expect(edit({ "7": { rating: 2 } })?.message).toMatch(/not a row of the data/);
    expect(edit({ "0": { rating: "five" } })?.message).toMatch(/expected a number/);
    expect(edit({ "0": { rating: 6 } })?.message).toMatch(/above the maximum 5/);
    expect(edit({ "0": { nope: 1 } })?.message).toMatch(/not a column/);
    expect(send({ edited_rows: {}, added_rows: [{ rating: 2 }], deleted_rows: [] })?.message).toMatch(/num_rows="dynamic"/);
    expect(send("not an edit dict")?.message).toMatch(/edited_rows/);
    expect(edit({ "0": { rating: 2 } })).toBeNull();
  });

  it("starts over when the data changes, as a new editor", async () => {
    const at = await AppTest.from_function(() => {
      const n = st.number_input("rows", { value: 2 });
      st.data_editor(Array.from({ length: n }, (_, i) => ({ i })));
    }).run();
    await at.data_editor[0]!.set_value(0, "i", 42).run();
    expect(at.data_editor[0]!.value[0]).toEqual({ i: 42 });
    await at.number_input[0]!.set_value(3).run();
    expect(at.data_editor[0]!.value).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
  });
});

describe("tables and edits across a restart", () => {
  it("a restored session keeps its edits, and serves a large table's rows after running its script again", async () => {
    const { AppSession } = await import("../engine/app_session.ts");
    const script = () => {
      st.data_editor([{ a: 1 }, { a: 2 }], { key: "e" });
      st.dataframe({ n: Float64Array.from({ length: 50_000 }, (_, i) => i) });
    };
    const first = new AppSession({ script, send: () => {} });
    first.requestRerun();
    await first.idle();
    const editor = first.tree.roots[0]!.children[0]!.props as { id: string };
    first.handleFrame({ t: "widget", id: editor.id, value: JSON.stringify({ edited_rows: { "1": { a: 20 } }, added_rows: [], deleted_rows: [] }) });
    await first.idle();
    const saved = JSON.parse(JSON.stringify(first.toPersisted()));

    let runs = 0;
    const replies: unknown[] = [];
    const restored = new AppSession({ script: () => (runs++, script()), send: () => {}, restored: saved });
    const table = (restored.tree.roots[0]!.children[1]!.props as { table: { id: string } }).table;
    restored.handleMessage(JSON.stringify({ t: "rows", req: 1, table: table.id, start: 49_999, count: 1 }), (frame) => replies.push(frame));
    await restored.idle();
    expect(runs).toBe(1);
    expect(replies).toMatchObject([{ t: "rows", req: 1, positions: [49_999], data: [[49_999]] }]);
    expect(restored.state.snapshot()).toBeDefined();
    const edits = (restored.tree.roots[0]!.children[0]!.props as { value: string }).value;
    expect(JSON.parse(edits)).toEqual({ edited_rows: { "1": { a: 20 } }, added_rows: [], deleted_rows: [] });
  });
});
