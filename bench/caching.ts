/**
 * `npm run bench`: st.cache_data's figures, in-process. The demo app's slow function on a
 * miss, then hits from the isolate's memory tier and from the store behind it. The store here
 * is the in-memory CacheStore standing in for Workers KV: a real KV read adds its network
 * time (a few ms at the edge), which no in-process figure can show.
 */
import { performance } from "node:perf_hooks";
import { load_report } from "../apps/caching/app.ts";
import st from "../sessions/api/index.ts";
import { memoryTier } from "../sessions/cache/data_cache.ts";
import { MemoryCacheStore } from "../sessions/cache/store.ts";
import { AppSession } from "../sessions/engine/app_session.ts";
import { inProcessPlatform } from "../sessions/platform.ts";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A result the size of a small query: 1,000 rows of four columns. */
const thousand_rows = st.cache_data(async function thousand_rows() {
  return Array.from({ length: 1000 }, (_, i) => ({ id: i, name: `row ${i}`, value: i * 1.5, ok: i % 2 === 0 }));
});

async function timeHits(app: string, call: () => Promise<unknown>, runs: number): Promise<{ memory: number; store: number }> {
  const memory: number[] = [];
  const store: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await call();
    memory.push(performance.now() - start);
    // Another isolate, whose memory tier is empty: the store answers.
    memoryTier.dropPrefix(`${app}/`);
    start = performance.now();
    await call();
    store.push(performance.now() - start);
  }
  return { memory: median(memory), store: median(store) };
}

export async function cachingFigures(runs = 500) {
  const platform = inProcessPlatform(`bench-caching-${Date.now()}`, { cache: new MemoryCacheStore() });
  const figures = { miss: 0, report: { memory: 0, store: 0 }, rows: { memory: 0, store: 0 } };
  const script = async () => {
    const start = performance.now();
    await load_report("Europe");
    figures.miss = performance.now() - start;
    await thousand_rows();
    figures.report = await timeHits(platform.app, () => load_report("Europe"), runs);
    figures.rows = await timeHits(platform.app, () => thousand_rows(), runs);
  };
  const session = new AppSession({ script, send: () => {}, platform });
  session.requestRerun();
  await session.idle();
  return figures;
}

export async function printCachingFigures(): Promise<void> {
  const f = await cachingFigures();
  const ms = (n: number) => `${n.toFixed(3)} ms`;
  console.log("st.cache_data, in-process (the store is an in-memory stand-in for Workers KV; median of 500):");
  console.log(`  caching demo's load_report, miss:      ${ms(f.miss)} (the function sleeps 1200 ms)`);
  console.log(`  load_report, hit from memory tier:     ${ms(f.report.memory)}`);
  console.log(`  load_report, hit from the store (KV):  ${ms(f.report.store)} + a KV read's network time`);
  console.log(`  1,000 rows, hit from memory tier:      ${ms(f.rows.memory)}`);
  console.log(`  1,000 rows, hit from the store (KV):   ${ms(f.rows.store)} + a KV read's network time`);
  console.log(`  miss / memory hit:                     ${(f.miss / f.report.memory).toFixed(0)}x`);
}
