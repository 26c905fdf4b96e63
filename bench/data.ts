/**
 * The data half's figures, in process (the engine as it runs in an app's isolate): what a large
 * st.dataframe costs to make, send and keep; server sort and search on 1,000,000 rows; bytes of
 * an unchanged rerun and of one add_rows row; gzip sizes of the lazy renderer chunks.
 */
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { AppSession } from "../sessions/engine/app_session.ts";
import type { RowsAnswer, ServerFrame, WireTable } from "../sessions/protocol.ts";
import st from "../sessions/api/index.ts";
import { tableBytes } from "../sessions/data/table.ts";

const bytes = (messages: string[]) => messages.reduce((sum, m) => sum + Buffer.byteLength(m), 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** `rows` × 10 columns: 8 of numbers, one of integers-as-labels, one of text. */
export function wideTable(rows: number): Record<string, Float64Array | string[]> {
  const table: Record<string, Float64Array | string[]> = {};
  for (let c = 0; c < 8; c++) table[`x${c}`] = Float64Array.from({ length: rows }, (_, r) => Math.sin(r * (c + 1)) * 1000);
  table.id = Float64Array.from({ length: rows }, (_, r) => r);
  table.name = Array.from({ length: rows }, (_, r) => `item ${r}`);
  return table;
}

async function largeTable(rows: number) {
  const data = wideTable(rows);
  const messages: string[] = [];
  const session = new AppSession({
    script: () => {
      st.button("Rerun");
      st.dataframe(data);
    },
    send: (m) => messages.push(m),
  });
  let start = performance.now();
  session.requestRerun();
  await session.idle();
  const firstRun = performance.now() - start;
  const firstBytes = bytes(messages);
  const wire = findTable(session);
  const button = (session.tree.roots[0]!.children[0] as { props: { id: string } }).props.id;
  messages.length = 0;
  start = performance.now();
  session.handleFrame({ t: "widget", id: button, value: true });
  await session.idle();
  const rerun = performance.now() - start;
  const rerunBytes = bytes(messages);

  const ask = async (request: Record<string, unknown>) => {
    const replies: ServerFrame[] = [];
    const t0 = performance.now();
    session.handleMessage(JSON.stringify({ t: "rows", req: 1, table: wire.id, ...request }), (f) => replies.push(f));
    await session.idle();
    return { ms: performance.now() - t0, answer: replies[0] as RowsAnswer, bytes: Buffer.byteLength(JSON.stringify(replies)) };
  };
  const end = await ask({ start: rows - 50, count: 50 });
  const sortCold = await ask({ start: 0, count: 50, sort: [{ column: 0, desc: true }] });
  const sortWarm = await ask({ start: rows / 2, count: 50, sort: [{ column: 0, desc: true }] });
  const searchCold = await ask({ start: 0, count: 50, search: "item 99999" });
  const searchWarm = await ask({ start: 0, count: 50, search: "item 12345" });
  return {
    firstRun,
    firstBytes,
    rerun,
    rerunBytes,
    memory: tableBytes(session.tables.get(wire.id)!),
    persisted: Buffer.byteLength(JSON.stringify(session.toPersisted())),
    end,
    sortCold,
    sortWarm,
    searchCold,
    searchWarm,
  };
}

function findTable(session: AppSession): WireTable {
  for (const node of session.tree.roots[0]!.children) {
    const table = (node.props as { table?: WireTable }).table;
    if (table) return table;
  }
  throw new Error("no table on the page");
}

async function addRowsBytes() {
  const messages: string[] = [];
  let perRow: number[] = [];
  const session = new AppSession({
    script: async () => {
      const chart = st.dataframe({ A: [1, 2, 3], B: [4, 5, 6], C: [7, 8, 9] });
      for (let i = 0; i < 10; i++) {
        const before = messages.length;
        chart.add_rows([{ A: Math.random(), B: Math.random(), C: Math.random() }]);
        await st.sleep(0);
        perRow.push(bytes(messages.slice(before)));
      }
    },
    send: (m) => messages.push(m),
  });
  session.requestRerun();
  await session.idle();
  perRow = perRow.filter((n) => n > 0);
  return Math.max(...perRow);
}

/** Gzip size of each lazy chunk of the client build (the grid, the charts, uploads...). */
function lazyChunks(): { name: string; gzip: number }[] {
  const dir = "dist/public/client/chunks";
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  } catch {
    return [];
  }
  return files.map((name) => ({ name, gzip: gzipSync(readFileSync(`${dir}/${name}`), { level: 9 }).length })).sort((a, b) => b.gzip - a.gzip);
}

export async function printDataFigures(): Promise<void> {
  for (const rows of [100_000, 1_000_000]) {
    const f = await largeTable(rows);
    console.log(`st.dataframe of ${rows.toLocaleString("en")} rows x 10 columns, in process (the app's isolate):`);
    console.log(`  first run (build + digest + first rows): ${f.firstRun.toFixed(0)} ms, ${kb(f.firstBytes)} on the socket (Streamlit 1.64: 3.29 MB at 100,000 x 3; 41 KB lazy at 1,000,000)`);
    console.log(`  rerun, table unchanged:                  ${f.rerun.toFixed(0)} ms, ${f.rerunBytes} B (no table bytes; Streamlit re-sends 84 KB)`);
    console.log(`  rows at the end (50):                    ${f.end.ms.toFixed(1)} ms, ${kb(f.end.bytes)}`);
    console.log(`  server sort, first / next window:        ${f.sortCold.ms.toFixed(0)} ms / ${f.sortWarm.ms.toFixed(1)} ms`);
    console.log(`  server search, first / next search:      ${f.searchCold.ms.toFixed(0)} ms / ${f.searchWarm.ms.toFixed(0)} ms (${f.searchCold.answer.total} / ${f.searchWarm.answer.total} hits)`);
    console.log(`  memory of the kept table:                ${mb(f.memory)}; stored with the session: ${kb(f.persisted)} (the first rows only; a restarted session rebuilds the table by rerunning)`);
  }
  console.log(`add_rows of one row (3 columns) to a dataframe: ${await addRowsBytes()} B per row`);
  const chunks = lazyChunks();
  if (chunks.length > 0) {
    console.log("Lazy client chunks (gzip):");
    for (const chunk of chunks.slice(0, 12)) console.log(`  ${chunk.name.padEnd(40)} ${kb(chunk.gzip)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await printDataFigures();
