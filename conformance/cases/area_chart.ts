import st from "edgelit";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export default function app() {
  // The docs' examples with fixed data in place of np.random.
  let chart_data: Record<string, unknown[]> = {
    a: range(20).map((i) => ((i * 7) % 11) / 4),
    b: range(20).map((i) => ((i * 5) % 13) / 3),
    c: range(20).map((i) => (i % 4) + 0.5),
  };
  st.area_chart(chart_data);

  chart_data = {
    col1: range(20).map((i) => i),
    col2: range(20).map((i) => ((i * 11) % 17) / 5),
    col3: range(20).map((i) => ["A", "B", "C"][i % 3]),
  };
  st.area_chart(chart_data, { x: "col1", y: "col2", color: "col3" });

  chart_data = {
    col1: range(20).map((i) => i),
    col2: range(20).map((i) => ((i * 11) % 17) / 5),
    col3: range(20).map((i) => ((i * 13) % 19) / 4),
  };
  st.area_chart(chart_data, { x: "col1", y: ["col2", "col3"], color: ["#FF000080", "#0000FF80"] });

  // The stacking example, with a small table in place of vega_datasets' unemployment data.
  const jobs = {
    year: [2000, 2000, 2001, 2001, 2002, 2002],
    jobs: [10, 4, 12, 5, 9, 7],
    job: ["Farm", "Trade", "Farm", "Trade", "Farm", "Trade"],
  };
  st.area_chart(jobs, { x: "year", y: "jobs", color: "job", stack: "center" });

  // Ours: stacked, normalized, and overlapping areas.
  st.area_chart(chart_data, { stack: true });
  st.area_chart(chart_data, { x: "col1", stack: "normalize" });
  st.area_chart(chart_data, { x: "col1", stack: false });
}
