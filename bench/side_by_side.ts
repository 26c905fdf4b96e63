/**
 * Edgelit against Python Streamlit in the same Chromium, on the same page (page1000: a
 * "Bump" button and 1000 st.write lines, line 500 showing the counter). Printed, not asserted.
 */
import { chromium, type Browser } from "playwright-core";
import { measurePage, warmUp, type PageFigures } from "./page_figures.ts";
import { edgelitAppUrl, startEdgelit, startStreamlit, streamlitPython, streamlitVersion, type Server } from "./servers.ts";

const CLICKS = 5;
const STREAMLIT_VERSION = "1.64.0";

function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

interface Row {
  label: string;
  value: (f: PageFigures) => number;
  format: (n: number) => string;
}

const ROWS: Row[] = [
  { label: "JS transferred, first load (as served)", value: (f) => f.js.transferred, format: kb },
  { label: "JS decoded, first load", value: (f) => f.js.decoded, format: kb },
  { label: "JS gzip -9 of the same files", value: (f) => f.js.gzip9, format: kb },
  { label: "JS files, first load", value: (f) => f.js.files, format: String },
  { label: "first paint of the 1000 lines", value: (f) => f.firstRenderMs, format: ms },
  { label: "page answers clicks (live)", value: (f) => f.liveMs, format: ms },
  { label: "WebSocket received, first load", value: (f) => f.firstLoadSocket.bytes, format: kb },
  { label: "click -> line 500 updated (median)", value: (f) => median(f.clicks.map((c) => c.ms)), format: ms },
  { label: "WebSocket bytes per click (median)", value: (f) => median(f.clicks.map((c) => c.bytes)), format: (n) => `${n} B` },
  { label: "WebSocket frames per click (median)", value: (f) => median(f.clicks.map((c) => c.frames)), format: String },
];

function printTable(streamlit: PageFigures | null, edgelit: PageFigures): void {
  const cell = (text: string, width: number) => text.padStart(width);
  console.log(`Side by side in Chromium, page1000 (1 button + 1000 st.write lines), ${CLICKS} clicks on Bump:`);
  console.log(`  ${"".padEnd(44)}${cell("Streamlit", 12)}${cell("Edgelit", 12)}${cell("St/Ed", 9)}`);
  for (const row of ROWS) {
    const ed = row.value(edgelit);
    const st = streamlit ? row.value(streamlit) : null;
    const ratio = st === null ? "" : ed === 0 ? "-" : `${(st / ed).toFixed(1)}x`;
    console.log(`  ${row.label.padEnd(44)}${cell(st === null ? "-" : row.format(st), 12)}${cell(row.format(ed), 12)}${cell(ratio, 9)}`);
  }
  for (const [name, f] of [["Streamlit", streamlit], ["Edgelit", edgelit]] as const) {
    if (!f) continue;
    const clicks = f.clicks.map((c) => `${c.ms.toFixed(0)} ms/${c.bytes} B/${c.frames}`).join(", ");
    console.log(`  ${name}: JS content-encoding ${f.js.encodings.join("+")}; WebSocket extensions ${f.socketExtensions}; clicks ${clicks}`);
    if (f.firstLoadSockets > 1) console.log(`  ${name}: the socket reconnected during the first load; its first-load figures are disturbed.`);
    if (f.disturbedClicks > 0) console.log(`  ${name}: ${f.disturbedClicks} click(s) left out, the socket reconnected meanwhile (a source edit under wrangler dev?).`);
  }
}

function printStreamlitMissing(python: string): void {
  console.log(`Python Streamlit is missing (no streamlit importable by ${python}); only Edgelit's column is measured.`);
  console.log("  Install it from /work/main (or point STREAMLIT_PYTHON at another venv or python):");
  console.log(`  python3 -m venv .venv-st && .venv-st/bin/pip install --index-url "$(pip config get global.extra-index-url | cut -d' ' -f1)" streamlit==${STREAMLIT_VERSION}`);
}

async function measure(browser: Browser, url: string): Promise<PageFigures> {
  await warmUp(browser, url);
  return measurePage(browser, url, CLICKS);
}

/** Starts both servers at once (saves time); every server that started lands in `servers`, even if the other fails. */
async function startBoth(python: string | null, servers: Server[]): Promise<[Server, Server | null]> {
  const [edgelit, streamlit] = await Promise.allSettled([startEdgelit(), python === null ? null : startStreamlit(python)]);
  for (const started of [edgelit, streamlit]) if (started.status === "fulfilled" && started.value) servers.push(started.value);
  if (edgelit.status === "rejected") throw edgelit.reason;
  if (streamlit.status === "rejected") throw streamlit.reason;
  return [edgelit.value, streamlit.value];
}

export async function sideBySide(): Promise<void> {
  const python = streamlitPython();
  const version = streamlitVersion(python);
  if (version === null) printStreamlitMissing(python);
  else if (version !== STREAMLIT_VERSION) console.log(`Note: measuring Streamlit ${version}, not ${STREAMLIT_VERSION}.`);

  const servers: Server[] = [];
  let browser: Browser | undefined;
  try {
    // Measured one after the other, while the other server idles.
    const [edgelit, streamlit] = await startBoth(version === null ? null : python, servers);
    browser = await launchBrowser();
    const streamlitFigures = streamlit ? await measure(browser, `${streamlit.base}/`) : null;
    const edgelitFigures = await measure(browser, edgelitAppUrl(edgelit, "page1000"));
    printTable(streamlitFigures, edgelitFigures);
  } finally {
    await browser?.close();
    await Promise.all(servers.map((s) => s.stop()));
  }
}
