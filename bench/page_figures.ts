/**
 * What one server costs the browser for page1000, measured in a fresh Chromium context
 * through the DevTools protocol: JavaScript on first load, time to the 1000th line, and
 * the WebSocket traffic and latency of clicks on "Bump".
 *
 * In-page code is passed as strings: the project's tsconfig has no DOM types.
 */
import { gzipSync } from "node:zlib";
import { setTimeout as sleep } from "node:timers/promises";
import type { Browser, CDPSession, Page } from "playwright-core";

const LINES = '[data-testid="stMarkdown"]';
const BUTTON = '[data-testid="stButton"] button';
const NOT_RUNNING = '[data-testid="stApp"][data-test-script-state="notRunning"]';
const QUIET_MS = 500;

export interface PageFigures {
  js: { files: number; transferred: number; decoded: number; gzip9: number; encodings: string[] };
  firstRenderMs: number;
  /** From navigation start until the page answers clicks (connected, its run over). */
  liveMs: number;
  firstLoadSocket: { bytes: number; frames: number };
  socketExtensions: string;
  /** Sockets the first load opened; more than one means it reconnected. */
  firstLoadSockets: number;
  clicks: Click[];
  /** Clicks left out because the socket reconnected meanwhile (wrangler dev reloads on a source edit). */
  disturbedClicks: number;
}

export interface Click {
  ms: number;
  bytes: number;
  frames: number;
}

/** Network events of one page, collected over CDP. */
class NetworkLog {
  /** Payload bytes of each WebSocket frame received. */
  readonly frames: number[] = [];
  readonly scripts: { transferred: number; decoded: number; gzip9: number; encoding: string }[] = [];
  socketExtensions = "";
  sockets = 0;
  lastRequestAt = Date.now();
  private inFlight = new Set<string>();
  private scriptEncodings = new Map<string, string>();
  private pendingBodies: Promise<void>[] = [];

  constructor(private readonly cdp: CDPSession) {
    cdp.on("Network.requestWillBeSent", ({ requestId }) => {
      this.inFlight.add(requestId);
      this.lastRequestAt = Date.now();
    });
    cdp.on("Network.responseReceived", ({ requestId, type, response }) => {
      if (type === "Script" || /javascript/.test(response.mimeType)) {
        this.scriptEncodings.set(requestId, header(response.headers, "content-encoding") || "identity");
      }
    });
    cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
      this.inFlight.delete(requestId);
      const encoding = this.scriptEncodings.get(requestId);
      if (encoding !== undefined) this.pendingBodies.push(this.addScript(requestId, encodedDataLength, encoding));
    });
    cdp.on("Network.loadingFailed", ({ requestId }) => this.inFlight.delete(requestId));
    cdp.on("Network.webSocketCreated", () => this.sockets++);
    cdp.on("Network.webSocketHandshakeResponseReceived", ({ response }) => {
      this.socketExtensions = header(response.headers, "sec-websocket-extensions") || "none";
    });
    cdp.on("Network.webSocketFrameReceived", ({ response }) => {
      // CDP hands over the payload after any permessage-deflate; binary payloads come base64-encoded.
      const bytes = response.opcode === 2 ? Buffer.from(response.payloadData, "base64").length : Buffer.byteLength(response.payloadData);
      this.frames.push(bytes);
    });
  }

  get idle(): boolean {
    return this.inFlight.size === 0 && Date.now() - this.lastRequestAt > 1000;
  }

  async scriptBodies(): Promise<void> {
    await Promise.all(this.pendingBodies);
  }

  private async addScript(requestId: string, transferred: number, encoding: string): Promise<void> {
    const { body, base64Encoded } = await this.cdp.send("Network.getResponseBody", { requestId });
    const decoded = Buffer.from(body, base64Encoded ? "base64" : "utf8");
    this.scripts.push({ transferred, decoded: decoded.length, gzip9: gzipSync(decoded, { level: 9 }).length, encoding });
  }
}

function header(headers: Record<string, string>, name: string): string {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? "";
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Resolves with the time from navigation start (performance.now()) at which the 1000th line
 * is painted: it exists (from the HTML parser, or a script), then the frame that shows it
 * (a requestAnimationFrame, and the task after it). A promise read by page.evaluate, not
 * waitForFunction: the pages' CSP forbids the eval that a string predicate needs, while
 * DevTools evaluation is exempt. Also records when the page first answers clicks (stApp says
 * notRunning), as `__benchLive`.
 */
const FIRST_RENDER_PROBE = `window.__benchFirstRender = new Promise((resolve) => {
  let seen = false;
  const observer = new MutationObserver(() => {
    if (!seen && document.querySelectorAll(${JSON.stringify(LINES)}).length >= 1000) {
      seen = true;
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
    }
    if (document.querySelector(${JSON.stringify(NOT_RUNNING)})) {
      window.__benchLive = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})`;

/** Clicks Bump in the page and resolves with the ms until line 500 reads the expected text. */
const clickProbe = (expected: string) => `new Promise((resolve) => {
  const shows = () => document.querySelectorAll(${JSON.stringify(LINES)})[499]?.textContent?.trim() === ${JSON.stringify(expected)};
  const observer = new MutationObserver(() => {
    if (shows()) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const start = performance.now();
  document.querySelector(${JSON.stringify(BUTTON)}).click();
})`;

const line500 = (counter: number) => `Line 500: counter is ${counter}`;

/** Waits until the run has ended and no frame has arrived for QUIET_MS. */
async function settle(page: Page, log: NetworkLog): Promise<void> {
  for (;;) {
    const seen = log.frames.length;
    await page.locator(NOT_RUNNING).waitFor({ timeout: 60_000 });
    await sleep(QUIET_MS);
    if (log.frames.length === seen) return;
  }
}

async function firstLoad(page: Page, log: NetworkLog, url: string) {
  await page.addInitScript(FIRST_RENDER_PROBE);
  await page.goto(url);
  const firstRenderMs = await withTimeout(page.evaluate<number>("window.__benchFirstRender"), 120_000, `first render of ${url}`);
  await settle(page, log);
  const liveMs = await page.evaluate<number>("window.__benchLive");
  // Lazy chunks the client fetches once the page is up still count as first load.
  for (let waited = 0; !log.idle && waited < 15_000; waited += 100) await sleep(100);
  await log.scriptBodies();
  await checkPage(page);
  return {
    firstRenderMs,
    liveMs,
    firstLoadSocket: { bytes: sum(log.frames), frames: log.frames.length },
    firstLoadSockets: log.sockets,
  };
}

/** Guards the figures: exactly the 1000 lines, line 500 at index 499. */
async function checkPage(page: Page): Promise<void> {
  const lines = await page.locator(LINES).count();
  const line = (await page.locator(LINES).nth(499).textContent())?.trim();
  if (lines !== 1000 || line !== line500(0)) {
    throw new Error(`${page.url()}: expected 1000 lines with "${line500(0)}" 500th, got ${lines} lines, 500th "${line}"`);
  }
}

async function click(page: Page, log: NetworkLog, counter: number): Promise<Click & { reconnected: boolean }> {
  const before = log.frames.length;
  const sockets = log.sockets;
  const ms = await withTimeout(page.evaluate<number>(clickProbe(line500(counter))), 60_000, `click ${counter} on ${page.url()}`);
  await settle(page, log);
  const frames = log.frames.slice(before);
  return { ms, bytes: sum(frames), frames: frames.length, reconnected: log.sockets !== sockets };
}

/** `count` clicks undisturbed by a reconnect, giving up after twice as many attempts. */
async function clicks(page: Page, log: NetworkLog, count: number) {
  const clean: Click[] = [];
  let disturbed = 0;
  for (let counter = 1; clean.length < count && counter <= 2 * count; counter++) {
    const { reconnected, ...figures } = await click(page, log, counter);
    if (reconnected) disturbed++;
    else clean.push(figures);
  }
  if (clean.length === 0) throw new Error(`${page.url()}: every click was disturbed by a reconnect`);
  return { clicks: clean, disturbedClicks: disturbed };
}

export async function measurePage(browser: Browser, url: string, clickCount: number): Promise<PageFigures> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const log = new NetworkLog(cdp);
    await cdp.send("Network.enable");
    const load = await firstLoad(page, log, url);
    const clickFigures = await clicks(page, log, clickCount);
    return {
      js: {
        files: log.scripts.length,
        transferred: sum(log.scripts.map((s) => s.transferred)),
        decoded: sum(log.scripts.map((s) => s.decoded)),
        gzip9: sum(log.scripts.map((s) => s.gzip9)),
        encodings: [...new Set(log.scripts.map((s) => s.encoding))],
      },
      ...load,
      socketExtensions: log.socketExtensions,
      ...clickFigures,
    };
  } finally {
    await context.close();
  }
}

/** Loads the page once in a throwaway context, so neither server is measured cold. */
export async function warmUp(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(LINES).nth(999).waitFor({ timeout: 120_000 });
  } finally {
    await context.close();
  }
}
