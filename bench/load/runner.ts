/**
 * A load run over any kind of session: N sessions connect (a bounded ramp), then go through the
 * scenario's phases together (think: a click every 1-3 s after each answer; burst: clicks as
 * fast as answers come). Every wait is bounded; bench/streamlit_load.py does the same in Python.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { rssKb } from "./memory.ts";
import type { ClientResult, LatencySet, LoadScenario, PhaseName, PhaseResult } from "./scenario.ts";

export interface LoadSession {
  /** Clicks the button; resolves with the ms until the answer (the run's end), rejects on failure. */
  click(): Promise<number>;
  /** The click count the page shows now, if seen. */
  readonly counter: number | null;
  /** Set once the socket failed or closed. */
  readonly error: string | null;
  close(): void;
}

/** Opens one session; resolves with it and the ms until its page was shown. */
export type OpenSession = (scenario: LoadScenario) => Promise<{ session: LoadSession; latency: number }>;

class Timeout extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout("timeout")), Math.max(0, ms))));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function count(errors: Record<string, number>, kind: string): void {
  errors[kind] = (errors[kind] ?? 0) + 1;
}

const kindOf = (error: unknown) => (error instanceof Timeout ? "timeout" : error instanceof Error ? error.message : String(error));

interface Tracked {
  session: LoadSession;
  answered: number;
  unanswered: number;
}

async function connectAll(scenario: LoadScenario, open: OpenSession): Promise<{ sessions: Tracked[]; result: LatencySet }> {
  const started = performance.now();
  const deadline = started + scenario.connectSeconds * 1000;
  const sessions: Tracked[] = [];
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < scenario.sessions) {
      next++;
      const opening = open(scenario);
      try {
        const { session, latency } = await within(opening, deadline - performance.now());
        latencies.push(latency);
        sessions.push({ session, answered: 0, unanswered: 0 });
      } catch (error) {
        count(errors, kindOf(error));
        // One that opens after all is closed at once.
        void opening.then(({ session }) => session.close(), () => undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(scenario.connectConcurrency, scenario.sessions) }, worker));
  return { sessions, result: { latencies, errors, wallMs: performance.now() - started } };
}

async function phase(sessions: Tracked[], name: PhaseName, scenario: LoadScenario): Promise<PhaseResult> {
  const burst = name === "burst";
  const started = performance.now();
  const end = started + (burst ? scenario.burstSeconds : scenario.thinkSeconds) * 1000;
  const hardEnd = end + scenario.graceSeconds * 1000;
  const [thinkMin, thinkMax] = scenario.thinkMs;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let sent = 0;
  let lastAnswer = started;
  const loop = async (tracked: Tracked) => {
    for (let clicks = 0; tracked.session.error === null; clicks++) {
      if (burst && clicks >= scenario.burstClicks) return;
      if (!burst) await sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
      if (performance.now() >= end) return;
      sent++;
      try {
        latencies.push(await within(tracked.session.click(), hardEnd - performance.now()));
        tracked.answered++;
        lastAnswer = performance.now();
      } catch (error) {
        if (error instanceof Timeout) tracked.unanswered++;
        count(errors, error instanceof Timeout ? "unanswered" : kindOf(error));
        return;
      }
    }
  };
  await Promise.all(sessions.map(loop));
  return { name, latencies, errors, sent, wallMs: lastAnswer - started };
}

export async function runScenario(scenario: LoadScenario, open: OpenSession): Promise<ClientResult> {
  const cpuStarted = process.cpuUsage();
  const before = rssKb(scenario.rssPids);
  const { sessions, result: connect } = await connectAll(scenario, open);
  const connected = rssKb(scenario.rssPids);
  const phases: PhaseResult[] = [];
  for (const name of scenario.phases) phases.push(await phase(sessions, name, scenario));
  const after = rssKb(scenario.rssPids);
  // A session whose every click was answered shows that many clicks: its state was kept.
  const stateMismatches = sessions.filter((t) => t.unanswered === 0 && t.session.error === null && t.session.counter !== t.answered).length;
  for (const { session } of sessions) session.close();
  const cpu = process.cpuUsage(cpuStarted);
  return { connect, phases, sessions: sessions.length, stateMismatches, rssKb: { before, connected, after }, clientCpuMs: (cpu.user + cpu.system) / 1000 };
}
