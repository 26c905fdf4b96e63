/**
 * What one load run is, as both load clients take it (the Edgelit one in Node, the Streamlit one
 * in Python, bench/streamlit_load.py, which reads it as JSON), and what they answer.
 */

/** The phases a run's sessions go through, in order, on the same sessions. */
export type PhaseName = "think" | "burst";

export interface LoadScenario {
  /** The socket's URL on loopback (Edgelit: the session id is appended). */
  url: string;
  /** The Host header (Edgelit's app origin `<slug>.localhost:<port>`); Node may not resolve *.localhost. */
  host?: string;
  /** The Origin header a browser would send (Edgelit checks it). */
  origin?: string;
  sessions: number;
  /** The label of the button each click presses. */
  button: string;
  /** A regular expression whose first group is the click count the page shows (the session's state). */
  counter: string;
  phases: PhaseName[];
  /** Think time between a click's answer and the next click, uniform in [min, max] ms. */
  thinkMs: [number, number];
  thinkSeconds: number;
  /** Burst: clicks as fast as answers come, at most this many per session, for at most burstSeconds. */
  burstClicks: number;
  burstSeconds: number;
  /** How long a phase waits past its end for the answers to clicks already sent. */
  graceSeconds: number;
  /** All sessions must have connected and shown the page within this. */
  connectSeconds: number;
  /** Sessions connecting at once (a ramp, not a thundering herd). */
  connectConcurrency: number;
  /** The server's processes whose resident memory is read before and after. */
  rssPids: number[];
}

export interface LatencySet {
  /** Milliseconds, one per answer. */
  latencies: number[];
  /** Failures by kind (timeouts, closed sockets, error frames...). */
  errors: Record<string, number>;
  /** From the phase's start to its last answer, ms. */
  wallMs: number;
}

export interface PhaseResult extends LatencySet {
  name: PhaseName;
  /** Clicks sent. */
  sent: number;
}

export interface ClientResult {
  /** Socket open to the first run's end (the page shown), per session. */
  connect: LatencySet;
  phases: PhaseResult[];
  /** Sessions that connected. */
  sessions: number;
  /** Sessions whose every click was answered but whose page does not show that many clicks. */
  stateMismatches: number;
  /** Summed VmRSS of rssPids, KB: before connecting, once all connected, after the last phase. */
  rssKb: { before: number | null; connected: number | null; after: number | null };
  /** CPU the load client itself spent (it shares the machine with the server). */
  clientCpuMs: number;
}

/** The apps the load bench drives, with their Streamlit ports. */
export interface LoadApp {
  slug: string;
  button: string;
  counter: string;
  /** The Streamlit original, in bench/. */
  streamlitScript: string;
}

export const LOAD_APPS: LoadApp[] = [
  { slug: "hello", button: "Count", counter: "Counted (\\d+) times", streamlitScript: "hello_load.py" },
  { slug: "page1000", button: "Bump", counter: "counter is (\\d+)", streamlitScript: "page1000.py" },
];
