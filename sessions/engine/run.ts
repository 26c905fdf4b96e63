/**
 * One execution of the script: the containers it fills, the widgets it creates, and
 * the checkpoint where a stop or a newer rerun ends it.
 */
import { ScriptControlSignal, StreamlitAPIException } from "../errors.ts";
import { isBlock, ROOT_COUNT, type DeltaPath, type TreeNode } from "../protocol.ts";
import type { AppSession } from "./app_session.ts";
import { Container } from "./tree.ts";
import type { RegisteredWidget } from "./widgets.ts";

/** Where an element goes: appended to a container, or into a fixed slot (`st.empty`). */
export type Target = { container: Container } | { slot: DeltaPath };

export class ScriptRun {
  readonly roots: Container[] = Array.from({ length: ROOT_COUNT }, (_, i) => new Container([i], "vertical"));
  /** Every block this run created, so that the end of the run can trim them. */
  readonly containers: Container[] = [];
  readonly widgets = new Map<string, RegisteredWidget>();
  readonly widgetKeys = new Set<string>();
  private interrupt: "rerun" | "stop" | null = null;
  private finished = false;

  constructor(
    readonly session: AppSession,
    readonly id: number,
  ) {}

  get main(): Container {
    return this.roots[0]!;
  }

  /** Ends the run at its next `st` call. */
  requestInterrupt(signal: "rerun" | "stop"): void {
    if (this.interrupt !== "stop") this.interrupt = signal;
  }

  finish(): void {
    this.finished = true;
  }

  checkpoint(): void {
    if (this.finished) {
      throw new StreamlitAPIException(
        "This script run has already ended: an `st` call from a task the script did not await " +
          "cannot reach the page any more.",
      );
    }
    if (this.interrupt) throw new ScriptControlSignal(this.interrupt);
  }

  /** Places a node and sends it if it changed; a block comes back as a container to fill. */
  emit(target: Target, node: TreeNode): { path: DeltaPath; container?: Container } {
    this.checkpoint();
    let path: DeltaPath;
    if ("slot" in target) {
      path = target.slot;
    } else {
      const parent = target.container;
      path = [...parent.path, parent.nextIndex++];
      this.session.reached(parent);
    }
    this.session.put(path, node);
    if (!isBlock(node)) return { path };
    const container = new Container(path, node.kind);
    this.containers.push(container);
    return { path, container };
  }
}
