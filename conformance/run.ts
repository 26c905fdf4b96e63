/**
 * The conformance suite: plays every case under Streamlit (driver.py) and under Edgelit
 * (driver.ts), compares the pages step by step and prints a table. Exit code 1 on any
 * difference, or when Python Streamlit is missing.
 *
 *     npx tsx conformance/run.ts [case ...]
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { firstDifference } from "./compare.ts";
import { playCase, type DriverLine } from "./driver.ts";
import { CASES_DIR, caseNames, describeStep, loadSteps } from "./steps.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const PYTHON = process.env.STREAMLIT_PYTHON ?? join(HERE, "..", ".venv-st", "bin", "python");
const ORACLE_VERSION = "1.64.0";
const INSTALL =
  `python3 -m venv .venv-st && .venv-st/bin/pip install --index-url "$(pip config get global.extra-index-url | cut -d' ' -f1)" streamlit==${ORACLE_VERSION}`;

class OracleMissing extends Error {}

/** Runs driver.py once for all cases; resolves with its JSON lines. */
function runPython(names: string[]): Promise<{ version: string; lines: DriverLine[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [join(HERE, "driver.py"), ...names], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => reject(new OracleMissing(`cannot start ${PYTHON}: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 3) return reject(new OracleMissing(stderr.trim()));
      const [header, ...rest] = stdout.split("\n").filter((line) => line.trim() !== "");
      if ((code !== 0 && code !== 1) || header === undefined) {
        return reject(new Error(`driver.py crashed (exit ${code}):\n${stderr.split("\n").slice(-20).join("\n")}`));
      }
      resolve({ version: (JSON.parse(header) as { streamlit: string }).streamlit, lines: rest.map((line) => JSON.parse(line)) });
    });
  });
}

async function runTypeScript(names: string[]): Promise<DriverLine[]> {
  const lines: DriverLine[] = [];
  for (const name of names) await playCase(name, (line) => lines.push(line));
  return lines;
}

function byCase(lines: DriverLine[], name: string): DriverLine[] {
  return lines.filter((line) => line.case === name);
}

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
};

/** "identical", or what differs first. */
function verdict(name: string, python: DriverLine[], edgelit: DriverLine[]): string {
  const steps = loadSteps(name);
  for (let i = 0; i < steps.length; i++) {
    const expected = python[i];
    const got = edgelit[i];
    const step = `step ${i} (${describeStep(steps[i]!)})`;
    if (expected && "failure" in expected) return `${step}: driver.py failed: ${expected.failure}`;
    if (got && "failure" in got) return `${step}: driver.ts failed: ${got.failure}`;
    if (!expected || !got) return `${step}: ${expected ? "driver.ts" : "driver.py"} printed nothing`;
    const difference = firstDifference(expected.page, got.page);
    if (difference) return `${step}: ${difference.path}: expected ${show(difference.expected)}, got ${show(difference.got)}`;
  }
  return "identical";
}

function missingFiles(name: string): string | null {
  const missing = [".py", ".ts", ".steps.json"].filter((ext) => !existsSync(join(CASES_DIR, name + ext)));
  return missing.length > 0 ? `missing ${missing.map((ext) => name + ext).join(", ")}` : null;
}

async function main(): Promise<number> {
  const names = process.argv.length > 2 ? process.argv.slice(2) : caseNames();
  const [python, edgelit] = await Promise.allSettled([runPython(names), runTypeScript(names)]);
  if (python.status === "rejected") {
    const error = python.reason as Error;
    if (error instanceof OracleMissing) {
      console.error(`Python Streamlit (the oracle) is not available: ${error.message}`);
      console.error(`Install it from the repository root with:\n  ${INSTALL}\nor point STREAMLIT_PYTHON at a Python that has streamlit==${ORACLE_VERSION}.`);
    } else {
      console.error(error.message);
    }
    return 1;
  }
  if (edgelit.status === "rejected") throw edgelit.reason;
  if (python.value.version !== ORACLE_VERSION) {
    console.log(`note: the oracle is Streamlit ${python.value.version}; these cases were written against ${ORACLE_VERSION}.`);
  }

  const rows = names.map((name): [string, string, string] => {
    const missing = missingFiles(name);
    if (missing) return [name, "-", missing];
    try {
      const steps = String(loadSteps(name).length);
      return [name, steps, verdict(name, byCase(python.value.lines, name), byCase(edgelit.value, name))];
    } catch (error) {
      return [name, "-", (error as Error).message.replace(/\s+/g, " ")];
    }
  });
  const width = Math.max(4, ...names.map((name) => name.length));
  console.log(`${"case".padEnd(width)} | steps | result`);
  console.log(`${"-".repeat(width)}-|-------|-${"-".repeat(40)}`);
  for (const [name, steps, result] of rows) console.log(`${name.padEnd(width)} | ${steps.padStart(5)} | ${result}`);
  const passed = rows.filter(([, , result]) => result === "identical").length;
  console.log(`${passed} passed, ${rows.length - passed} failed`);
  return passed === rows.length ? 0 : 1;
}

process.exitCode = await main();
