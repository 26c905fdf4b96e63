/**
 * What one click on `hello` costs the platform, nothing else running: one session clicking
 * back to back under `wrangler dev`, the CPU each workerd process spends per click (from
 * /proc/<pid>/stat), beside the same click on the engine in-process (script, diff, frames; no
 * socket, RPC or storage). wrangler dev runs two workerd processes: a proxy in front (not there
 * in production) and the runtime, where the Worker, the session's Durable Object and the app's
 * isolate run.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { apps } from "../../apps/registry.gen.ts";
import { AppSession } from "../../sessions/engine/app_session.ts";
import type { TreeNode } from "../../sessions/protocol.ts";
import { openEdgelitSession } from "./edgelit_client.ts";
import { percentile } from "./report.ts";
import type { LoadScenario } from "./scenario.ts";

const WARM_CLICKS = 300;
const CLICKS = 2000;
/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface ClickCost {
  p50: number;
  p99: number;
  /** CPU ms per click: wrangler's proxy workerd, and the runtime workerd. */
  proxyCpu: number;
  runtimeCpu: number;
  inProcessP50: number;
}

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** The proxy is the workerd that listens on the bench's own port; the runtime's entry port is chosen by wrangler. */
function isProxy(pid: number, port: number): boolean {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").some((arg) => arg.endsWith(`:${port}`) && arg.startsWith("--socket-addr=entry="));
}

async function inProcessP50(): Promise<number> {
  const script = apps.find((app) => app.slug === "hello")!.script;
  const session = new AppSession({ script, send: () => {} });
  session.requestRerun();
  await session.idle();
  const find = (nodes: TreeNode[]): string | undefined => {
    for (const node of nodes) {
      if ("children" in node && Array.isArray(node.children)) {
        const found = find(node.children);
        if (found) return found;
      } else if (node.kind === "button" && (node.props as { label?: string }).label === "Count") return (node.props as { id: string }).id;
    }
    return undefined;
  };
  const id = find(session.tree.roots)!;
  const times: number[] = [];
  for (let i = 0; i < WARM_CLICKS + CLICKS; i++) {
    const started = performance.now();
    session.handleMessage(JSON.stringify({ t: "widget", id, value: true }));
    await session.idle();
    if (i >= WARM_CLICKS) times.push(performance.now() - started);
  }
  return percentile(times, 0.5)!;
}

/** `scenario` names the server (url, host, origin, and its workerd pids as rssPids). */
export async function measureClickCost(scenario: LoadScenario, port: number): Promise<ClickCost> {
  const { session } = await openEdgelitSession(scenario);
  try {
    for (let i = 0; i < WARM_CLICKS; i++) await session.click();
    const pids = scenario.rssPids;
    const before = pids.map(cpuTicks);
    const times: number[] = [];
    for (let i = 0; i < CLICKS; i++) times.push(await session.click());
    const spent = pids.map((pid, i) => ((cpuTicks(pid) - before[i]!) * 1000) / TICKS_PER_SECOND / CLICKS);
    const share = (proxy: boolean) => spent.reduce((sum, ms, i) => (isProxy(pids[i]!, port) === proxy ? sum + ms : sum), 0);
    return { p50: percentile(times, 0.5)!, p99: percentile(times, 0.99)!, proxyCpu: share(true), runtimeCpu: share(false), inProcessP50: await inProcessP50() };
  } finally {
    session.close();
  }
}

export function printClickCost(cost: ClickCost, load: number): void {
  console.log(`  One click on hello, one session clicking back to back (${CLICKS} clicks, load average ${load.toFixed(1)}):`);
  console.log(`    click -> answer p50 ${cost.p50.toFixed(2)} ms, p99 ${cost.p99.toFixed(2)} ms`);
  console.log(`    CPU per click: runtime workerd ${cost.runtimeCpu.toFixed(2)} ms (Worker, session Durable Object, app isolate, storage), wrangler's proxy workerd ${cost.proxyCpu.toFixed(2)} ms`);
  console.log(`    the same click in-process (engine and script only, Node): p50 ${cost.inProcessP50.toFixed(3)} ms`);
}
