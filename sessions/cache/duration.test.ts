import { describe, expect, it } from "vitest";
import { durationSeconds } from "./duration.ts";

describe("ttl durations", () => {
  it("takes seconds and pandas-style strings", () => {
    expect(durationSeconds(undefined)).toBeNull();
    expect(durationSeconds(null)).toBeNull();
    expect(durationSeconds(90)).toBe(90);
    expect(durationSeconds(Infinity)).toBeNull();
    expect(durationSeconds("1d")).toBe(86400);
    expect(durationSeconds("10m")).toBe(600);
    expect(durationSeconds("1d2h34m")).toBe(86400 + 7200 + 2040);
    expect(durationSeconds("2 days")).toBe(172800);
    expect(durationSeconds("1.5h")).toBe(5400);
    expect(durationSeconds("30s")).toBe(30);
    expect(durationSeconds("500ms")).toBe(0.5);
    expect(durationSeconds("1 hour, 5 minutes")).toBe(3900);
    expect(durationSeconds("00:05:00")).toBe(300);
    expect(durationSeconds("1 day 01:00:00")).toBe(90000);
  });

  it("refuses what pandas refuses, with Streamlit's message", () => {
    for (const bad of ["", "soon", "5", "5 parsecs", "-1h", "1h x"]) {
      expect(() => durationSeconds(bad)).toThrow(`Time string doesn't look right. It should be formatted as \`'1d2h34m'\` or \`2 days\`, for example. Got: ${bad}`);
    }
    expect(() => durationSeconds(-1)).toThrow("non-negative");
  });
});
