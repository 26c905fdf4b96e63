import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";

async function tableOf(data: unknown) {
  const at = await AppTest.from_function(() => {
    st.table(data);
  }).run();
  return at;
}

describe("st.table", () => {
  it("shows rows of objects with the columns in first-seen order", async () => {
    const at = await tableOf([
      { person: "jerry", pet: "fish" },
      { person: "barbara", pet: "cat", age: 3 },
    ]);
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

  it("takes rows as arrays (ragged ones filled), a list of values, an object of columns, or nothing", async () => {
    expect((await tableOf([[1, 2], [3]])).table[0]!.rows).toEqual([[1, 2], [3, null]]);
    expect((await tableOf(["a", "b"])).table[0]!.headers).toEqual(["0"]);
    expect((await tableOf({ x: [1, 2], y: ["a", "b"] })).table[0]!.rows).toEqual([[1, "a"], [2, "b"]]);
    expect((await tableOf({ x: 1, y: true })).table[0]!.rows).toEqual([[1, true]]);
    expect((await tableOf(undefined)).table[0]!.rows).toEqual([]);
  });

  it("refuses columns of different lengths, as pandas does", async () => {
    const at = await tableOf({ x: [1, 2], y: ["a"] });
    expect(at.exception[0]!.value).toMatch(/all columns must have the same length/);
  });

  it("keeps cells JSON cannot carry: bigints as numbers, dates, NaN as missing, infinities", async () => {
    const at = await tableOf([{ a: 2n, b: new Date(0), c: NaN, d: Infinity, e: { k: 1 } }]);
    expect(at.table[0]!.rows[0]).toEqual([2, new Date(0), null, Infinity, { k: 1 }]);
    expect(at.table[0]!.column_types).toEqual({ a: "integer", b: "datetime", c: "number", d: "number", e: "object" });
  });
});
