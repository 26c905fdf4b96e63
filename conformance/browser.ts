/**
 * The conformance suite's browser mode, for what Streamlit's AppTest does not model (forms,
 * fragments): each case in browser_cases/ runs under `streamlit run` and, as the app
 * `conformance-<case>`, under Edgelit's `wrangler dev -c wrangler.conformance.jsonc`. One
 * Chromium plays the same steps on both pages and reads each page after every step
 * (dom.ts); run.ts compares them.
 *
 *     npx tsx conformance/browser.ts [case ...]    # both pages of every step, one JSON line each
 *
 * Every server runs in its own process group on a loopback port and is stopped in `finally`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium, type Browser, type Page as PlaywrightPage } from "playwright-core";
import { REPO, startServer, type Server } from "../bench/servers.ts";
import { readPage, type BrowserPage } from "./dom.ts";
import { BROWSER_CASES_DIR, browserCaseNames, loadBrowserSteps, type BrowserStep } from "./steps.ts";

/** Loopback ports of this mode only: Edgelit's Worker, then one Streamlit server per case. */
const EDGELIT_PORT = 8793;
const FIRST_STREAMLIT_PORT = 8794;
/**
 * A step is over when the app says it is idle, the network (socket frames and requests, such
 * as the chunks Streamlit loads widgets from) has been quiet for QUIET_MS and the page read
 * has not changed for STABLE_MS.
 */
const QUIET_MS = 300;
const STABLE_MS = 300;
const POLL_MS = 100;
const STEP_TIMEOUT_MS = 20_000;

export type SideLine = { step: number; page: BrowserPage } | { step: number; failure: string };

export interface BrowserCaseResult {
  name: string;
  steps: BrowserStep[];
  streamlit: SideLine[];
  edgelit: SideLine[];
}

export const slugOf = (name: string) => `conformance-${name.replace(/_/g, "-")}`;

/** What the Worker needs from `npm run build`; null when it is there. */
function missingBuild(names: string[]): string | null {
  if (!existsSync(join(REPO, "dist", "public", "client", "edgelit.js"))) return "the client is not built";
  const registry = join(REPO, "conformance", "registry.gen.ts");
  if (!existsSync(registry)) return "conformance/registry.gen.ts is missing";
  const text = readFileSync(registry, "utf8");
  const absent = names.filter((name) => !text.includes(JSON.stringify(slugOf(name))));
  return absent.length > 0 ? `conformance/registry.gen.ts lacks ${absent.join(", ")}` : null;
}

function startEdgelit(): Promise<Server> {
  const storage = mkdtempSync(join(tmpdir(), "edgelit-conformance-"));
  return startServer({
    name: "Edgelit (wrangler dev)",
    command: "npx",
    args: [
      "wrangler", "dev", "-c", "wrangler.conformance.jsonc",
      "--ip", "127.0.0.1", "--port", String(EDGELIT_PORT),
      "--persist-to", storage, "--show-interactive-dev-session=false",
    ],
    port: EDGELIT_PORT,
    env: { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", CI: "true" },
    cleanup: () => rmSync(storage, { recursive: true, force: true }),
  });
}

function startStreamlit(python: string, name: string, port: number): Promise<Server> {
  return startServer({
    name: `Streamlit (${name}.py)`,
    command: python,
    args: [
      "-m", "streamlit", "run", join(BROWSER_CASES_DIR, `${name}.py`),
      "--server.port", String(port),
      "--server.address", "127.0.0.1",
      "--server.headless", "true",
      "--server.fileWatcherType", "none",
      "--browser.gatherUsageStats", "false",
      "--global.developmentMode", "false",
    ],
    port,
  });
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** The i-th match, or a clear error naming how many the page has. */
async function nth(page: PlaywrightPage, selector: string, index: number, what: string) {
  const all = page.locator(selector);
  const count = await all.count();
  if (index >= count) throw new Error(`there is no ${what}[${index}] (the page has ${count})`);
  return all.nth(index);
}

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);

async function act(page: PlaywrightPage, step: BrowserStep, url: string): Promise<void> {
  const s = step as Record<string, unknown> & BrowserStep;
  switch (step.do) {
    case "load":
      await page.goto(url);
      return;
    case "click":
      if (typeof s.button === "number") return (await nth(page, '[data-testid="stButton"] button', s.button, "button")).click();
      if (typeof s.form_submit_button === "number") {
        return (await nth(page, '[data-testid="stFormSubmitButton"] button', s.form_submit_button, "form_submit_button")).click();
      }
      break;
    case "type": {
      const kind = typeof s.text_input === "number" ? "text_input" : typeof s.number_input === "number" ? "number_input" : null;
      if (!kind) break;
      const testid = kind === "text_input" ? "stTextInput" : "stNumberInput";
      const input = await nth(page, `[data-testid="${testid}"] input`, s[kind] as number, kind);
      await input.fill(step.value);
      if (step.enter) await input.press("Enter");
      return;
    }
    case "slide": {
      const slider = await nth(page, '[data-testid="stSlider"]', step.slider, "slider");
      await slider.locator('[role="slider"], input[type="range"]').first().focus();
      for (const key of step.keys) await page.keyboard.press(key);
      return;
    }
    case "check":
      return (await nth(page, '[data-testid="stCheckbox"]', step.checkbox, "checkbox")).locator("label").first().click();
    case "select": {
      if (typeof s.radio === "number") {
        const radio = await nth(page, '[data-testid="stRadio"]', s.radio, "radio");
        return radio.locator('[role="radiogroup"] label').filter({ hasText: exactly(step.option) }).first().click();
      }
      if (typeof s.selectbox === "number") {
        const box = await nth(page, '[data-testid="stSelectbox"]', s.selectbox, "selectbox");
        const native = box.locator("select");
        if ((await native.count()) > 0) {
          await native.first().selectOption({ label: step.option });
          return;
        }
        await box.locator('input[role="combobox"], [role="combobox"]').first().click();
        await page.getByRole("option", { name: step.option, exact: true }).first().click();
        return;
      }
      break;
    }
    case "wait":
      await sleep(step.ms);
      return;
  }
  throw new Error(`step ${JSON.stringify(step)} is not understood by browser.ts`);
}

/** When the page last sent or received anything, and how many requests are still open. */
interface Traffic {
  last: number;
  open: number;
}

function watchTraffic(page: PlaywrightPage): Traffic {
  const traffic: Traffic = { last: Date.now(), open: 0 };
  const seen = () => (traffic.last = Date.now());
  page.on("websocket", (ws) => {
    ws.on("framesent", seen);
    ws.on("framereceived", seen);
  });
  page.on("request", () => (traffic.open++, seen()));
  const done = () => (traffic.open--, seen());
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return traffic;
}

/** Waits until the app is idle and its page stops changing; returns that page. */
async function settle(page: PlaywrightPage, traffic: Traffic): Promise<BrowserPage> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  await sleep(POLL_MS);
  let previous: string | undefined;
  let stableSince = Date.now();
  let state: string | null | undefined;
  for (;;) {
    state = await page.evaluate(() =>
      (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document
        .querySelector('[data-testid="stApp"]')
        ?.getAttribute("data-test-script-state"),
    );
    const current = JSON.stringify(await page.evaluate(readPage));
    const now = Date.now();
    if (current !== previous) stableSince = now;
    const quiet = traffic.open <= 0 && now - traffic.last >= QUIET_MS;
    if (state === "notRunning" && quiet && now - stableSince >= STABLE_MS) return JSON.parse(current) as BrowserPage;
    if (now > deadline) throw new Error(`the app was not idle within ${STEP_TIMEOUT_MS / 1000} s (script state ${state ?? "none"}, ${traffic.open} requests open)`);
    previous = current;
    await sleep(POLL_MS);
  }
}

/** Closes every toast once it has been read, so the next step's page shows only its own. */
async function dismissToasts(page: PlaywrightPage): Promise<void> {
  const toasts = page.locator('[data-testid="stToast"]');
  for (let i = (await toasts.count()) - 1; i >= 0; i--) {
    await toasts.nth(i).locator("button").last().click().catch(() => undefined); // it may be leaving already
  }
  await toasts.first().waitFor({ state: "detached", timeout: 6_000 });
}

/** Plays a case's steps on one server's page, in a fresh browser context (a new session). */
async function playSide(browser: Browser, url: string, steps: BrowserStep[]): Promise<SideLine[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const lines: SideLine[] = [];
  try {
    // tsx compiles with esbuild's keepNames: readPage's inner functions call __name.
    await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
    const page = await context.newPage();
    const traffic = watchTraffic(page);
    for (const [i, step] of steps.entries()) {
      try {
        await act(page, step, url);
        lines.push({ step: i, page: await settle(page, traffic) });
        await dismissToasts(page);
      } catch (error) {
        lines.push({ step: i, failure: (error as Error).message.split("\n")[0]! });
        break;
      }
    }
  } finally {
    await context.close();
  }
  return lines;
}

/**
 * Starts the servers, plays every case on both and stops everything. Resolves with each
 * case's pages; rejects only when the servers or Chromium cannot start.
 */
export async function playBrowserCases(names: string[], python: string, onCase?: (result: BrowserCaseResult) => void): Promise<BrowserCaseResult[]> {
  const missing = missingBuild(names);
  if (missing) throw new Error(`${missing}: run \`npm run build\` first`);
  const servers: Server[] = [];
  let browser: Browser | undefined;
  try {
    const starting = [startEdgelit(), ...names.map((name, i) => startStreamlit(python, name, FIRST_STREAMLIT_PORT + i))];
    const started = await Promise.allSettled(starting);
    for (const result of started) if (result.status === "fulfilled") servers.push(result.value);
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const [edgelit, ...streamlits] = servers as [Server, ...Server[]];
    browser = await launchChromium();
    const results: BrowserCaseResult[] = [];
    for (const [i, name] of names.entries()) {
      const steps = loadBrowserSteps(name);
      const [streamlit, ours] = await Promise.all([
        playSide(browser, `${streamlits[i]!.base}/`, steps),
        playSide(browser, `${edgelit.base}/apps/${slugOf(name)}/`, steps),
      ]);
      const result = { name, steps, streamlit, edgelit: ours };
      results.push(result);
      onCase?.(result);
    }
    return results;
  } finally {
    await browser?.close().catch(() => undefined);
    await Promise.all(servers.map((server) => server.stop()));
  }
}

async function main(names: string[]): Promise<number> {
  const python = process.env.STREAMLIT_PYTHON ?? join(REPO, ".venv-st", "bin", "python");
  await playBrowserCases(names.length > 0 ? names : browserCaseNames(), python, (result) => {
    for (const [side, lines] of [["streamlit", result.streamlit], ["edgelit", result.edgelit]] as const) {
      for (const line of lines) process.stdout.write(JSON.stringify({ case: result.name, side, ...line }) + "\n");
    }
  });
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
