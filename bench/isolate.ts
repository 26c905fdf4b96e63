/**
 * What running each app in an isolate of its own costs, under `wrangler dev` (workerd, loopback):
 * click-to-answer p50/p99 on `hello` and `page1000` through the real platform (socket, session
 * Durable Object, the RPC into the app's isolate, storage), beside the same click in-process;
 * the cold start of an app's isolate (first session of an app vs. a second one); and the memory
 * workerd holds per app isolate. Printed, not asserted; only loopback is contacted.
 *
 * With `EDGELIT_BASELINE=<dir>` (a built checkout from before apps had isolates, where sessions
 * live at /apps/<slug>/_stcore/stream/), the same clicks run there too, in the same run.
 */
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import WebSocket from "ws";
import { apps } from "../apps/registry.gen.ts";
import { AppSession } from "../sessions/engine/app_session.ts";
import type { ServerFrame, TreeNode } from "../sessions/protocol.ts";
import { startEdgelit, type Server } from "./servers.ts";

const PORT = 8793;
const CLICKS = 150;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

interface Session {
  frames: ServerFrame[];
  /** Resolves at the next completed run's end. */
  completed(): Promise<void>;
  send(frame: object): void;
  close(): void;
}

function randomId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

/** A session of `slug` over a real socket; Node connects to 127.0.0.1 with the app's Host. */
function open(server: Server, slug: string, legacyPaths = false): Promise<Session> {
  const port = new URL(server.base).port;
  const ws = legacyPaths
    ? new WebSocket(`ws://127.0.0.1:${port}/apps/${slug}/_stcore/stream/${randomId()}`)
    : new WebSocket(`ws://127.0.0.1:${port}/_stcore/stream/${randomId()}`, { headers: { Host: `${slug}.localhost:${port}` } });
  const frames: ServerFrame[] = [];
  let waiting: (() => void) | null = null;
  ws.on("message", (data) => {
    const batch = JSON.parse(String(data)) as ServerFrame[];
    frames.push(...batch);
    if (batch.some((f) => f.t === "run_end" && f.outcome === undefined)) waiting?.();
  });
  const session: Session = {
    frames,
    completed: () => new Promise<void>((resolve) => (waiting = resolve)),
    send: (frame) => ws.send(JSON.stringify(frame)),
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    const first = session.completed();
    ws.on("error", reject);
    ws.on("open", () => void first.then(() => resolve(session)));
  });
}

/** The leaves of the page the frames build, for finding a widget's id. */
function leaves(frames: ServerFrame[]): TreeNode[] {
  const found: TreeNode[] = [];
  for (const frame of frames) {
    const nodes = frame.t === "snapshot" ? frame.tree : frame.t === "delta" || frame.t === "run_end" ? (frame.ops ?? []).flatMap((op) => (op.op === "set" ? [op.node] : [])) : [];
    const visit = (node: TreeNode) => ("children" in node && Array.isArray(node.children) ? node.children.forEach(visit) : found.push(node));
    nodes.forEach(visit);
  }
  return found;
}

function widgetId(frames: ServerFrame[], kind: string, label: string): string {
  const node = leaves(frames).find((n) => n.kind === kind && (n.props as { label?: string }).label === label);
  if (!node) throw new Error(`No ${kind} "${label}"`);
  return (node.props as { id: string }).id;
}

async function clicks(session: Session, frame: (i: number) => object): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    const done = session.completed();
    const started = performance.now();
    session.send(frame(i));
    await done;
    times.push(performance.now() - started);
  }
  return times;
}

/** The same clicks on the engine in-process: what the script and the diff cost by themselves. */
async function inProcess(slug: string, frame: (session: AppSession, i: number) => object): Promise<number[]> {
  const script = apps.find((app) => app.slug === slug)!.script;
  const session = new AppSession({ script, send: () => {} });
  session.requestRerun();
  await session.idle();
  const times: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    const started = performance.now();
    session.handleMessage(JSON.stringify(frame(session, i)));
    await session.idle();
    times.push(performance.now() - started);
  }
  return times;
}

/** Resident memory of the server's workerd processes, in KB. */
function workerdRss(server: Server): number {
  try {
    const pids = execFileSync("pgrep", ["-g", String(server.pid), "workerd"], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
    return pids.reduce((sum, pid) => sum + Number(execFileSync("ps", ["-o", "rss=", "-p", pid], { encoding: "utf8" }).trim() || 0), 0);
  } catch {
    return NaN;
  }
}

const line = (label: string, times: number[], local: number[]) =>
  console.log(
    `  ${label.padEnd(30)} p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms; in-process p50 ${percentile(local, 0.5).toFixed(2)} ms; the platform's share p50 ${(percentile(times, 0.5) - percentile(local, 0.5)).toFixed(2)} ms`,
  );

/** The two apps' clicks on a platform from before apps had isolates of their own. */
async function baselineClicks(dir: string): Promise<{ hello: number[]; page: number[] }> {
  const server = await startEdgelit(PORT + 1, dir);
  try {
    const hello = await open(server, "hello", true);
    const nameId = widgetId(hello.frames, "text_input", "Your name");
    const helloClicks = await clicks(hello, (i) => ({ t: "widget", id: nameId, value: `Ada ${i}` }));
    hello.close();
    const page = await open(server, "page1000", true);
    const bump = widgetId(page.frames, "button", "Bump");
    const pageClicks = await clicks(page, () => ({ t: "widget", id: bump, value: true }));
    page.close();
    return { hello: helloClicks, page: pageClicks };
  } finally {
    await server.stop();
  }
}

export async function printIsolateFigures(): Promise<void> {
  const baselineDir = process.env.EDGELIT_BASELINE;
  const baseline = baselineDir ? await baselineClicks(baselineDir) : null;
  const server = await startEdgelit(PORT);
  try {
    // Cold: the first session of an app starts its isolate (Loader get, module load, first run).
    const coldStarted = performance.now();
    const hello = await open(server, "hello");
    const cold = performance.now() - coldStarted;
    const warmStarted = performance.now();
    const second = await open(server, "hello");
    const warm = performance.now() - warmStarted;
    second.close();

    const nameId = widgetId(hello.frames, "text_input", "Your name");
    const helloClicks = await clicks(hello, (i) => ({ t: "widget", id: nameId, value: `Ada ${i}` }));
    hello.close();
    const helloLocal = await inProcess("hello", (session, i) => {
      const id = [...leaves([session.snapshotFrame()])].find((n) => n.kind === "text_input")!.props as { id: string };
      return { t: "widget", id: id.id, value: `Ada ${i}` };
    });

    const page = await open(server, "page1000");
    const bump = widgetId(page.frames, "button", "Bump");
    const pageClicks = await clicks(page, () => ({ t: "widget", id: bump, value: true }));
    page.close();
    const pageLocal = await inProcess("page1000", (session) => {
      const button = session.tree.roots[0]!.children[0] as Extract<TreeNode, { kind: "button" }>;
      return { t: "widget", id: button.props.id, value: true };
    });

    // Memory: one session on each of several more apps, each in an isolate of its own.
    const others = ["stateful-button", "toggle-button", "process-stages", "countdown", "widget-tour", "browser-context", "forms-and-fragments", "themed"];
    const before = workerdRss(server);
    const sessions = [];
    for (const slug of others) sessions.push(await open(server, slug));
    const after = workerdRss(server);
    for (const s of sessions) s.close();

    console.log(`Each app in its own isolate, through wrangler dev on loopback (${CLICKS} clicks each, one after another):`);
    line("hello, type in a text input:", helloClicks, helloLocal);
    line("page1000, click Bump:", pageClicks, pageLocal);
    if (baseline) {
      const before = (label: string, times: number[], now: number[]) =>
        console.log(`  ${label.padEnd(30)} before isolates p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms; the isolate adds p50 ${(percentile(now, 0.5) - percentile(times, 0.5)).toFixed(2)} ms`);
      before("hello, the same clicks:", baseline.hello, helloClicks);
      before("page1000, the same clicks:", baseline.page, pageClicks);
    }
    console.log(`  first session of an app (cold isolate): ${cold.toFixed(0)} ms to its first run; a second session: ${warm.toFixed(0)} ms`);
    console.log(`  workerd memory per app isolate: ${((after - before) / others.length / 1024).toFixed(1)} MB (${others.length} more apps, one session each; ${(after / 1024).toFixed(0)} MB in all)`);
  } finally {
    await server.stop();
  }
}

// `npx tsx bench/isolate.ts`: these figures alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await printIsolateFigures();
