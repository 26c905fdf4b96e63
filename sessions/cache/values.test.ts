import { describe, expect, it } from "vitest";
import { decodeValue, encodeValue, hashValue, UnhashableValue, UnstorableValue } from "./values.ts";

describe("stored values", () => {
  it("round-trips structured data, JSON's gaps included", () => {
    const value = {
      text: "é\u0000",
      n: [1, -0, NaN, Infinity, -Infinity],
      nothing: undefined,
      big: 2n ** 70n,
      when: new Date("2024-05-06T07:08:09.010Z"),
      bad_date: new Date(NaN),
      map: new Map<unknown, unknown>([[1, "one"], [{ k: 1 }, [2]]]),
      set: new Set(["a", 1]),
      re: /x+/gi,
      bytes: new Uint8Array([1, 2, 255]),
      floats: new Float64Array([1.5, -2]),
      buffer: new Uint8Array([9, 8]).buffer,
      sparse: [1, , 3],
      $t: "not a tag",
      nested: { __proto__: null, a: { $t: "obj" } },
    };
    const back = decodeValue(encodeValue(value)) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is((back.n as number[])[1], -0)).toBe(true);
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect(back.buffer).toBeInstanceOf(ArrayBuffer);
    expect(back.map.get(1)).toBe("one");
  });

  it("keeps an object's own __proto__ key as data", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}');
    const back = decodeValue(encodeValue(value)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses code, symbols, class instances and cycles, saying where", () => {
    class Thing {}
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const cases: [unknown, string][] = [
      [() => 1, "function (anonymous)"],
      [{ a: [Symbol("s")] }, "symbol at a[0]"],
      [{ a: new Thing() }, "Thing at a"],
      [cycle, "a reference to itself (a cycle) at self"],
      [new Map([["k", new WeakMap()]]), 'WeakMap at .get("k")'],
    ];
    for (const [value, message] of cases) {
      expect(() => encodeValue(value)).toThrow(UnstorableValue);
      expect(() => encodeValue(value)).toThrow(message);
    }
  });

  it("never runs code when reading an entry", () => {
    expect(() => decodeValue('{"$t":"function","v":"() => process.exit(1)"}')).toThrow("Unknown tag");
  });
});

describe("argument hashing", () => {
  it("is stable and by value: key order, Map and Set order do not matter", () => {
    expect(hashValue({ a: 1, b: [1, 2] })).toBe(hashValue({ b: [1, 2], a: 1 }));
    expect(hashValue(new Map([[1, 2], [3, 4]]))).toBe(hashValue(new Map([[3, 4], [1, 2]])));
    expect(hashValue(new Set([1, 2]))).toBe(hashValue(new Set([2, 1])));
    expect(hashValue([1, 2])).not.toBe(hashValue([2, 1]));
    expect(hashValue("1")).not.toBe(hashValue(1));
    expect(hashValue(undefined)).not.toBe(hashValue(null));
    expect(hashValue(new Date(1))).not.toBe(hashValue(new Date(2)));
  });

  it("hashes class instances by class and fields, functions by code, and cycles", () => {
    class A {
      constructor(readonly x: number) {}
    }
    class B {
      constructor(readonly x: number) {}
    }
    expect(hashValue(new A(1))).toBe(hashValue(new A(1)));
    expect(hashValue(new A(1))).not.toBe(hashValue(new B(1)));
    expect(hashValue((x: number) => x + 1)).toBe(hashValue((x: number) => x + 1));
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(hashValue(cycle)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("uses hash_funcs by class, class name or typeof", () => {
    class Conn {
      constructor(readonly url: string, readonly opened: number) {}
    }
    const byUrl = (c: Conn) => c.url;
    expect(hashValue(new Conn("u", 1), new Map([[Conn, byUrl]]))).toBe(hashValue(new Conn("u", 2), new Map([[Conn, byUrl]])));
    expect(hashValue(new Conn("u", 1), { Conn: byUrl })).toBe(hashValue(new Conn("u", 2), { Conn: byUrl }));
    expect(hashValue(1.2, { number: Math.round })).toBe(hashValue(0.9, { number: Math.round }));
  });

  it("refuses symbols", () => {
    expect(() => hashValue({ s: Symbol() })).toThrow(UnhashableValue);
  });
});
