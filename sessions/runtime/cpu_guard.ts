/**
 * The per-run CPU budget of an app's isolate. The per-app build (scripts/guard_transform.ts)
 * puts a call to `appTick` at the start of every loop body and function of the app's code, and
 * to `engineTick` in the engine's, so no code of the app can spin without passing through here.
 *
 * Time is what the isolate spends running, not waiting: a stretch of work opens at the first
 * sample and closes when the isolate next yields to its event loop (a macrotask, so a chain of
 * microtasks is one stretch). Where the clock stands still while code runs (Cloudflare freezes
 * it for Spectre), a tick count is the backstop; there the Loader's own `limits.cpuMs` is the
 * first line.
 *
 * Once the budget is spent, every app guard throws until the engine starts the next run, so a
 * `catch` cannot keep a loop alive. Engine guards throw only inside a run, once. The controller is
 * handed out once, to the engine, before any app module loads.
 */

/** Sampling the clock on every tick would cost more than the work it guards. */
const SAMPLE_MASK = 1023;
/** Ticks per second of budget for the tick backstop: generous, so that only a runaway meets it. */
const TICKS_PER_SECOND = 500_000_000;

let tripped = false;
let armed = false;
let ticks = 0;
let limitMs = Infinity;
let maxTicks = Infinity;
let usedMs = 0;
let stretchStart = 0;
let lastSeen = 0;
let open = false;
let claimed = false;

export class CpuLimitExceeded extends Error {
  override name = "CpuLimitExceeded";
  constructor(readonly limitSeconds: number) {
    super(`This app's script ran past its limit of ${limitSeconds} s of CPU.`);
  }
}

function closeStretch(): void {
  usedMs += lastSeen - stretchStart;
  open = false;
}

function sample(): void {
  const now = Date.now();
  if (!open) {
    stretchStart = now;
    try {
      setTimeout(closeStretch, 0);
      open = true;
    } catch {
      // Code at a module's top level (the isolate starting) may set no timer: that stretch is
      // measured sample by sample, and the runtime's own limit covers the module's start.
    }
  }
  lastSeen = now;
  if (usedMs + (now - stretchStart) > limitMs || ticks > maxTicks) trip();
}

function trip(): never {
  tripped = true;
  throw new CpuLimitExceeded(limitMs / 1000);
}

/** Called by every loop body and function of the app's code. */
export function appTick(): void {
  if (tripped) throw new CpuLimitExceeded(limitMs / 1000);
  if ((++ticks & SAMPLE_MASK) === 0) sample();
}

/**
 * Called by the engine's code: it stops the engine only while it runs the app's script, and
 * only once (the app's own guards then stop whatever called it), so that the engine's own
 * bookkeeping after a stopped run is never cut short.
 */
export function engineTick(): void {
  if (!armed || tripped) return;
  if ((++ticks & SAMPLE_MASK) === 0) sample();
}

export interface CpuBudget {
  readonly limitSeconds: number;
  /** A run starts: a fresh budget. */
  begin(): void;
  /** The run's script is done: the engine's own work after it is not the app's. */
  end(): void;
  /** Did the run in progress (or the last) spend its budget? */
  exceeded(): boolean;
}

/** The budget's controls, for the engine only: the first caller gets them, every later one an error. */
export function claimCpuBudget(limitSeconds: number): CpuBudget {
  if (claimed) throw new Error("The CPU budget belongs to the engine.");
  claimed = true;
  limitMs = limitSeconds * 1000;
  maxTicks = limitSeconds * TICKS_PER_SECOND;
  return {
    limitSeconds,
    begin() {
      tripped = false;
      usedMs = 0;
      ticks = 0;
      stretchStart = lastSeen = Date.now();
      armed = true;
    },
    end() {
      armed = false;
    },
    exceeded: () => tripped,
  };
}
