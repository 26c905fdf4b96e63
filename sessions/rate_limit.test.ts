import { describe, expect, it } from "vitest";
import { SESSION_FRAME_BURST, SESSION_FRAMES_PER_SECOND, TokenBucket } from "./rate_limit.ts";

/** How many of `count` frames, one every `intervalMs` from time 0, the bucket lets through. */
function passed(bucket: TokenBucket, count: number, intervalMs: number, start = 0): number {
  let ok = 0;
  for (let i = 0; i < count; i++) if (bucket.take(start + i * intervalMs)) ok++;
  return ok;
}

describe("a session's frame rate limit", () => {
  it("lets a burst through at once, then refuses until tokens come back at the sustained rate", () => {
    const bucket = new TokenBucket(SESSION_FRAME_BURST, SESSION_FRAMES_PER_SECOND, 0);
    // 1000 frames in 840 ms, the hostile client's flood: the burst, plus the 33 that 839 ms refill.
    expect(passed(bucket, 1000, 0.84)).toBe(SESSION_FRAME_BURST + Math.floor((999 * 0.84 * SESSION_FRAMES_PER_SECOND) / 1000));
    // Empty now; one frame's worth comes back in 1/40 s.
    expect(bucket.take(840)).toBe(false);
    expect(bucket.take(840 + 1000 / SESSION_FRAMES_PER_SECOND + 1)).toBe(true);
  });

  it("never meets a person: a held arrow key for a minute, a grid's scroll bar dragged for 8 s, then rapid clicks", () => {
    const key = new TokenBucket(SESSION_FRAME_BURST, SESSION_FRAMES_PER_SECOND, 0);
    // Auto-repeat at its fastest, 30 a second, for 60 s.
    expect(passed(key, 1800, 1000 / 30)).toBe(1800);
    const grid = new TokenBucket(SESSION_FRAME_BURST, SESSION_FRAMES_PER_SECOND, 0);
    // A window of rows at each painted frame, 60 a second, for 8 s; then 10 clicks a second for 10 s.
    expect(passed(grid, 480, 1000 / 60)).toBe(480);
    expect(passed(grid, 100, 100, 8000)).toBe(100);
  });

  it("refills nothing when the clock steps back", () => {
    const bucket = new TokenBucket(2, 1, 10_000);
    expect([bucket.take(10_000), bucket.take(10_000), bucket.take(5_000), bucket.take(10_500)]).toEqual([true, true, false, false]);
    expect(bucket.take(11_000)).toBe(true);
  });
});
