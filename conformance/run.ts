/**
 * The conformance suite: plays every case under Streamlit (driver.py) and under Edgelit
 * (driver.ts), compares the pages step by step and prints a table. Then the browser mode
 * (browser.ts, started alongside) plays browser_cases/ in Chromium on `streamlit run` and
 * `wrangler dev`; its rows, marked [browser], come last. Exit code 1 on any difference, or when Python Streamlit is missing.
 *
 *     npx tsx conformance/run.ts [case ...]
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { playBrowserCases, type BrowserCaseResult } from "./browser.ts";
import { firstDifference, sameValue } from "./compare.ts";
import type { Page } from "./snapshot.ts";
import { playCase, type DriverLine } from "./driver.ts";
import { BROWSER_CASES_DIR, CASES_DIR, browserCaseNames, caseEntry, caseNames, describeBrowserStep, describeStep, loadSteps } from "./steps.ts";

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

function missingFiles(name: string, dir = CASES_DIR): string | null {
  // An AppTest case with pages is a directory whose entry is app.py and app.ts (README, "Cases with pages").
  const path = (ext: string) => (dir === CASES_DIR && ext !== ".steps.json" ? caseEntry(name, ext as ".py" | ".ts") : join(dir, name + ext));
  const missing = [".py", ".ts", ".steps.json"].filter((ext) => !existsSync(path(ext)));
  return missing.length > 0 ? `missing ${missing.map((ext) => name + ext).join(", ")}` : null;
}

/** A browser case's verdict: "identical", or what differs first (README.md, "Browser mode"). */
function browserVerdict(result: BrowserCaseResult): string {
  for (const [i, step] of result.steps.entries()) {
    const expected = result.streamlit[i];
    const got = result.edgelit[i];
    const at = `step ${i} (${describeBrowserStep(step)})`;
    if (expected && "failure" in expected) return `${at}: on Streamlit's page: ${expected.failure}`;
    if (got && "failure" in got) return `${at}: on Edgelit's page: ${got.failure}`;
    if (!expected || !got) return `${at}: no page from ${expected ? "Edgelit" : "Streamlit"}`;
    const difference = firstDifference(expected.page as unknown as Page, got.page as unknown as Page);
    if (difference) return `${at}: ${difference.path}: expected ${show(difference.expected)}, got ${show(difference.got)}`;
    if (!sameValue(expected.page.toasts, got.page.toasts)) return `${at}: toasts: expected ${show(expected.page.toasts)}, got ${show(got.page.toasts)}`;
  }
  return "identical";
}

/** The browser mode's rows, `[browser] <case>`; every case fails with the reason when it cannot run. */
async function browserRows(names: string[]): Promise<[string, string, string][]> {
  const label = (name: string) => `[browser] ${name}`;
  const playable = names.filter((name) => missingFiles(name, BROWSER_CASES_DIR) === null);
  const verdicts = new Map<string, [string, string]>();
  try {
    for (const result of playable.length > 0 ? await playBrowserCases(playable, PYTHON) : []) {
      verdicts.set(result.name, [String(result.steps.length), browserVerdict(result)]);
    }
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0]!;
    for (const name of playable) verdicts.set(name, ["-", `browser mode could not run: ${reason}`]);
  }
  return names.map((name) => {
    const missing = missingFiles(name, BROWSER_CASES_DIR);
    const [steps, result] = missing ? ["-", missing] : verdicts.get(name)!;
    return [label(name), steps, result];
  });
}

/** The AppTest mode's rows, or null (the reason printed) when the oracle cannot run. */
async function appTestRows(names: string[]): Promise<[string, string, string][] | null> {
  const [python, edgelit] = await Promise.allSettled([runPython(names), runTypeScript(names)]);
  if (python.status === "rejected") {
    const error = python.reason as Error;
    if (error instanceof OracleMissing) {
      console.error(`Python Streamlit (the oracle) is not available: ${error.message}`);
      console.error(`Install it from the repository root with:\n  ${INSTALL}\nor point STREAMLIT_PYTHON at a Python that has streamlit==${ORACLE_VERSION}.`);
    } else {
      console.error(error.message);
    }
    return null;
  }
  if (edgelit.status === "rejected") throw edgelit.reason;
  if (python.value.version !== ORACLE_VERSION) {
    console.log(`note: the oracle is Streamlit ${python.value.version}; these cases were written against ${ORACLE_VERSION}.`);
  }

  return names.map((name): [string, string, string] => {
    const missing = missingFiles(name);
    if (missing) return [name, "-", missing];
    try {
      const steps = String(loadSteps(name).length);
      return [name, steps, verdict(name, byCase(python.value.lines, name), byCase(edgelit.value, name))];
    } catch (error) {
      return [name, "-", (error as Error).message.replace(/\s+/g, " ")];
    }
  });
}

async function main(): Promise<number> {
  const requested = process.argv.slice(2);
  const browserCases = browserCaseNames();
  const names = requested.length > 0 ? requested.filter((name) => !browserCases.includes(name)) : caseNames();
  const browserNames = requested.length > 0 ? requested.filter((name) => browserCases.includes(name)) : browserCases;
  // The browser mode starts its servers while the AppTest mode plays; its rows come last.
  const browser = browserNames.length > 0 ? browserRows(browserNames) : Promise.resolve([]);
  const rows: [string, string, string][] = [];
  // Only browser cases asked for: the AppTest mode has nothing to play.
  if (names.length > 0 || requested.length === 0) {
    const appTest = await appTestRows(names);
    if (!appTest) {
      await browser; // its servers stop before the suite ends
      return 1;
    }
    rows.push(...appTest);
  }
  rows.push(...(await browser));
  const width = Math.max(4, ...rows.map(([name]) => name.length));
  console.log(`${"case".padEnd(width)} | steps | result`);
  console.log(`${"-".repeat(width)}-|-------|-${"-".repeat(40)}`);
  for (const [name, steps, result] of rows) console.log(`${name.padEnd(width)} | ${steps.padStart(5)} | ${result}`);
  const passed = rows.filter(([, , result]) => result === "identical").length;
  console.log(`${passed} passed, ${rows.length - passed} failed`);
  return passed === rows.length ? 0 : 1;
}

process.exitCode = await main();
