/**
 * `npm run bench -- --load`: many sessions at once, Edgelit (`wrangler dev`) beside Streamlit
 * (`streamlit run`), on `hello` (its Count button) and `page1000` (Bump, 1000 st.write lines).
 * For 10, 100 and 1000 sessions: connect latency, click-to-answer p50/p99 with a think time
 * (a click every 1-3 s) and in a burst (clicks as fast as answers come), answers per second,
 * errors, whether every session kept its count, and the server's resident memory per session.
 * First, what one click on hello costs the platform (./load/click_cost.ts). Sessions that do not
 * connect within 30 s count as connect timeouts; the server may still be opening them while the
 * connected ones click, so an overloaded group's click figures carry that work too.
 * Printed, not asserted; loopback only; every run is bounded in clicks and time.
 *
 * Narrower runs: `--load-sessions=10,100`, `--load-apps=hello`, `--load-servers=edgelit`,
 * `--load-seconds=5` (each phase's length).
 */
import { loadavg } from "node:os";
import { measureClickCost, printClickCost } from "./load/click_cost.ts";
import { openEdgelitSession } from "./load/edgelit_client.ts";
import { workerdPids } from "./load/memory.ts";
import { printGroup, type Measured } from "./load/report.ts";
import { runScenario } from "./load/runner.ts";
import { LOAD_APPS, type ClientResult, type LoadApp, type LoadScenario } from "./load/scenario.ts";
import { runStreamlitLoad } from "./load/streamlit_client.ts";
import { startEdgelit, startStreamlit, streamlitPython, streamlitVersion, type Server } from "./servers.ts";

const EDGELIT_PORT = 8784;
const STREAMLIT_PORT = 8785;
const STREAMLIT_VERSION = "1.64.0";

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

interface LoadOptions {
  sessions: number[];
  apps: LoadApp[];
  servers: Set<"edgelit" | "streamlit">;
  phaseSeconds: number;
}

function loadOptions(): LoadOptions {
  const sessions = (option("load-sessions") ?? "10,100,1000").split(",").map(Number).filter((n) => n > 0);
  const slugs = option("load-apps")?.split(",");
  const servers = new Set((option("load-servers") ?? "edgelit,streamlit").split(",")) as Set<"edgelit" | "streamlit">;
  return { sessions, apps: LOAD_APPS.filter((app) => !slugs || slugs.includes(app.slug)), servers, phaseSeconds: Number(option("load-seconds") ?? 10) };
}

function scenario(app: LoadApp, sessions: number, options: LoadOptions, target: Pick<LoadScenario, "url" | "host" | "origin" | "rssPids">): LoadScenario {
  return {
    ...target,
    sessions,
    button: app.button,
    counter: app.counter,
    phases: ["think", "burst"],
    thinkMs: [1000, 3000],
    thinkSeconds: options.phaseSeconds,
    burstClicks: 5,
    burstSeconds: options.phaseSeconds,
    graceSeconds: 5,
    connectSeconds: 30,
    connectConcurrency: 64,
  };
}

/** One session and one click first, so the runs measured find the app's code loaded (isolate, script compiled). */
function warmUp(measured: LoadScenario): LoadScenario {
  return { ...measured, sessions: 1, phases: ["burst"], burstClicks: 1, rssPids: [] };
}

async function measure(run: (s: LoadScenario) => Promise<ClientResult>, target: LoadScenario): Promise<Measured> {
  const before = loadavg()[0]!;
  try {
    await run(warmUp(target));
    const result = await run(target);
    return { result, load: [before, loadavg()[0]!] };
  } catch (error) {
    return { result: null, problem: error instanceof Error ? error.message : String(error), load: [before, loadavg()[0]!] };
  }
}

/** wrangler always opens an inspector too: it gets the bench's other port, free while Edgelit runs. */
const startEdgelitHere = () => startEdgelit(EDGELIT_PORT, undefined, ["--inspector-port", String(STREAMLIT_PORT)]);

function edgelitTarget(server: Server, app: LoadApp, sessions: number, options: LoadOptions): LoadScenario {
  const host = `${app.slug}.localhost:${EDGELIT_PORT}`;
  return scenario(app, sessions, options, { url: `ws://127.0.0.1:${EDGELIT_PORT}/_stcore/stream`, host, origin: `http://${host}`, rssPids: workerdPids(server.pid) });
}

async function clickCost(options: LoadOptions): Promise<void> {
  let server: Server | undefined;
  try {
    server = await startEdgelitHere();
    const load = loadavg()[0]!;
    printClickCost(await measureClickCost(edgelitTarget(server, LOAD_APPS[0]!, 1, options), EDGELIT_PORT), load);
  } catch (error) {
    console.log(`  One click on hello: not measured (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await server?.stop();
  }
}

async function edgelitGroup(app: LoadApp, sessions: number, options: LoadOptions): Promise<Measured> {
  // A server of its own for each group: the memory it holds is this group's sessions'.
  let server: Server | undefined;
  try {
    server = await startEdgelitHere();
    return await measure((s) => runScenario(s, openEdgelitSession), edgelitTarget(server, app, sessions, options));
  } catch (error) {
    return { result: null, problem: error instanceof Error ? error.message : String(error), load: [loadavg()[0]!, loadavg()[0]!] };
  } finally {
    await server?.stop();
  }
}

async function streamlitGroup(python: string, app: LoadApp, sessions: number, options: LoadOptions): Promise<Measured> {
  let server: Server | undefined;
  try {
    server = await startStreamlit(python, STREAMLIT_PORT, app.streamlitScript);
    const target = scenario(app, sessions, options, { url: `ws://127.0.0.1:${STREAMLIT_PORT}/_stcore/stream`, rssPids: [server.pid] });
    return await measure((s) => runStreamlitLoad(python, s), target);
  } catch (error) {
    return { result: null, problem: error instanceof Error ? error.message : String(error), load: [loadavg()[0]!, loadavg()[0]!] };
  } finally {
    await server?.stop();
  }
}

export async function loadBench(): Promise<void> {
  const options = loadOptions();
  const python = streamlitPython();
  const version = options.servers.has("streamlit") ? streamlitVersion(python) : null;
  if (options.servers.has("streamlit") && version === null) console.log(`Python Streamlit is missing (no streamlit importable by ${python}); only Edgelit is measured. Set STREAMLIT_PYTHON.`);
  else if (version !== null && version !== STREAMLIT_VERSION) console.log(`Note: measuring Streamlit ${version}, not ${STREAMLIT_VERSION}.`);
  console.log(
    `Load: N sessions at once on loopback, Edgelit under wrangler dev beside Streamlit ${version ?? "(missing)"} under streamlit run, each server fresh per group.` +
      ` Think: a click 1-3 s after each answer for ${options.phaseSeconds} s; burst: 5 clicks per session as fast as answers come (at most ${options.phaseSeconds} s); 5 s grace for late answers.`,
  );
  if (options.servers.has("edgelit")) await clickCost(options);
  for (const app of options.apps) {
    for (const sessions of options.sessions) {
      const edgelit = options.servers.has("edgelit") ? await edgelitGroup(app, sessions, options) : { result: null, problem: "not measured", load: [0, 0] as [number, number] };
      const streamlit = version !== null ? await streamlitGroup(python, app, sessions, options) : null;
      printGroup(app.slug, sessions, streamlit, edgelit);
    }
  }
}
