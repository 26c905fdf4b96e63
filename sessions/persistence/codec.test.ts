import { describe, expect, it } from "vitest";
import { decodeValue, encodeValue, UnstorableValueError } from "./codec.ts";

const roundTrip = <T>(value: T): T => decodeValue(encodeValue(value)) as T;

describe("the stored value codec", () => {
  it("writes JSON values as their JSON", () => {
    const value = { kind: "markdown", props: { body: "Line 1", list: [1, 2.5, -3, true, null, "x\ny"] } };
    expect(encodeValue(value)).toBe(JSON.stringify(value));
  });

  it("keeps what a structured clone keeps", () => {
    const value = {
      missing: undefined,
      numbers: [NaN, Infinity, -Infinity, -0, 0, 1e21],
      big: 12345678901234567890n,
      date: new Date("2026-11-25T10:00:00Z"),
      badDate: new Date(NaN),
      pattern: /a+b/gi,
      map: new Map<unknown, unknown>([["a", 1], [{ k: 1 }, new Set([1, "two"])]]),
      bytes: new Uint8Array([0, 1, 254, 255]),
      floats: new Float64Array([1.5, -2]),
      buffer: new Uint8Array([9, 8, 7]).buffer,
      error: new RangeError("too far"),
      boxed: [Object(1), Object("s"), Object(false)],
      sparse: [1, , 3],
      unicode: "é 😀 \u2028 \ud800",
    };
    const back = roundTrip(value);
    expect(back).toStrictEqual({ ...value, sparse: [1, undefined, 3] });
    expect(Object.is(back.numbers[3], -0)).toBe(true);
    expect(back.error).toBeInstanceOf(RangeError);
    expect(back.error.message).toBe("too far");
    expect(back.error.stack).toBe(value.error.stack);
  });

  it("keeps shared and circular references", () => {
    const shared = { n: 1 };
    const value: Record<string, unknown> = { a: shared, b: [shared, shared], map: new Map([["s", shared]]) };
    value.self = value;
    const back = roundTrip(value) as typeof value;
    expect(back.self).toBe(back);
    expect(back.a).toBe((back.b as unknown[])[1]);
    expect((back.map as Map<string, unknown>).get("s")).toBe(back.a);
  });

  it("takes a user's object with a '$' key, or a '__proto__' key, for what it is", () => {
    const value = { $: "u", nested: { $: "r", v: 0 } };
    expect(roundTrip(value)).toStrictEqual(value);
    const proto = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    const back = roundTrip(proto) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "x"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("stores a class instance as its own properties, as a structured clone does", () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
      get sum() {
        return this.x + this.y;
      }
    }
    expect(roundTrip(new Point(1, 2))).toStrictEqual(structuredClone(new Point(1, 2)));
  });

  it("refuses what a structured clone refuses", () => {
    expect(() => encodeValue({ f: () => 1 })).toThrow(UnstorableValueError);
    expect(() => encodeValue([Symbol("s")])).toThrow(UnstorableValueError);
    expect(() => encodeValue(Promise.resolve(1))).toThrow(UnstorableValueError);
    expect(() => encodeValue(new WeakMap())).toThrow(UnstorableValueError);
  });
});
