/**
 * The two servers bench/side_by_side.ts compares, each started in its own process group on
 * a loopback port and stopped as a whole group, so no wrangler/workerd or Python child stays.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const REPO = resolve(import.meta.dirname, "..");
const STARTUP_TIMEOUT_MS = 120_000;

export interface Server {
  readonly name: string;
  readonly base: string;
  /** The server's process group (its leader's pid). */
  readonly pid: number;
  stop(): Promise<void>;
}

interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  port: number;
  env?: NodeJS.ProcessEnv;
  cleanup?: () => void;
  /** Where to run it (default: this checkout). */
  cwd?: string;
}

async function healthy(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/_stcore/health`)).ok;
  } catch {
    return false;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killGroup(pid: number): Promise<void> {
  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    try {
      process.kill(-pid, signal);
    } catch {
      return; // the group is gone
    }
    for (let i = 0; i < 30 && groupAlive(pid); i++) await sleep(100);
    if (!groupAlive(pid)) return;
  }
}

/** Process groups still running, killed synchronously if the bench is interrupted or exits early. */
const running = new Map<number, (() => void) | undefined>();
function killAllNow(): void {
  for (const [pid, cleanup] of running) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
    cleanup?.();
  }
}
const interrupted = () => process.exit(130);
function track(pid: number, cleanup?: () => void): void {
  if (running.size === 0) {
    process.on("exit", killAllNow);
    process.on("SIGINT", interrupted);
    process.on("SIGTERM", interrupted);
  }
  running.set(pid, cleanup);
}
function untrack(pid: number): void {
  running.delete(pid);
  if (running.size === 0) {
    process.off("exit", killAllNow);
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  }
}

export async function startServer(spec: ServerSpec): Promise<Server> {
  const base = `http://127.0.0.1:${spec.port}`;
  // Otherwise a stray server on the port would be measured instead of ours.
  if (await healthy(base)) throw new Error(`${spec.name}: something already answers on ${base}`);
  const child: ChildProcess = spawn(spec.command, spec.args, {
    cwd: spec.cwd ?? REPO,
    detached: true,
    env: { ...process.env, ...spec.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${spec.name}: could not start ${spec.command}`);
  track(pid, spec.cleanup);
  let output = "";
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);

  const stop = async () => {
    await killGroup(pid);
    untrack(pid);
    spec.cleanup?.();
  };
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await healthy(base)) return { name: spec.name, base, stop, pid };
    await sleep(300);
  }
  await stop();
  throw new Error(`${spec.name} did not answer on ${base}/_stcore/health:\n${output}`);
}

/** Where an app of an Edgelit server lives: its own origin, `<slug>.localhost:<port>` (Chromium resolves *.localhost to loopback). */
export function edgelitAppUrl(server: Server, slug: string, path = "/"): string {
  const base = new URL(server.base);
  return `${base.protocol}//${slug}.localhost:${base.port}${path}`;
}

/** The `wrangler dev` flag that puts the gallery on localhost:<port> and each app on <slug>.localhost:<port>. */
export function galleryHostVar(port: number): string[] {
  return ["--var", `GALLERY_HOST:localhost:${port}`];
}

/**
 * Edgelit under `wrangler dev`; `cwd` another checkout of it (built), for a before/after in one run;
 * `extraArgs` more flags for wrangler (`--var NAME:value`).
 */
export function startEdgelit(port = 8791, cwd?: string, extraArgs: string[] = []): Promise<Server> {
  const storage = mkdtempSync(join(tmpdir(), "edgelit-bench-"));
  return startServer({
    name: cwd ? `Edgelit (${cwd})` : "Edgelit",
    ...(cwd ? { cwd } : {}),
    command: "npx",
    args: ["wrangler", "dev", "--ip", "127.0.0.1", "--port", String(port), ...galleryHostVar(port), "--persist-to", storage, "--show-interactive-dev-session=false", ...extraArgs],
    port,
    env: { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", CI: "true" },
    cleanup: () => rmSync(storage, { recursive: true, force: true }),
  });
}

/** Where .ci/run installs Streamlit when EDGELIT_STREAMLIT_VENV says nothing else. */
const CI_VENV = join(homedir(), ".cache", "edgelit", "venv-streamlit-1.64.0");

/** `STREAMLIT_PYTHON` may name a venv directory or a Python executable; default `.venv-st`, else .ci/run's venv. */
export function streamlitPython(): string {
  const configured = process.env.STREAMLIT_PYTHON ?? (existsSync(join(REPO, ".venv-st")) ? join(REPO, ".venv-st") : CI_VENV);
  return existsSync(configured) && statSync(configured).isDirectory() ? join(configured, "bin", "python") : configured;
}

/** The installed Streamlit version, or null when that Python lacks Streamlit. */
export function streamlitVersion(python: string): string | null {
  if (!existsSync(python)) return null;
  const probe = spawnSync(python, ["-c", "import streamlit; print(streamlit.__version__)"], { encoding: "utf8" });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

/** `streamlit run` of a script in bench/ (default page1000.py). */
export function startStreamlit(python: string, port = 8792, script = "page1000.py"): Promise<Server> {
  return startServer({
    name: "Streamlit",
    command: python,
    args: [
      "-m", "streamlit", "run", join(REPO, "bench", script),
      "--server.port", String(port),
      "--server.address", "127.0.0.1",
      "--server.headless", "true",
      "--browser.gatherUsageStats", "false",
      "--global.developmentMode", "false",
    ],
    port,
  });
}
