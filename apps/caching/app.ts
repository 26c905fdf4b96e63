import st from "edgelit";

/** How long the slow function takes: long enough to see the spinner, short enough to wait for. */
export const SLOW_MS = 1200;

/**
 * A slow computation. Its result is stored in Workers KV under this app's prefix, so every
 * session, in every Durable Object, gets it without running it again (for ten minutes, or
 * until someone clears it).
 */
export const load_report = st.cache_data(
  async function load_report(region: string) {
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    runs().count += 1;
    return {
      region,
      computed_at: new Date().toISOString(),
      computed_by: runs().last_session,
      total: Math.round(region.length * 1234.5),
    };
  },
  { ttl: "10m" },
);

/** One counter per isolate (st.cache_resource is never copied): how many times the slow function really ran here. */
const runs = st.cache_resource(function run_counter() {
  return { count: 0, last_session: "" };
});

export default async function app() {
  st.title("Caching");
  st.markdown(
    "`load_report` takes over a second. With `st.cache_data` it runs once per region: every other session " +
      "of this app, in any tab or browser, gets the stored result at once. Open this page in a second tab to see it.",
  );
  if (!("visitor" in st.session_state)) st.session_state.visitor = Math.random().toString(36).slice(2, 8);
  const region = st.selectbox("Region", ["Europe", "Americas", "Asia"]);

  runs().last_session = st.session_state.visitor;
  const started = performance.now();
  const report = await load_report(region ?? "Europe");
  const took = performance.now() - started;

  const [left, right] = st.columns(2);
  left.metric("Answered in", took < 1000 ? `${took.toFixed(1)} ms` : `${(took / 1000).toFixed(2)} s`);
  right.metric("Slow function runs (this isolate)", runs().count);
  st.markdown(`Report for **${report.region}**: total ${report.total}.`);
  st.caption(
    `Computed at ${report.computed_at} by session \`${report.computed_by}\`` +
      (report.computed_by === st.session_state.visitor ? " (this one)." : `; this session is \`${st.session_state.visitor}\`.`),
  );

  if (st.button("Clear this function's cache")) {
    await load_report.clear();
    st.rerun();
  }
}
