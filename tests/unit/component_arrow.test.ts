import { describe, expect, it } from "vitest";
import { tableFromIPC } from "apache-arrow";
import { ArrowTable } from "streamlit-component-lib";
import { arrowToRows, wireToArrow } from "../../client/components/arrow.ts";
import { toDataTable } from "../../sessions/data/normalize.ts";
import { wireTable } from "../../sessions/data/wire.ts";

/** A table as the session sends it to the page for a component's argument. */
function wireOf(data: unknown) {
  return wireTable(toDataTable(data), { whole: true });
}

describe("a table argument of a component, as streamlit-component-lib 2.0 reads it", () => {
  it("arrives as the ArrowTable Streamlit sends: data, index and column headers", () => {
    const wire = wireOf([
      { name: "Jason", age: 42, member: true, joined: new Date(Date.UTC(2020, 0, 2)) },
      { name: "Molly", age: 52, member: false, joined: null },
    ]);
    const buffers = wireToArrow(wire);
    const table = new ArrowTable(buffers.data, buffers.index, buffers.columns);
    expect([table.dataRows, table.dataColumns, table.headerRows, table.headerColumns]).toEqual([2, 4, 1, 1]);
    // Row 0 is the header row, column 0 the index (a RangeIndex: 0, 1).
    expect(table.getCell(0, 1).content).toBe("name");
    expect(table.getCell(0, 4).content).toBe("joined");
    expect(String(table.getCell(1, 0).content)).toBe("0");
    expect(table.getCell(1, 1).content).toBe("Jason");
    // pandas' int64 is a BigInt in Arrow JS, as under Streamlit.
    expect(table.getCell(2, 2).content).toBe(52n);
    expect(table.getCell(1, 3).content).toBe(true);
    // A datetime column is timestamp[us], as Streamlit 1.64 sends a pandas 3 one.
    const joined = tableFromIPC(buffers.data).getChild("joined")!;
    expect(String(joined.type)).toBe("Timestamp<MICROSECOND>");
    expect(joined.get(0)).toBe(Date.UTC(2020, 0, 2));
    expect(joined.get(1)).toBeNull();
  });

  it("sends a labelled index as Streamlit does: in the index table, and as __index_level_0__ among the data", () => {
    const wire = wireOf(new Map([["a", { x: 1.5 }], ["b", { x: 2.5 }]]));
    const buffers = wireToArrow(wire);
    const data = tableFromIPC(buffers.data);
    expect(data.schema.fields.map((f) => f.name)).toEqual(["x", "__index_level_0__"]);
    expect(data.getChild("x")!.get(1)).toBe(2.5);
    expect([...tableFromIPC(buffers.index).getChild("0")!]).toEqual(["a", "b"]);
    expect([...tableFromIPC(buffers.columns).getChild("0")!]).toEqual(["x"]);
    // The library opens it as it opens Streamlit's.
    expect(new ArrowTable(buffers.data, buffers.index, buffers.columns).dataRows).toBe(2);
  });

  it("is written without generated code, which the page's Content-Security-Policy forbids", () => {
    const original = globalThis.Function;
    const refuse = () => {
      throw new EvalError("Code generation from strings disallowed for this context");
    };
    globalThis.Function = new Proxy(original, { construct: refuse, apply: refuse });
    try {
      const buffers = wireToArrow(wireOf([{ n: 1, x: 0.5, s: "a", b: true, d: new Date(0) }, { n: null, x: null, s: null, b: null, d: null }]));
      expect(arrowToRows(buffers).rows).toEqual([[1, 0.5, "a", true, 0], [null, null, null, null, null]]);
    } finally {
      globalThis.Function = original;
    }
  });

  it("comes back from setComponentValue(table) as columns and rows of plain values", () => {
    const wire = wireOf({ n: Int32Array.from([1, 2]), s: ["x", null] });
    const buffers = wireToArrow(wire);
    const sent = new ArrowTable(buffers.data, buffers.index, buffers.columns).serialize();
    expect(arrowToRows(sent)).toEqual({ columns: ["n", "s"], rows: [[1, "x"], [2, null]] });
  });
});
