import { describe, expect, it } from "vitest";
import { MemoryTier } from "./memory_tier.ts";

const entry = (value: unknown, bytes = 10, expires: number | null = null) => ({ value, bytes, expires });

describe("the memory tier", () => {
  it("keeps at most max_entries per function, least recently used out first", () => {
    const tier = new MemoryTier(1000);
    tier.set("app/f", "a", entry(1), 2);
    tier.set("app/f", "b", entry(2), 2);
    tier.get("app/f", "a");
    tier.set("app/f", "c", entry(3), 2);
    expect(tier.get("app/f", "b")).toBeUndefined();
    expect(tier.get("app/f", "a")?.value).toBe(1);
    expect(tier.get("app/f", "c")?.value).toBe(3);
  });

  it("keeps the isolate under its byte budget across functions", () => {
    const tier = new MemoryTier(25);
    tier.set("app/f", "a", entry(1), null);
    tier.set("app/g", "b", entry(2), null);
    tier.set("app/f", "c", entry(3), null);
    expect(tier.bytes).toBe(20);
    expect(tier.get("app/f", "a")).toBeUndefined();
    tier.set("app/g", "huge", entry(4, 26), null);
    expect(tier.get("app/g", "huge")).toBeUndefined();
  });

  it("drops expired entries, and everything under a prefix", () => {
    const tier = new MemoryTier(1000);
    tier.set("app/f", "a", entry(1, 10, 100), null);
    expect(tier.get("app/f", "a", 99)?.value).toBe(1);
    expect(tier.get("app/f", "a", 100)).toBeUndefined();
    tier.set("app/f", "b", entry(2), null);
    tier.set("other/f", "b", entry(3), null);
    tier.dropPrefix("app/");
    expect(tier.get("app/f", "b")).toBeUndefined();
    expect(tier.get("other/f", "b")?.value).toBe(3);
    expect(tier.bytes).toBe(10);
  });
});
