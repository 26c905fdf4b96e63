import { describe, expect, it } from "vitest";
import { bindParameters } from "./params.ts";

describe("bound parameters for D1", () => {
  it("numbers named parameters, reusing a number for a repeated name", () => {
    expect(bindParameters("SELECT * FROM t WHERE a = :a AND b = :b OR a2 = :a", { a: 1, b: "x", unused: 3 })).toEqual({
      sql: "SELECT * FROM t WHERE a = ?1 AND b = ?2 OR a2 = ?1",
      values: [1, "x"],
    });
  });

  it("leaves strings, quoted names, comments and casts alone", () => {
    const sql = "SELECT ':no', \"x:y\", [z:w], `q:r` -- :comment\n/* :also */ FROM t WHERE c = :yes AND d::text = 'it''s :x'";
    expect(bindParameters(sql, { yes: 1 })).toEqual({
      sql: "SELECT ':no', \"x:y\", [z:w], `q:r` -- :comment\n/* :also */ FROM t WHERE c = ?1 AND d::text = 'it''s :x'",
      values: [1],
    });
  });

  it("passes positional parameters through, and converts values as SQLite stores them", () => {
    const bytes = new Uint8Array([1]);
    expect(bindParameters("VALUES (?, ?, ?, ?, ?)", [true, null, 5n, new Date(0), bytes]).values).toEqual([1, null, 5, "1970-01-01T00:00:00.000Z", bytes]);
  });

  it("refuses a missing parameter with SQLAlchemy's message, and values D1 cannot bind", () => {
    expect(() => bindParameters("SELECT :owner", {})).toThrow("A value is required for bind parameter 'owner'");
    expect(() => bindParameters("SELECT :o", { o: { nested: 1 } })).toThrow("Bind parameter 'o' is a object");
    expect(() => bindParameters("SELECT ?", [undefined])).toThrow("Bind parameter '1' is undefined");
    expect(() => bindParameters("SELECT ?", [NaN])).toThrow("finite");
  });
});
