/**
 * A hostile browser, in-process: 100,000 generated frames (tests/fuzz/frames.ts) to a session of
 * each gallery app, through `handleMessage(raw, reply)` as the platform calls it. Every frame gets
 * the answer the protocol gives it, to its sender only; nothing throws; and after each batch every
 * widget holds a value a user could have given it through the browser, on a page the app has.
 *
 * FUZZ_SEED=<n> runs other frames; a failure names its seed and the frame.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { apps } from "#apps";
import { AppTest } from "edgelit/testing";
import { isBlock, queryRefusal, type ServerFrame, type TreeNode, type WidgetKind } from "../../sessions/protocol.ts";
import type { RegisteredWidget } from "../../sessions/engine/widgets.ts";
import { browserVerdict, nullAllowedEver } from "../fuzz/browser_values.ts";
import { frameOf, recipe, type Outcome, type SessionView, type ShownWidget } from "../fuzz/frames.ts";

const TOTAL_FRAMES = 100_000;
const BATCH = 125;
const SEED = Number(process.env.FUZZ_SEED ?? 1_764_201);
/**
 * The URL an app's session starts at. A million rows make each search of big-dataframe's grid a
 * job of seconds (one rows frame, 5 s on this machine): the fuzzer is about frames, not that.
 */
const START_QUERY: Record<string, Record<string, string[]>> = { "big-dataframe": { rows: ["2000"] } };

/** Counts for the test's output. */
const counts = { sent: 0, accepted: 0, rows: 0, reruns: 0, refused: {} as Record<string, number> };

function leaves(roots: readonly TreeNode[]): TreeNode[] {
  const found: TreeNode[] = [];
  const visit = (node: TreeNode) => (isBlock(node) ? node.children.forEach(visit) : found.push(node));
  roots.forEach(visit);
  return found;
}

function shownWidgets(at: AppTest): ShownWidget[] {
  return leaves(at.session.tree.roots)
    .filter((node) => typeof (node.props as { id?: unknown }).id === "string")
    .map((node) => ({ id: (node.props as { id: string }).id, kind: node.kind as WidgetKind, props: node.props as ShownWidget["props"] }));
}

const tablesShown = (at: AppTest) => leaves(at.session.tree.roots).flatMap((node) => ((node.props as { table?: { id?: unknown } }).table?.id as string | undefined) ?? []);
const pagesOf = (at: AppTest) => ["", ...(at.session.navigation.state.navigation?.pages.map((page) => page.url_path) ?? [])];

/** What one frame got back on its own reply callback. */
function outcomeOf(replies: ServerFrame[]): Outcome | string {
  if (replies.length === 0) return "accepted";
  if (replies.length > 1) return `${replies.length} replies`;
  const [reply] = replies;
  if (reply!.t === "rows") return "rows";
  if (reply!.t === "error" && reply!.message.length > 10) return reply!.code;
  return `unexpected ${JSON.stringify(reply).slice(0, 120)}`;
}

/**
 * Waits, on fake timers, until `done` settles: the apps sleep (a countdown, a chart fed every
 * half second), and a run's frames are flushed on a timer.
 */
async function settle(done: Promise<unknown>): Promise<void> {
  let finished = false;
  let failure: unknown = null;
  done.then(
    () => (finished = true),
    (error: unknown) => ((finished = true), (failure = error)),
  );
  for (let step = 0; !finished; step++) {
    if (step > 100_000) throw new Error("The session was never idle within 5,000 s of fake time.");
    await vi.advanceTimersByTimeAsync(50);
  }
  if (failure) throw failure;
}

/** The session's state is one a user could have made through the browser. */
function checkInvariant(at: AppTest, slug: string): void {
  for (const shown of shownWidgets(at)) {
    const widget = at.session.widget(shown.id) as RegisteredWidget | undefined;
    const stored = at.session.state.widget(shown.id);
    if (!widget || !stored || JSON.stringify(stored.wire) === JSON.stringify(widget.defaultWire)) continue;
    // Judged as the user's value even where the widget is disabled now.
    const props = { ...widget.props, disabled: false };
    const verdict = browserVerdict(widget.kind, props, stored.wire, nullAllowedEver(props, widget.defaultWire, widget.kind));
    expect(verdict, `${slug}: ${widget.kind} "${widget.props.label}" holds ${JSON.stringify(stored.wire)?.slice(0, 200)}`).not.toBe("bad");
  }
  const page = at.session.navigation.state;
  expect(pagesOf(at), `${slug}: the page shown`).toContain(page.url_path);
  expect(queryRefusal(page.query), `${slug}: the query string kept`).toBeNull();
}

describe("100,000 generated frames to the gallery apps", () => {
  afterAll(() => vi.useRealTimers());

  it("answers each frame as the protocol says, to its sender only, and leaves every session in a state a user could reach", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    const started = performance.now();
    const batchesPerApp = Math.ceil(TOTAL_FRAMES / BATCH / apps.length);
    const seenIds = new Set<string>();
    for (const [index, app] of apps.entries()) {
      const at = AppTest.from_app(app.slug);
      const baseQuery = START_QUERY[app.slug];
      if (baseQuery) at.session.navigation.request("", baseQuery);
      await settle(at.run({ timeout: 3600 }));
      let read = 0;
      const view: SessionView = {
        widgets: () => shownWidgets(at),
        lookup: (id) => at.session.widget(id),
        staleIds: [],
        pages: () => pagesOf(at),
        tables: () => tablesShown(at),
        ...(baseQuery ? { baseQuery } : {}),
      };
      await fc.assert(
        fc.asyncProperty(fc.array(recipe, { minLength: BATCH, maxLength: BATCH }), async (recipes) => {
          view.staleIds = [...seenIds];
          const sent = recipes.map((r) => {
            const frame = frameOf(r, view);
            const replies: ServerFrame[] = [];
            at.session.handleMessage(frame.raw, (reply) => replies.push(reply));
            return { frame, replies };
          });
          await settle(at.session.idle());
          for (const { frame, replies } of sent) {
            const outcome = outcomeOf(replies);
            const shownRaw = typeof frame.raw === "string" ? frame.raw.slice(0, 300) : `<${frame.raw.byteLength} binary bytes>`;
            expect(frame.outcomes.has(outcome as Outcome), `${app.slug}: ${frame.label} frame ${shownRaw} got ${outcome}; expected one of ${[...frame.outcomes].join(", ")}`).toBe(true);
            counts.sent++;
            if (outcome === "accepted") counts.accepted++;
            else if (outcome === "rows") counts.rows++;
            else counts.refused[outcome] = (counts.refused[outcome] ?? 0) + 1;
          }
          // What every socket of the session gets: runs, never another socket's refusals.
          const broadcast = at.messages.slice(read).flatMap((m) => JSON.parse(m) as ServerFrame[]);
          read = at.messages.length;
          expect(broadcast.filter((f) => f.t === "error"), `${app.slug}: error frames sent to every socket`).toEqual([]);
          counts.reruns += broadcast.filter((f) => f.t === "run_end").length;
          checkInvariant(at, app.slug);
          for (const widget of shownWidgets(at)) seenIds.add(widget.id);
        }),
        { numRuns: batchesPerApp, seed: SEED + index, endOnFailure: true },
      );
      at.messages.length = 0;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`fuzz (seed ${SEED}): ${counts.sent} frames to ${apps.length} apps in ${seconds} s; accepted ${counts.accepted}, rows answers ${counts.rows}, reruns ${counts.reruns}; refused ${JSON.stringify(counts.refused)}`);
    expect(counts.sent).toBeGreaterThanOrEqual(TOTAL_FRAMES);
    // Each kind of refusal happened: the generators reach every check.
    for (const code of ["malformed_frame", "unknown_type", "frame_too_large", "unknown_widget", "unknown_page", "invalid_value"]) expect(counts.refused[code] ?? 0, code).toBeGreaterThan(0);
    expect(counts.accepted).toBeGreaterThan(TOTAL_FRAMES / 10);
  }, 120_000);
});
