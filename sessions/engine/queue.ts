/**
 * Merges what a run produces into as few socket messages as possible: everything
 * between two flushes travels as one JSON array of frames.
 */
import type { DeltaOp, RunOutcome, ServerFrame } from "../protocol.ts";
import { pathKey, type DeltaPath } from "../protocol.ts";

export type Sink = (message: string) => void;

export class FrameQueue {
  private frames: ServerFrame[] = [];
  private ops: DeltaOp[] = [];
  private reached: Record<string, number> = {};
  private hasReached = false;
  private scheduled = false;

  constructor(private readonly sink: Sink) {}

  runStart(scope?: DeltaPath): void {
    this.closeDelta();
    this.frames.push(scope ? { t: "run_start", scope } : { t: "run_start" });
    this.schedule();
  }

  op(op: DeltaOp): void {
    this.ops.push(op);
    this.schedule();
  }

  reach(container: DeltaPath, count: number): void {
    this.reached[pathKey(container)] = count;
    this.hasReached = true;
    this.schedule();
  }

  runEnd(outcome: RunOutcome, trims: DeltaOp[]): void {
    // The end of a run makes everything fresh, so reach counts not yet sent are moot, and
    // a run that starts and ends within one flush needs no run_start.
    this.reached = {};
    this.hasReached = false;
    const ops = [...this.ops, ...trims];
    this.ops = [];
    if (this.frames.at(-1)?.t === "run_start") this.frames.pop();
    this.frames.push({
      t: "run_end",
      ...(outcome !== "completed" ? { outcome } : {}),
      ...(ops.length > 0 ? { ops } : {}),
    });
    this.flush();
  }

  /** Queues a frame to go with the next flush. */
  frame(frame: ServerFrame): void {
    this.closeDelta();
    this.frames.push(frame);
    this.schedule();
  }

  /** Sends something outside of a run (a snapshot, an error), after what is queued. */
  send(frame: ServerFrame): void {
    this.closeDelta();
    this.frames.push(frame);
    this.flush();
  }

  flush(): void {
    this.closeDelta();
    if (this.frames.length === 0) return;
    const frames = this.frames;
    this.frames = [];
    this.sink(JSON.stringify(frames));
  }

  private closeDelta(): void {
    if (this.ops.length === 0 && !this.hasReached) return;
    this.frames.push({ t: "delta", ops: this.ops, ...(this.hasReached ? { reached: this.reached } : {}) });
    this.ops = [];
    this.reached = {};
    this.hasReached = false;
  }

  /** Flushes once the script yields, so a synchronous run goes out as one message. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.flush();
    }, 0);
  }
}
