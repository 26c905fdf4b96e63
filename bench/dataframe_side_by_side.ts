/**
 * Large dataframes in the same Chromium: Edgelit's big-dataframe app against its Python original
 * (bench/big_dataframe.py) under Streamlit, at 100,000 × 3 and 1,000,000 × 10. Printed, not asserted:
 * socket bytes to first paint, time to first paint (cold: a new browser context; warm: again),
 * scroll to the last row, bytes of a rerun that leaves the table as it was.
 */
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import { edgelitAppUrl, REPO, startEdgelit, startServer, streamlitPython, streamlitVersion, type Server } from "./servers.ts";

const SIZES = [
  { rows: 100_000, cols: 3 },
  { rows: 1_000_000, cols: 10 },
];

interface Figures {
  firstPaintMs: number;
  firstPaintBytes: number;
  warmPaintMs: number;
  scrollEndMs: number;
  rerunBytes: number;
}

interface Side {
  name: string;
  url(rows: number, cols: number): string;
  /** A page expression: a promise of performance.now() when the grid first shows cells. */
  firstPaint: string;
  scrollToEnd(page: Page, log: SocketLog, rows: number): Promise<number>;
  rerun: string;
}

class SocketLog {
  readonly frames: { at: number; bytes: number }[] = [];
  constructor(cdp: CDPSession) {
    cdp.on("Network.webSocketFrameReceived", ({ response }) => {
      const bytes = response.opcode === 2 ? Buffer.from(response.payloadData, "base64").length : Buffer.byteLength(response.payloadData);
      this.frames.push({ at: Date.now(), bytes });
    });
  }
  bytesSince(index: number): number {
    return this.frames.slice(index).reduce((sum, f) => sum + f.bytes, 0);
  }
  /** Waits until no frame has come for `ms`, counting from `since` at the earliest. */
  async quiet(ms: number, since = 0, limitMs = 30_000): Promise<void> {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const last = Math.max(since, this.frames.at(-1)?.at ?? 0);
      if (Date.now() - last >= ms || Date.now() > deadline) return;
      await sleep(20);
    }
  }
}

const paintProbe = (selector: string) => `new Promise((resolve) => {
  const done = () => document.querySelector(${JSON.stringify(selector)});
  if (done()) return requestAnimationFrame(() => resolve(performance.now()));
  const observer = new MutationObserver(() => {
    if (done()) {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})`;

const EDGELIT_CELL = '[data-testid="stDataFrame"] [role="row"][aria-rowindex="2"] [role="gridcell"]';

const edgelit = (server: Server): Side => ({
  name: "Edgelit",
  url: (rows, cols) => edgelitAppUrl(server, "big-dataframe", `/?rows=${rows}&cols=${cols}`),
  firstPaint: paintProbe(EDGELIT_CELL),
  async scrollToEnd(page, _log, rows) {
    const last = String(rows - 1);
    // Scrolls the grid to its end and resolves when the last row's index shows.
    return page.evaluate<number>(`new Promise((resolve) => {
      const scroller = document.querySelector('[data-testid="stDataFrame"] [role="grid"]');
      const start = performance.now();
      const shows = () => [...document.querySelectorAll('[data-testid="stDataFrame"] [role="row"]')].some((row) => row.textContent.trim().startsWith(${JSON.stringify(last)}));
      const observer = new MutationObserver(() => {
        if (shows()) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        }
      });
      observer.observe(scroller, { childList: true, subtree: true, characterData: true });
      scroller.scrollTop = scroller.scrollHeight;
    })`);
  },
  rerun: '[data-testid="stButton"] button',
});

const streamlit = (server: Server): Side => ({
  name: "Streamlit",
  url: (rows, cols) => `${server.base}/?rows=${rows}&cols=${cols}`,
  // glide-data-grid draws on a canvas: the first paint is the canvas's first frame.
  firstPaint: paintProbe('[data-testid="stDataFrame"] canvas'),
  async scrollToEnd(page, log) {
    // The canvas shows no text to wait for: the end is the last rows' frame arriving (lazy mode), and a frame after it.
    const before = log.frames.length;
    const start = Date.now();
    await page.evaluate(`(() => { const s = document.querySelector('[data-testid="stDataFrame"] .dvn-scroller'); s.scrollTop = s.scrollHeight; })()`);
    await log.quiet(300, start);
    const lastFrame = log.frames.slice(before).at(-1)?.at ?? start;
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
    return Math.max(lastFrame, start) - start + 16;
  },
  rerun: '[data-testid="stButton"] button',
});

async function measure(browser: Browser, side: Side, rows: number, cols: number): Promise<Figures> {
  const url = side.url(rows, cols);
  const load = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const log = new SocketLog(cdp);
    await cdp.send("Network.enable");
    await page.goto(url);
    const paintedAt = await page.evaluate<number>(side.firstPaint);
    return { context, page, log, paintedAt, paintBytes: log.bytesSince(0) };
  };
  const cold = await load();
  await cold.log.quiet(500);
  await cold.context.close();
  const warm = await load();
  await warm.log.quiet(500);
  const scrollEndMs = await side.scrollToEnd(warm.page, warm.log, rows);
  await warm.log.quiet(500);
  const before = warm.log.frames.length;
  await warm.page.locator(side.rerun).first().click();
  await sleep(300);
  await warm.log.quiet(500);
  const rerunBytes = warm.log.bytesSince(before);
  await warm.context.close();
  return { firstPaintMs: cold.paintedAt, firstPaintBytes: cold.paintBytes, warmPaintMs: warm.paintedAt, scrollEndMs, rerunBytes };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

export async function dataframeSideBySide(): Promise<void> {
  const python = streamlitPython();
  const version = streamlitVersion(python);
  const servers: Server[] = [];
  let browser: Browser | undefined;
  try {
    const started = await Promise.all([
      startEdgelit(8796),
      version === null
        ? null
        : startServer({
            name: "Streamlit",
            command: python,
            args: ["-m", "streamlit", "run", join(REPO, "bench", "big_dataframe.py"), "--server.port", "8797", "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false", "--global.developmentMode", "false"],
            port: 8797,
          }),
    ]);
    for (const s of started) if (s) servers.push(s);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-quic"] });
    const sides = [edgelit(started[0]), ...(started[1] ? [streamlit(started[1])] : [])];
    if (!started[1]) console.log(`Streamlit is not installed at ${python}: Edgelit's column only.`);
    for (const { rows, cols } of SIZES) {
      const figures: Figures[] = [];
      for (const side of sides) figures.push(await measure(browser, side, rows, cols));
      console.log(`st.dataframe, ${rows.toLocaleString("en")} rows × ${cols} columns, Chromium (${sides.map((s) => s.name).join(" | ")}${sides.length > 1 ? " | ratio" : ""}):`);
      const row = (label: string, value: (f: Figures) => number, format: (n: number) => string) => {
        const values = figures.map(value);
        const ratio = values.length > 1 && values[0]! > 0 ? ` | ${(values[1]! / values[0]!).toFixed(1)}x` : "";
        console.log(`  ${label.padEnd(34)} ${values.map(format).join(" | ")}${ratio}`);
      };
      row("socket bytes to first paint", (f) => f.firstPaintBytes, kb);
      row("first paint, cold", (f) => f.firstPaintMs, ms);
      row("first paint, warm", (f) => f.warmPaintMs, ms);
      row("scroll to the last row", (f) => f.scrollEndMs, ms);
      row("bytes of a rerun, table unchanged", (f) => f.rerunBytes, kb);
    }
  } finally {
    await browser?.close();
    await Promise.all(servers.map((s) => s.stop()));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await dataframeSideBySide();
