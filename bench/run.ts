/**
 * `npm run bench`: the figures Edgelit is judged by, printed, not asserted.
 * - bytes on the wire for a click that changes one line of the 1000-element page;
 * - bytes that click writes to the session's Durable Object storage;
 * - in-process time of a rerun + diff of that page;
 * - gzip size of the client's first-load JavaScript;
 * - what the app's own isolate costs a click, its cold start and its memory (./isolate.ts);
 * - large dataframes: bytes, sort, search, memory, unchanged reruns, add_rows, lazy chunks (./data.ts).
 * With `--load`, only the load bench: many sessions at once, beside Streamlit (./load.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { apps } from "../apps/registry.gen.ts";
import { AppSession } from "../sessions/engine/app_session.ts";
import { MemoryStorage } from "../sessions/persistence/memory_storage.ts";
import { SessionStore } from "../sessions/persistence/store.ts";
import type { ServerFrame, TreeNode } from "../sessions/protocol.ts";
import st from "../sessions/api/index.ts";

// `npm run bench -- --load`: the load bench alone (servers of its own, a few minutes; bench/load.ts).
if (process.argv.includes("--load")) {
  await (await import("./load.ts")).loadBench();
  process.exit(0);
}

const bytes = (messages: string[]) => messages.reduce((sum, m) => sum + Buffer.byteLength(m), 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function wireBytes() {
  const script = apps.find((app) => app.slug === "page1000")!.script;
  const messages: string[] = [];
  const session = new AppSession({ script, send: (m) => messages.push(m) });
  session.requestRerun();
  await session.idle();
  const firstRun = bytes(messages);
  const snapshot = Buffer.byteLength(JSON.stringify([session.snapshotFrame()]));

  const button = session.tree.roots[0]!.children[0] as Extract<TreeNode, { kind: "button" }>;
  messages.length = 0;
  session.handleMessage(JSON.stringify({ t: "widget", id: button.props.id, value: true }));
  await session.idle();
  const click = bytes(messages);
  const changed = session.tree.roots[0]!.children[500]!;
  const ownEncoding = Buffer.byteLength(JSON.stringify(changed));
  const frames = messages.flatMap((m) => JSON.parse(m) as ServerFrame[]);
  return { firstRun, snapshot, click, ownEncoding, messages: messages.length, frames: frames.map((f) => f.t).join(",") };
}

/** What the session's saves write to storage (in memory here, with Durable Object storage's API). */
async function storageBytes() {
  const script = apps.find((app) => app.slug === "page1000")!.script;
  const storage = new MemoryStorage();
  const store = new SessionStore(storage);
  await store.load();
  const session = new AppSession({ script, send: () => {}, persist: async (s) => void (await store.save(s)) });
  session.requestRerun();
  await session.idle();
  const first = { bytes: storage.bytesWritten, keys: storage.keysWritten };
  const whole = Buffer.byteLength(JSON.stringify(session.toPersisted()));
  const button = session.tree.roots[0]!.children[0] as Extract<TreeNode, { kind: "button" }>;
  storage.resetCounts();
  session.handleFrame({ t: "widget", id: button.props.id, value: true });
  await session.idle();
  return { first, whole, click: { bytes: storage.bytesWritten, keys: storage.keysWritten, deleted: storage.keysDeleted } };
}

async function rerunTimes(runs: number) {
  const script = apps.find((app) => app.slug === "page1000")!.script;
  const session = new AppSession({ script, send: () => {} });
  session.requestRerun();
  await session.idle();
  const button = session.tree.roots[0]!.children[0] as Extract<TreeNode, { kind: "button" }>;
  const unchanged: number[] = [];
  const clicked: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    session.requestRerun();
    await session.idle();
    unchanged.push(performance.now() - start);
    start = performance.now();
    session.handleFrame({ t: "widget", id: button.props.id, value: true });
    await session.idle();
    clicked.push(performance.now() - start);
  }
  return { unchanged: median(unchanged), clicked: median(clicked) };
}

/** A 1000-line page whose counter and its button live in a fragment, with a page-level button too. */
function fragmentPage() {
  st.button("Rerun the page");
  for (let i = 1; i <= 499; i++) st.write(`Line ${i}: the quick brown fox jumps over the lazy dog`);
  st.fragment(() => {
    if (!("counter" in st.session_state)) st.session_state.counter = 0;
    if (st.button("Bump")) st.session_state.counter += 1;
    st.write(`Line 500: counter is ${st.session_state.counter}`);
  })();
  for (let i = 501; i <= 1000; i++) st.write(`Line ${i}: the quick brown fox jumps over the lazy dog`);
}

/** Click to last delta, for a click inside the fragment and for one that reruns the whole page. */
async function fragmentTimes(runs: number) {
  const messages: string[] = [];
  const session = new AppSession({ script: fragmentPage, send: (m) => messages.push(m) });
  session.requestRerun();
  await session.idle();
  const idOf = (label: string) => JSON.stringify(session.tree.roots).match(new RegExp(`"label":"${label}"[^}]*?"id":"([^"]+)"|"id":"([^"]+)","label":"${label}"`))!.slice(1).find(Boolean)!;
  const bump = idOf("Bump");
  const page = idOf("Rerun the page");
  const fragment: number[] = [];
  const full: number[] = [];
  let fragmentBytes = 0;
  let fullBytes = 0;
  for (let i = 0; i < runs; i++) {
    messages.length = 0;
    let start = performance.now();
    session.handleFrame({ t: "widget", id: bump, value: true });
    await session.idle();
    fragment.push(performance.now() - start);
    fragmentBytes = bytes(messages);
    messages.length = 0;
    start = performance.now();
    session.handleFrame({ t: "widget", id: page, value: true });
    await session.idle();
    full.push(performance.now() - start);
    fullBytes = bytes(messages);
  }
  return { fragment: median(fragment), full: median(full), fragmentBytes, fullBytes };
}

function clientSize() {
  const file = "dist/public/client/edgelit.js";
  const css = "dist/public/client/edgelit.css";
  if (!existsSync(file)) return null;
  // The entry and the chunks it imports statically (solid-js is a chunk of its own, vite.config.ts):
  // all of them load before the first paint; dynamic imports load on demand and are not counted.
  const files = new Set<string>([file]);
  for (const path of files) {
    const text = readFileSync(path, "utf8");
    for (const [, name] of text.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["']\.\/(chunks\/[^"']+\.js|[^"'/]+\.js)["']/g)) {
      files.add(path.includes("/chunks/") ? `dist/public/client/chunks/${name!.replace(/^chunks\//, "")}` : `dist/public/client/${name}`);
    }
  }
  const js = Buffer.concat([...files].map((path) => readFileSync(path)));
  return {
    raw: js.length,
    gzip: [...files].reduce((sum, path) => sum + gzipSync(readFileSync(path), { level: 9 }).length, 0),
    cssGzip: existsSync(css) ? gzipSync(readFileSync(css), { level: 9 }).length : 0,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const wire = await wireBytes();
console.log("Wire bytes, page1000 (1 button + 1000 st.write lines), one click changing line 500:");
console.log(`  full render (first run):        ${wire.firstRun} B (${kb(wire.firstRun)})`);
console.log(`  full render (snapshot frame):   ${wire.snapshot} B`);
console.log(`  click:                          ${wire.click} B in ${wire.messages} message(s) [${wire.frames}]`);
console.log(`  the changed element's encoding: ${wire.ownEncoding} B`);
console.log(`  click / element:                ${(wire.click / wire.ownEncoding).toFixed(2)}x (target <= 2x)`);
console.log(`  full render / click:            ${(wire.firstRun / wire.click).toFixed(0)}x smaller`);

const saved = await storageBytes();
console.log("Durable Object storage, page1000 (the session saved in chunks after every run):");
console.log(`  first save:                     ${saved.first.bytes} B (${kb(saved.first.bytes)}) in ${saved.first.keys} keys; the session whole is ${kb(saved.whole)}`);
console.log(`  per save, one click:            ${saved.click.bytes} B in ${saved.click.keys} key(s) written, ${saved.click.deleted} deleted`);

const times = await rerunTimes(200);
console.log("In-process rerun + diff of page1000 (median of 200):");
console.log(`  rerun, nothing changed:         ${times.unchanged.toFixed(3)} ms`);
console.log(`  click (callback + rerun + diff): ${times.clicked.toFixed(3)} ms (target <= 2 ms)`);

const fragments = await fragmentTimes(200);
console.log("In-process, a 1000-line page with line 500 and its Bump button in st.fragment (median of 200):");
console.log(`  click in the fragment -> last delta: ${fragments.fragment.toFixed(3)} ms, ${fragments.fragmentBytes} B`);
console.log(`  click that reruns the whole page:   ${fragments.full.toFixed(3)} ms, ${fragments.fullBytes} B`);
console.log(`  full / fragment:                    ${(fragments.full / fragments.fragment).toFixed(1)}x`);

await (await import("./caching.ts")).printCachingFigures();

await (await import("./data.ts")).printDataFigures();

const client = clientSize();
if (client) {
  console.log("Client first load:");
  console.log(`  edgelit.js: ${kb(client.raw)} raw, ${kb(client.gzip)} gzip (target <= 30 KB); edgelit.css ${kb(client.cssGzip)} gzip`);
} else {
  console.log("Client first load: dist/public/client/edgelit.js not built (run `npm run build`).");
}
// `npm run bench -- --quick` skips the runs that start servers (the isolate figures, the side by side).
if (!process.argv.includes("--quick")) await (await import("./isolate.ts")).printIsolateFigures();
if (!process.argv.includes("--quick")) await (await import("./side_by_side.ts")).sideBySide();
if (!process.argv.includes("--quick")) await (await import("./dataframe_side_by_side.ts")).dataframeSideBySide();
