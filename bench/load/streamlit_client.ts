/**
 * The Streamlit side of a load run: bench/streamlit_load.py, a client of Streamlit's own
 * WebSocket protocol and protobuf classes, run with Streamlit's Python; its JSON result is read
 * from stdout. It is killed if it overruns its scenario's bounds.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { REPO } from "../servers.ts";
import type { ClientResult, LoadScenario } from "./scenario.ts";

/** The longest a scenario may take: its bounds, plus time to close the sockets and start Python. */
function boundMs(scenario: LoadScenario): number {
  const phases = scenario.phases.reduce((sum, name) => sum + (name === "burst" ? scenario.burstSeconds : scenario.thinkSeconds) + scenario.graceSeconds, 0);
  return (scenario.connectSeconds + phases + 30) * 1000;
}

export function runStreamlitLoad(python: string, scenario: LoadScenario): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [join(REPO, "bench", "streamlit_load.py"), JSON.stringify(scenario)], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), boundMs(scenario));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split("\n").at(-1) ?? "";
      try {
        resolve(JSON.parse(last) as ClientResult);
      } catch {
        reject(new Error(`bench/streamlit_load.py ended (${signal ?? code}) without a result:\n${stderr}`));
      }
    });
  });
}
