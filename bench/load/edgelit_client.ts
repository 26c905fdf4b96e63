/**
 * A browser session of an Edgelit app as the load bench drives it: the page's socket
 * (`/_stcore/stream/<session id>` on 127.0.0.1 with the app's Host and Origin), the button found
 * in the first frames, a click as `{t:"widget", id, value:true}`, its answer the next run_end.
 */
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import type { ServerFrame, TreeNode } from "../../sessions/protocol.ts";
import type { LoadSession, OpenSession } from "./runner.ts";
import type { LoadScenario } from "./scenario.ts";

function randomSessionId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

function findButton(nodes: TreeNode[], label: string): string | null {
  for (const node of nodes) {
    if ("children" in node && Array.isArray(node.children)) {
      const found = findButton(node.children, label);
      if (found) return found;
    } else if (node.kind === "button" && (node.props as { label?: string }).label === label) {
      return (node.props as { id: string }).id;
    }
  }
  return null;
}

function nodesOf(frame: ServerFrame): TreeNode[] {
  if (frame.t === "snapshot") return frame.tree;
  if (frame.t === "delta" || frame.t === "run_end") return (frame.ops ?? []).flatMap((op) => (op.op === "set" ? [op.node] : []));
  return [];
}

class EdgelitSession implements LoadSession {
  counter: number | null = null;
  error: string | null = null;
  private buttonId: string | null = null;
  private waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private readonly counterPattern: RegExp;

  constructor(
    private readonly socket: WebSocket,
    private readonly scenario: LoadScenario,
  ) {
    this.counterPattern = new RegExp(scenario.counter, "g");
    socket.on("message", (data) => this.receive(String(data)));
    socket.on("error", (error) => this.fail(`socket: ${error.message}`));
    socket.on("close", () => this.fail("closed"));
  }

  /** Resolves when the next run ends, as a run that answers (not one cut short for a rerun). */
  nextRunEnd(): Promise<void> {
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  get ready(): boolean {
    return this.buttonId !== null;
  }

  async click(): Promise<number> {
    if (this.error) throw new Error(this.error);
    const answer = this.nextRunEnd();
    const started = performance.now();
    this.socket.send(JSON.stringify({ t: "widget", id: this.buttonId, value: true }));
    await answer;
    return performance.now() - started;
  }

  close(): void {
    this.socket.close();
  }

  private receive(text: string): void {
    for (const match of text.matchAll(this.counterPattern)) this.counter = Number(match[1]);
    const frames = JSON.parse(text) as ServerFrame[];
    for (const frame of frames) {
      if (this.buttonId === null) this.buttonId = nodesOf(frame).length > 0 ? findButton(nodesOf(frame), this.scenario.button) : null;
      if (frame.t === "error") this.settle(new Error(`error frame: ${frame.code}`));
      if (frame.t === "run_end" && frame.outcome !== "rerun") this.settle(frame.outcome === undefined ? null : new Error(`run ${frame.outcome}`));
    }
  }

  private settle(error: Error | null): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (error) waiting?.reject(error);
    else waiting?.resolve();
  }

  private fail(reason: string): void {
    this.error ??= reason;
    this.settle(new Error(this.error));
  }
}

export const openEdgelitSession: OpenSession = (scenario) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string> = {};
    if (scenario.host) headers.Host = scenario.host;
    if (scenario.origin) headers.Origin = scenario.origin;
    const socket = new WebSocket(`${scenario.url}/${randomSessionId()}`, { headers });
    const session = new EdgelitSession(socket, scenario);
    const shown = session.nextRunEnd();
    socket.once("error", (error) => reject(new Error(`connect: ${error.message}`)));
    shown.then(
      () => (session.ready ? resolve({ session, latency: performance.now() - started }) : reject(new Error(`no "${scenario.button}" button`))),
      reject,
    );
  });
