/**
 * A hostile browser over a real socket: generated bad frames (tests/fuzz/frames.ts) to a live
 * `hello` session with a second, quiet socket open on it. Each bad frame is answered on its own
 * socket, a flood meets the session's rate limit, and the session is as it was.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBlock, type ServerFrame, type TreeNode, type WidgetKind } from "../../sessions/protocol.ts";
import { SESSION_FRAME_BURST, SESSION_FRAMES_PER_SECOND } from "../../sessions/rate_limit.ts";
import { frameOf, recipe, type Frame, type Outcome, type SessionView, type ShownWidget } from "../fuzz/frames.ts";
import { buttonId, elements, pageOf } from "./page.ts";
import { isRunEnd, openSession, randomSessionId, type TestSocket } from "./socket.ts";

const FLOOD = 3000;
/** Half the sustained rate (40 a second), from a bucket the flood emptied: many more frames than it then holds. */
const SLOW = { frames: 110, intervalMs: 50 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorsOf = (socket: TestSocket) => socket.frames.filter((f): f is Extract<ServerFrame, { t: "error" }> => f.t === "error");

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The session as the page shows it: its widgets (hello is a single page with no large table). */
function viewOf(frames: ServerFrame[]): SessionView {
  const widgets: ShownWidget[] = [];
  const visit = (node: TreeNode) => {
    if (isBlock(node)) node.children.forEach(visit);
    else if (typeof (node.props as { id?: unknown }).id === "string") widgets.push({ id: (node.props as { id: string }).id, kind: node.kind as WidgetKind, props: node.props as ShownWidget["props"] });
  };
  pageOf(frames).forEach(visit);
  return { widgets: () => widgets, staleIds: ["button-0123456789abcdef", "selectbox-fedcba9876543210"], pages: () => [""], tables: () => [] };
}

/** Generated frames the session must refuse, each with the one code it refuses it with. */
function badFrames(view: SessionView, count: number, seed: number): Frame[] {
  const frames = fc
    .sample(recipe, { numRuns: count * 3, seed })
    .map((r) => frameOf(r, view))
    .filter((f) => f.outcomes.size === 1 && !f.outcomes.has("accepted") && !f.outcomes.has("rows"));
  expect(frames.length).toBeGreaterThanOrEqual(count);
  return frames.slice(0, count);
}

const codeOf = (frame: Frame) => [...frame.outcomes][0] as Outcome;
const tally = (codes: string[]) => codes.reduce<Record<string, number>>((all, code) => ({ ...all, [code]: (all[code] ?? 0) + 1 }), {});

describe("a hostile client on a live session", () => {
  it("gets each bad frame refused on its own socket, meets the rate limit, and leaves the session as it was", async () => {
    const sessionId = randomSessionId();
    const hostile = await openSession("hello", sessionId);
    await hostile.next(isRunEnd);
    const quiet = await openSession("hello", sessionId);
    await quiet.next(isRunEnd);
    const view = viewOf(hostile.frames);
    expect(view.widgets().map((w) => w.kind).sort()).toEqual(["button", "button", "button", "checkbox", "selectbox", "slider", "text_input"]);

    // A flood, in a tight loop: every frame is answered, most of them rate_limited.
    const flood = badFrames(view, FLOOD, 7);
    const started = Date.now();
    for (const frame of flood) hostile.send(frame.raw);
    await until(() => errorsOf(hostile).length >= FLOOD, `${FLOOD} error frames`);
    const seconds = (Date.now() - started) / 1000;
    const floodCodes = tally(errorsOf(hostile).map((e) => e.code));
    const limited = floodCodes["rate_limited"] ?? 0;
    const passed = FLOOD - limited;
    // At least the burst passed; no more than the burst and what the flood's time refilled.
    expect(passed).toBeGreaterThanOrEqual(SESSION_FRAME_BURST);
    expect(passed).toBeLessThanOrEqual(SESSION_FRAME_BURST + Math.ceil(SESSION_FRAMES_PER_SECOND * seconds) + 1);
    // Each frame that passed got its own refusal.
    const expected = tally(flood.map(codeOf));
    for (const [code, count] of Object.entries(floodCodes)) if (code !== "rate_limited") expect(count, code).toBeLessThanOrEqual(expected[code] ?? 0);
    console.log(`hostile socket: ${FLOOD} frames in a tight loop, answered in ${seconds.toFixed(2)} s: ${JSON.stringify(floodCodes)}`);

    // Still open, and still the viewer's: once the bucket has a few tokens again (10 in 250 ms), a click counts.
    expect(hostile.closed).toBe(false);
    await sleep(250);
    const count = buttonId(hostile.frames, "Count");
    const counted = (socket: TestSocket, n: number) => elements(socket.frames, "caption").some((c) => c.body.startsWith(`Counted ${n} times`));
    hostile.send({ t: "widget", id: count, value: true });
    await until(() => counted(hostile, 1), "the click's run");

    // A slow loop from the nearly empty bucket, far below the rate: each frame refused for what it is, none rate_limited.
    const slow = badFrames(view, SLOW.frames, 11);
    const before = errorsOf(hostile).length;
    for (const frame of slow) {
      hostile.send(frame.raw);
      await sleep(SLOW.intervalMs);
    }
    await until(() => errorsOf(hostile).length >= before + SLOW.frames, `${SLOW.frames} more error frames`);
    const slowCodes = errorsOf(hostile).slice(before).map((e) => e.code);
    expect(tally(slowCodes)).toEqual(tally(slow.map(codeOf)));
    expect(errorsOf(hostile).every((e) => e.message.length > 10)).toBe(true);

    // The quiet socket saw the click's run, and not one of the other socket's refusals.
    hostile.send({ t: "widget", id: count, value: true });
    await until(() => counted(quiet, 2), "the quiet socket to see the second click");
    expect(errorsOf(quiet)).toEqual([]);
    expect(quiet.closed).toBe(false);
    expect(hostile.closed).toBe(false);

    // A reconnect finds the session as two clicks left it: its greeting, its page, a small page frame.
    const again = await openSession("hello", sessionId);
    await again.next(isRunEnd);
    const bodies = elements(again.frames, "markdown").map((m) => m.body);
    expect(bodies).toContain("Hello, **world**!");
    const page = again.frames.find((f): f is Extract<ServerFrame, { t: "page" }> => f.t === "page")!;
    expect(page.page).toMatchObject({ url_path: "", query: {} });
    expect(JSON.stringify(page).length).toBeLessThan(1000);
    const shown = viewOf(again.frames).widgets();
    expect(shown.find((w) => w.kind === "selectbox")!.props).toMatchObject({ index: 0 });
    expect(shown.find((w) => w.kind === "text_input")!.props).toMatchObject({ value: "world" });
    expect(shown.find((w) => w.kind === "slider")!.props).toMatchObject({ value: [3] });
    for (const socket of [hostile, quiet, again]) socket.close();
  }, 60_000);
});
