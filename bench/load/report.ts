/** The load bench's table: Streamlit and Edgelit side by side for one app and one number of sessions. */
import type { ClientResult, LatencySet, PhaseName } from "./scenario.ts";

export interface Measured {
  result: ClientResult | null;
  /** Why there is no result (the server did not start, the client failed). */
  problem?: string;
  /** 1-minute load average before and after the run. */
  load: [number, number];
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

const errorCount = (set: LatencySet) => Object.values(set.errors).reduce((sum, n) => sum + n, 0);

interface Row {
  label: string;
  /** The figure of one side, or null when it has none. */
  value: (r: ClientResult) => number | null;
  format: (n: number) => string;
  /** How many times better Edgelit is: "lower" when less is better, "higher" when more is. */
  better?: "lower" | "higher";
}

const ms = (n: number) => (n < 10 ? `${n.toFixed(1)} ms` : `${n.toFixed(0)} ms`);
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
const perSecond = (n: number) => `${n.toFixed(0)}/s`;

function phaseOf(r: ClientResult, name: PhaseName) {
  return r.phases.find((p) => p.name === name);
}

function phaseRows(name: PhaseName, title: string): Row[] {
  return [
    { label: `${title}: click -> answer p50`, value: (r) => percentile(phaseOf(r, name)?.latencies ?? [], 0.5), format: ms, better: "lower" },
    { label: `${title}: click -> answer p99`, value: (r) => percentile(phaseOf(r, name)?.latencies ?? [], 0.99), format: ms, better: "lower" },
    {
      label: `${title}: answers per second (reruns)`,
      value: (r) => {
        const phase = phaseOf(r, name);
        return phase && phase.wallMs > 0 ? phase.latencies.length / (phase.wallMs / 1000) : null;
      },
      format: perSecond,
      better: "higher",
    },
    { label: `${title}: clicks answered / sent`, value: (r) => phaseOf(r, name)?.latencies.length ?? null, format: String },
  ];
}

const ROWS: Row[] = [
  { label: "sessions connected", value: (r) => r.sessions, format: String },
  { label: "connect -> page shown p50", value: (r) => percentile(r.connect.latencies, 0.5), format: ms, better: "lower" },
  { label: "connect -> page shown p99", value: (r) => percentile(r.connect.latencies, 0.99), format: ms, better: "lower" },
  { label: "all sessions connected in", value: (r) => r.connect.wallMs, format: ms, better: "lower" },
  ...phaseRows("think", "think 1-3 s"),
  ...phaseRows("burst", "burst"),
  { label: "errors (connect + clicks)", value: (r) => errorCount(r.connect) + r.phases.reduce((sum, p) => sum + errorCount(p), 0), format: String },
  { label: "sessions whose count was wrong", value: (r) => r.stateMismatches, format: String },
  { label: "server RSS before", value: (r) => r.rssKb.before, format: mb },
  { label: "server RSS after", value: (r) => r.rssKb.after, format: mb },
  {
    label: "server RSS per session",
    value: (r) => (r.rssKb.before !== null && r.rssKb.after !== null && r.sessions > 0 ? (r.rssKb.after - r.rssKb.before) / r.sessions : null),
    format: (kb) => `${kb.toFixed(0)} KB`,
    better: "lower",
  },
  { label: "load client's own CPU", value: (r) => r.clientCpuMs, format: (n) => `${(n / 1000).toFixed(1)} s` },
];

function ratio(row: Row, st: number | null, ed: number | null): string {
  if (!row.better || st === null || ed === null || st <= 0 || ed <= 0) return "";
  return `${(row.better === "lower" ? st / ed : ed / st).toFixed(1)}x`;
}

function sentOf(r: ClientResult | null, row: Row): string {
  const name = row.label.startsWith("burst") ? "burst" : "think";
  return r ? `/${phaseOf(r, name)?.sent ?? 0}` : "";
}

export function printGroup(app: string, sessions: number, streamlit: Measured | null, edgelit: Measured): void {
  const cell = (text: string, width: number) => text.padStart(width);
  const loads = (m: Measured | null) => (m ? `${m.load[0].toFixed(1)}-${m.load[1].toFixed(1)}` : "-");
  console.log(`  ${app}, ${sessions} sessions (load average ${loads(streamlit)} during Streamlit's run, ${loads(edgelit)} during Edgelit's)`);
  console.log(`    ${"".padEnd(40)}${cell("Streamlit", 14)}${cell("Edgelit", 14)}${cell("Ed better", 11)}`);
  for (const row of ROWS) {
    const st = streamlit?.result ? row.value(streamlit.result) : null;
    const ed = edgelit.result ? row.value(edgelit.result) : null;
    const sent = row.label.endsWith("answered / sent");
    const show = (v: number | null, m: Measured | null) => (v === null ? "-" : row.format(v) + (sent ? sentOf(m?.result ?? null, row) : ""));
    console.log(`    ${row.label.padEnd(40)}${cell(show(st, streamlit), 14)}${cell(show(ed, edgelit), 14)}${cell(ratio(row, st, ed), 11)}`);
  }
  for (const [name, m] of [["Streamlit", streamlit], ["Edgelit", edgelit]] as const) {
    if (m?.problem) console.log(`    ${name}: ${m.problem}`);
    const errors = m?.result ? [["connect", m.result.connect.errors] as const, ...m.result.phases.map((p) => [p.name, p.errors] as const)] : [];
    const listed = errors.flatMap(([phase, e]) => Object.entries(e).map(([kind, n]) => `${phase} ${kind} x${n}`));
    if (listed.length > 0) console.log(`    ${name} errors: ${listed.join(", ")}`);
  }
}
