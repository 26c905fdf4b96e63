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
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium, type Browser, type BrowserContext, type Page as PlaywrightPage } from "playwright-core";
import { edgelitAppUrl, galleryHostVar, REPO, startServer, type Server } from "../bench/servers.ts";
import { endStep, readPage, type BrowserPage } from "./dom.ts";
import { BROWSER_CASES_DIR, browserCaseNames, loadBrowserSteps, type BrowserStep } from "./steps.ts";

/**
 * A step is over when the app says it is idle, the server has answered the page's last socket
 * frame, the network (socket frames and requests, such as the chunks Streamlit loads widgets
 * from) has been quiet for QUIET_MS (or twice the server's slowest answer in this step, when
 * the machine is busy) and the page read has not changed for STABLE_MS.
 */
const QUIET_MS = 300;
const MAX_QUIET_MS = 3_000;
const STABLE_MS = 300;
const BLANK_STABLE_MS = 1_000;
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
  const registry = join(REPO, "conformance", "catalog.gen.ts");
  if (!existsSync(registry)) return "conformance/catalog.gen.ts is missing";
  const text = readFileSync(registry, "utf8");
  const absent = names.filter((name) => !text.includes(JSON.stringify(slugOf(name))));
  return absent.length > 0 ? `conformance/catalog.gen.ts lacks ${absent.join(", ")}` : null;
}

/**
 * A loopback port the system has free. Fixed ports would collide when two checkouts run the
 * suite at once (a server of the other run would answer for ours).
 */
function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startEdgelit(): Promise<Server> {
  const port = await freePort();
  // Its devtools port too: wrangler's default (9229) is taken whenever another `wrangler dev` runs.
  const inspector = await freePort();
  const storage = mkdtempSync(join(tmpdir(), "edgelit-conformance-"));
  return startServer({
    name: "Edgelit (wrangler dev)",
    command: "npx",
    args: [
      "wrangler", "dev", "-c", "wrangler.conformance.jsonc",
      "--ip", "127.0.0.1", "--port", String(port), ...galleryHostVar(port),
      "--inspector-ip", "127.0.0.1", "--inspector-port", String(inspector),
      "--persist-to", storage, "--show-interactive-dev-session=false",
    ],
    port,
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

/**
 * The i-th visible match, or a clear error naming how many the page has. Visible only:
 * Streamlit keeps a hidden copy of a button that has a tooltip (`help`).
 */
async function nth(page: PlaywrightPage, selector: string, index: number, what: string) {
  const all = page.locator(selector).filter({ visible: true });
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
      const fields = { text_input: '[data-testid="stTextInput"] input', number_input: '[data-testid="stNumberInput"] input', chat_input: '[data-testid="stChatInput"] textarea' };
      const kind = (Object.keys(fields) as (keyof typeof fields)[]).find((k) => typeof s[k] === "number");
      if (!kind) break;
      const input = await nth(page, fields[kind], s[kind] as number, kind);
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
  /** When the page last sent a socket frame, and last received one. */
  sent: number;
  received: number;
  /** The slowest answer to a sent frame during this step: how long the server may stay silent. */
  latency: number;
  /** Socket frames sent during this step, and sockets opened since the page loaded (for CONFORMANCE_DEBUG). */
  sentCount: number;
  sockets: number;
}

function watchTraffic(page: PlaywrightPage): Traffic {
  const traffic: Traffic = { last: Date.now(), open: 0, sent: 0, received: 0, latency: 0, sentCount: 0, sockets: 0 };
  const seen = () => (traffic.last = Date.now());
  page.on("websocket", (ws) => {
    traffic.sockets++;
    ws.on("framesent", () => {
      traffic.sent = seen();
      traffic.sentCount++;
    });
    ws.on("framereceived", () => {
      if (traffic.received < traffic.sent) traffic.latency = Math.max(traffic.latency, Date.now() - traffic.sent);
      traffic.received = seen();
    });
  });
  page.on("request", () => (traffic.open++, seen()));
  const done = () => (traffic.open--, seen());
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return traffic;
}

interface IdleWindow {
  requestIdleCallback(callback: () => void, options: { timeout: number }): void;
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
    // Read when the page's main thread is idle: a starved renderer may not have drawn yet.
    await page.evaluate(() => new Promise((done) => (globalThis as unknown as IdleWindow).requestIdleCallback(() => done(null), { timeout: 500 })));
    const read = await page.evaluate(readPage);
    const current = JSON.stringify(read);
    const now = Date.now();
    if (current !== previous) stableSince = now;
    // Quiet, and the server has answered what the page sent (a slow answer is not idleness).
    // A busy machine answers slowly, and pauses as long between a run and the rerun it asks for.
    const quietFor = Math.min(Math.max(QUIET_MS, 2 * traffic.latency), MAX_QUIET_MS);
    const quiet = traffic.open <= 0 && now - traffic.last >= quietFor && traffic.received >= traffic.sent;
    // A container that shows nothing may hold an element whose code Streamlit is still loading.
    const stable = now - stableSince >= (read.blank > 0 ? BLANK_STABLE_MS : STABLE_MS);
    if (state === "notRunning" && quiet && stable) return read;
    if (now > deadline) throw new Error(`the app was not idle within ${STEP_TIMEOUT_MS / 1000} s (script state ${state ?? "none"}, ${traffic.open} requests open)`);
    previous = current;
    await sleep(POLL_MS);
  }
}

/**
 * Ends a step's toasts: each is reported in the step that showed it (dom.ts), then closed,
 * so that it covers nothing the next step clicks.
 */
async function dismissToasts(page: PlaywrightPage): Promise<void> {
  await page.evaluate(endStep);
  const toasts = page.locator('[data-testid="stToast"]');
  for (let i = (await toasts.count()) - 1; i >= 0; i--) {
    await toasts.nth(i).locator("button").last().click({ timeout: 2_000 }).catch(() => undefined); // it may be leaving already
  }
}

/** One browser context per server for the whole run, so each origin's scripts are cached after its first case. */
async function newSideContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  // tsx compiles with esbuild's keepNames: readPage's inner functions call __name.
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  return context;
}

/** Plays a case's steps on one server, in a new tab: a new session on both servers. */
async function playSide(context: BrowserContext, url: string, steps: BrowserStep[], loaded?: () => void): Promise<SideLine[]> {
  const lines: SideLine[] = [];
  const page = await context.newPage();
  try {
    const traffic = watchTraffic(page);
    for (const [i, step] of steps.entries()) {
      try {
        const started = Date.now();
        traffic.latency = 0;
        traffic.sentCount = 0;
        await act(page, step, url);
        const read = await settle(page, traffic);
        await dismissToasts(page);
        lines.push({ step: i, page: read });
        if (process.env.CONFORMANCE_DEBUG) {
          console.error(`${url} step ${i}: ${Date.now() - started} ms, slowest answer ${traffic.latency} ms, frames sent ${traffic.sentCount}, sockets ${traffic.sockets}`);
        }
      } catch (error) {
        lines.push({ step: i, failure: (error as Error).message.split("\n")[0]! });
        break;
      } finally {
        if (i === 0) loaded?.();
      }
    }
  } finally {
    loaded?.();
    await page.close();
  }
  return lines;
}

/**
 * Starts the servers, plays every case on both and stops everything. Resolves with each
 * case's pages; rejects only when Edgelit's server or Chromium cannot start (a Streamlit
 * server that cannot start fails its case).
 *
 * Streamlit serves one script per server: the cases take turns on two ports, the next
 * case's server starting while the current case plays (after its page has loaded), so
 * that at most two run at once and each port's origin keeps Streamlit's scripts cached.
 */
export async function playBrowserCases(names: string[], python: string, onCase?: (result: BrowserCaseResult) => void): Promise<BrowserCaseResult[]> {
  const missing = missingBuild(names);
  if (missing) throw new Error(`${missing}: run \`npm run build\` first`);
  const t0 = Date.now();
  // Two ports for Streamlit, taken in turns, so that each keeps its origin's scripts cached.
  const streamlitPorts = [await freePort(), await freePort()];
  if (streamlitPorts[0] === streamlitPorts[1]) streamlitPorts[1] = await freePort();
  const streamlitOn = (i: number) => startStreamlit(python, names[i]!, streamlitPorts[i % 2]!);
  const pending = new Set<Promise<Server>>();
  const track = (starting: Promise<Server>) => {
    pending.add(starting);
    starting.catch(() => undefined); // awaited (and reported) in its turn
    return starting;
  };
  let edgelit: Server | undefined;
  let browser: Browser | undefined;
  try {
    let next = names.length > 0 ? track(streamlitOn(0)) : undefined;
    [edgelit, browser] = await Promise.all([startEdgelit(), launchChromium()]);
    if (process.env.CONFORMANCE_DEBUG) console.error(`Edgelit and Chromium up after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const [streamlitContext, edgelitContext] = await Promise.all([newSideContext(browser), newSideContext(browser)]);
    const results: BrowserCaseResult[] = [];
    for (const [i, name] of names.entries()) {
      const steps = loadBrowserSteps(name);
      const starting = next!;
      let streamlit: Server | undefined;
      let result: BrowserCaseResult;
      try {
        streamlit = await starting;
        // The next case's server starts once this page has loaded: both want the CPU.
        const startNext = () => (next ??= i + 1 < names.length ? track(streamlitOn(i + 1)) : undefined);
        next = undefined;
        const [theirs, ours] = await Promise.all([
          playSide(streamlitContext, `${streamlit.base}/`, steps, startNext),
          playSide(edgelitContext, edgelitAppUrl(edgelit, slugOf(name)), steps),
        ]);
        result = { name, steps, streamlit: theirs, edgelit: ours };
      } catch (error) {
        next ??= i + 1 < names.length ? track(streamlitOn(i + 1)) : undefined;
        result = { name, steps, streamlit: [{ step: 0, failure: (error as Error).message.split("\n")[0]! }], edgelit: [] };
      } finally {
        pending.delete(starting);
        await streamlit?.stop();
      }
      results.push(result);
      onCase?.(result);
    }
    return results;
  } finally {
    await browser?.close().catch(() => undefined);
    await edgelit?.stop();
    // A Streamlit server still starting (the run was cut short) is stopped once it is up.
    await Promise.all([...pending].map((starting) => starting.then((server) => server.stop(), () => undefined)));
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
