/**
 * One execution of the script, or of one fragment of it: the containers it fills, the
 * widgets it creates, and the checkpoint where a stop or a newer rerun ends it.
 */
import { ScriptControlSignal, StreamlitAPIException } from "../errors.ts";
import { isBlock, ROOT_COUNT, type DeltaPath, type TreeNode } from "../protocol.ts";
import type { AppSession } from "./app_session.ts";
import type { Fragment } from "./fragments.ts";
import { Container } from "./tree.ts";
import type { RegisteredWidget } from "./widgets.ts";

/** Where an element goes: appended to a container, or into a fixed slot (`st.empty`) of one. */
export type Target = { container: Container } | { slot: DeltaPath; parent: Container };

export class ScriptRun {
  private readonly roots: Container[] = Array.from({ length: ROOT_COUNT }, (_, i) => new Container([i], "vertical"));
  /** Every block this run created, so that the end of the run can trim them. */
  readonly containers: Container[] = [];
  readonly widgets = new Map<string, RegisteredWidget>();
  readonly widgetKeys = new Set<string>();
  /** Forms of this run by id, and whether each clears on submit. */
  readonly forms = new Map<string, { clearOnSubmit: boolean }>();
  /** Fragments this (full) run created, by id. */
  readonly fragments = new Map<string, Fragment>();
  /** Forms whose submission triggered this run and that clear on submit. */
  readonly formsToClear = new Set<string>();
  private interrupt: ScriptControlSignal | null = null;
  private finished = false;

  constructor(
    readonly session: AppSession,
    readonly id: number,
    /** A fragment's own rerun; null for a run of the whole script. */
    readonly fragment: Fragment | null = null,
    /** Where the run starts writing: main, or the fragment's block. */
    readonly start: Container = fragment ? fragment.container() : new Container([0], "vertical"),
  ) {
    if (!fragment) this.roots[0] = start;
  }

  get main(): Container {
    return this.start;
  }

  /** The containers a full run starts from (main and sidebar); the end of the run trims them. */
  get rootContainers(): Container[] {
    return this.fragment ? [this.start] : this.roots;
  }

  root(index: number): Container {
    if (this.fragment) {
      throw new StreamlitAPIException(
        "Fragments cannot write to elements outside of their main body (such as `st.sidebar`) when they rerun on their own.",
      );
    }
    return this.roots[index]!;
  }

  /** Ends the run at its next `st` call. */
  requestInterrupt(signal: ScriptControlSignal): void {
    if (this.interrupt?.signal !== "stop") this.interrupt = signal;
  }

  finish(): void {
    this.finished = true;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  checkpoint(): void {
    if (this.finished) {
      throw new StreamlitAPIException(
        "This script run has already ended: an `st` call from a task the script did not await " +
          "cannot reach the page any more.",
      );
    }
    if (this.interrupt) throw this.interrupt;
  }

  /** The container an element written to `target` belongs to. */
  containerOf(target: Target): Container {
    return "slot" in target ? target.parent : target.container;
  }

  /** The path the next element written to `target` will get. */
  nextPath(target: Target): DeltaPath {
    return "slot" in target ? target.slot : [...target.container.path, target.container.nextIndex];
  }

  /** Places a node and sends it if it changed; a block comes back as a container to fill. */
  emit(target: Target, node: TreeNode): { path: DeltaPath; container?: Container } {
    this.checkpoint();
    let path: DeltaPath;
    const parent = this.containerOf(target);
    if ("slot" in target) {
      path = target.slot;
    } else {
      path = [...parent.path, parent.nextIndex++];
      this.session.reached(parent);
    }
    this.session.put(path, node);
    if (!isBlock(node)) return { path };
    const formId = node.kind === "form" ? node.props.form_id : parent.formId;
    const fragmentId = node.kind === "fragment" ? node.props.fragment_id : parent.fragmentId;
    const container = new Container(path, node.kind, formId, fragmentId);
    this.containers.push(container);
    return { path, container };
  }
}
