import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import { tableProps } from "./table.ts";

describe("st.table", () => {
  it("shows rows of objects with the columns in first-seen order", async () => {
    const at = await AppTest.from_function(() => {
      st.table([
        { person: "jerry", pet: "fish" },
        { person: "barbara", pet: "cat", age: 3 },
      ]);
    }).run();
    expect(at.table[0]!.headers).toEqual(["person", "pet", "age"]);
    expect(at.table[0]!.rows).toEqual([
      ["jerry", "fish", null],
      ["barbara", "cat", 3],
    ]);
    expect(at.table[0]!.value).toEqual([
      { person: "jerry", pet: "fish", age: null },
      { person: "barbara", pet: "cat", age: 3 },
    ]);
  });

  it("takes rows as arrays, a list of values, an object of columns, or nothing", () => {
    expect(tableProps([[1, 2], [3]])).toEqual({ columns: ["0", "1"], rows: [[1, 2], [3, null]] });
    expect(tableProps(["a", "b"])).toEqual({ columns: ["0"], rows: [["a"], ["b"]] });
    expect(tableProps({ x: [1, 2], y: ["a"] })).toEqual({ columns: ["x", "y"], rows: [[1, "a"], [2, null]] });
    expect(tableProps({ x: 1, y: true })).toEqual({ columns: ["x", "y"], rows: [[1, true]] });
    expect(tableProps(undefined)).toEqual({ columns: [], rows: [] });
  });

  it("turns cells the wire cannot carry into text or null", () => {
    const { rows } = tableProps([{ a: 2n, b: new Date(0), c: NaN, d: Infinity, e: { k: 1 }, f: new Uint8Array(3), g: undefined }]);
    expect(rows[0]).toEqual(["2", "1970-01-01T00:00:00.000Z", null, "Infinity", '{"k":1}', "<3 bytes>", null]);
  });
});
