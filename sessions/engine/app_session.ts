/**
 * A browser session's engine: it reruns the script on each interaction, keeps the
 * session state, diffs each run against what the browser shows and queues the deltas.
 * Plain TypeScript: the Durable Object, AppTest and the benchmark all host it.
 */
import { exceptionProps, ScriptControlSignal } from "../errors.ts";
import {
  parseClientFrame,
  type BlockNode,
  type ClientErrorCode,
  type ClientFrame,
  type DeltaOp,
  type DeltaPath,
  type LeafProps,
  type RunOutcome,
  type ServerFrame,
  type TreeNode,
  type WidgetKind,
  type WidgetWireValue,
} from "../protocol.ts";
import { pathKey } from "../protocol.ts";
import { runInContext } from "./context.ts";
import { FrameQueue, type Sink } from "./queue.ts";
import { ScriptRun } from "./run.ts";
import { SessionState, type SessionStateSnapshot } from "./state.ts";
import { ElementTree, type Container } from "./tree.ts";
import { validateBrowserValue, type Callback, type RegisteredWidget } from "./widgets.ts";

export type ScriptFn = () => unknown;

/** What a widget is known by between runs, and across a restart of the session. */
export interface KnownWidget {
  id: string;
  kind: WidgetKind;
  props: LeafProps[WidgetKind];
  key?: string | undefined;
  trigger?: boolean | undefined;
}

export interface PersistedSession {
  version: 1;
  state: SessionStateSnapshot;
  tree: BlockNode[];
  widgets: KnownWidget[];
}

export interface AppSessionOptions {
  script: ScriptFn;
  /** Receives each socket message for the browser (a JSON array of frames). */
  send: Sink;
  restored?: PersistedSession | undefined;
  /** Called after every run with what must survive a restart. */
  persist?: (session: PersistedSession) => void | Promise<void>;
}

export type SessionStatus = "idle" | "running";

interface WidgetEvent {
  id: string;
  wire: WidgetWireValue;
}

export class AppSession {
  readonly state: SessionState;
  readonly tree: ElementTree;
  private readonly queue: FrameQueue;
  private readonly script: ScriptFn;
  private readonly persistHook: AppSessionOptions["persist"];
  /** Widgets of the last run. Restored ones lack callbacks until the script has run once here. */
  private knownWidgets = new Map<string, KnownWidget | RegisteredWidget>();
  private hasLiveWidgets = false;
  private current: ScriptRun | null = null;
  private runCount = 0;
  private pendingEvents: WidgetEvent[] = [];
  private rerunWanted = false;
  private loop: Promise<void> | null = null;
  lastOutcome: RunOutcome | null = null;

  constructor(options: AppSessionOptions) {
    this.script = options.script;
    this.persistHook = options.persist;
    this.queue = new FrameQueue(options.send);
    const restored = options.restored;
    this.state = restored ? SessionState.restore(restored.state) : new SessionState();
    this.tree = new ElementTree(restored?.tree);
    for (const widget of restored?.widgets ?? []) this.knownWidgets.set(widget.id, widget);
  }

  get status(): SessionStatus {
    return this.current ? "running" : "idle";
  }

  /** Has the script ever run for this session (here or before a restart)? */
  get hasRun(): boolean {
    return this.runCount > 0 || this.tree.roots.some((root) => root.children.length > 0);
  }

  snapshotFrame(): ServerFrame {
    return { t: "snapshot", tree: this.tree.roots, running: this.current !== null };
  }

  /** Handles one raw socket message from the browser; a bad one gets an error frame and changes nothing. */
  handleMessage(raw: string | ArrayBuffer | ArrayBufferView): void {
    const parsed = parseClientFrame(raw);
    if (!parsed.ok) return this.refuse(parsed.code, parsed.message);
    const refusal = this.handleFrame(parsed.frame);
    if (refusal) this.refuse(refusal.code, refusal.message);
  }

  handleFrame(frame: ClientFrame): { code: ClientErrorCode; message: string } | null {
    switch (frame.t) {
      case "rerun":
        this.requestRerun();
        return null;
      case "stop":
        this.stop();
        return null;
      case "widget": {
        const refusal = this.queueWidgetValue(frame.id, frame.value);
        if (!refusal) this.requestRerun();
        return refusal;
      }
    }
  }

  /** Checks a widget value from the browser and queues it for the next run. */
  queueWidgetValue(id: string, wire: WidgetWireValue): { code: ClientErrorCode; message: string } | null {
    const widget = this.widget(id);
    if (!widget) return { code: "unknown_widget", message: `No widget with id "${id}" on this page.` };
    const problem = validateBrowserValue(widget.kind, wire, widget.props);
    if (problem) return { code: "invalid_value", message: problem };
    this.pendingEvents.push({ id, wire });
    return null;
  }

  /** The widget with this id as the run in progress or the last run made it. */
  widget(id: string): KnownWidget | RegisteredWidget | undefined {
    return this.current?.widgets.get(id) ?? this.knownWidgets.get(id);
  }

  requestRerun(): void {
    this.rerunWanted = true;
    this.current?.requestInterrupt("rerun");
    this.loop ??= this.runLoop();
  }

  stop(): void {
    this.rerunWanted = false;
    this.current?.requestInterrupt("stop");
  }

  /** Resolves once no run is in progress or wanted. */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  // ---- called by the run in progress ----

  put(path: DeltaPath, node: TreeNode): void {
    const op = this.tree.put(path, node);
    if (op) this.queue.op(op);
  }

  reached(container: Container): void {
    this.queue.reach(container.path, container.nextIndex);
  }

  // ---- the run loop ----

  private async runLoop(): Promise<void> {
    try {
      while (this.rerunWanted) {
        this.rerunWanted = false;
        if (!this.hasLiveWidgets && this.pendingEvents.length > 0) {
          // Restored from storage: run once so the widgets' callbacks exist again, then apply the events.
          const held = this.pendingEvents;
          this.pendingEvents = [];
          await this.execute();
          this.pendingEvents = [...held, ...this.pendingEvents];
          this.rerunWanted = true;
          continue;
        }
        const outcome = await this.execute();
        if (outcome === "rerun") this.rerunWanted = true;
      }
    } finally {
      this.loop = null;
    }
  }

  private async execute(): Promise<RunOutcome> {
    const run = new ScriptRun(this, ++this.runCount);
    this.current = run;
    this.queue.runStart();
    const events = this.pendingEvents;
    this.pendingEvents = [];
    let outcome: RunOutcome = "completed";
    try {
      const script = this.script;
      const callbacks = this.applyEvents(events);
      await runInContext({ run, active: { container: run.main } }, async function edgelitScriptRun() {
        for (const callback of callbacks) await invoke(callback);
        await script();
      });
    } catch (error) {
      if (error instanceof ScriptControlSignal) {
        outcome = error.signal === "rerun" ? "rerun" : "stopped";
      } else {
        outcome = "error";
        this.put([...run.main.path, run.main.nextIndex++], { kind: "exception", props: exceptionProps(error) });
        this.reached(run.main);
      }
    }
    run.finish();
    this.current = null;
    this.finishRun(run, outcome);
    await this.persist();
    return outcome;
  }

  /** Applies the browser's widget values; returns the callbacks they fire, in order. */
  private applyEvents(events: WidgetEvent[]): Callback[] {
    const callbacks: Callback[] = [];
    for (const event of events) {
      const widget = this.knownWidgets.get(event.id);
      if (!widget || !("fromWire" in widget)) continue;
      const before = this.state.widget(event.id);
      this.state.setWidget(event.id, {
        wire: event.wire,
        value: widget.fromWire(event.wire),
        key: widget.key,
        ...(widget.trigger ? { trigger: event.wire === true } : {}),
      });
      const changed = widget.trigger ? event.wire === true : JSON.stringify(before?.wire) !== JSON.stringify(event.wire);
      if (changed && widget.callback) callbacks.push(widget.callback);
    }
    return callbacks;
  }

  private finishRun(run: ScriptRun, outcome: RunOutcome): void {
    const ops: DeltaOp[] = [];
    if (outcome !== "rerun") {
      // The last container made at a path is the one there now.
      const byPath = new Map<string, Container>();
      for (const container of [...run.roots, ...run.containers]) byPath.set(pathKey(container.path), container);
      for (const container of byPath.values()) {
        const op = this.tree.trim(container.path, container.nextIndex);
        if (op) ops.push(op);
      }
    }
    const completed = outcome !== "rerun";
    this.state.endRun(completed ? new Set(run.widgets.keys()) : null);
    if (completed) {
      this.knownWidgets = new Map(run.widgets);
    } else {
      for (const [id, widget] of run.widgets) this.knownWidgets.set(id, widget);
    }
    this.hasLiveWidgets = true;
    this.lastOutcome = outcome;
    this.queue.runEnd(outcome, ops);
  }

  private async persist(): Promise<void> {
    if (!this.persistHook) return;
    try {
      await this.persistHook(this.toPersisted());
    } catch (error) {
      console.error("Could not save session state:", error instanceof Error ? error.message : String(error));
    }
  }

  toPersisted(): PersistedSession {
    const widgets: KnownWidget[] = [...this.knownWidgets.values()].map(({ id, kind, props, key, trigger }) => ({
      id,
      kind,
      props,
      key,
      trigger,
    }));
    return { version: 1, state: this.state.snapshot(), tree: this.tree.roots, widgets };
  }

  private refuse(code: ClientErrorCode, message: string): void {
    this.queue.send({ t: "error", code, message });
  }
}

function invoke(callback: Callback): unknown {
  return callback.kwargs === undefined
    ? callback.fn(...callback.args)
    : callback.fn(...callback.args, callback.kwargs);
}
