import st from "edgelit";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export default function app() {
  // The docs' examples with fixed data in place of np.random.
  let chart_data: Record<string, unknown[]> = {
    a: range(20).map((i) => ((i * 7) % 11) / 4),
    b: range(20).map((i) => ((i * 5) % 13) / 3),
    c: range(20).map((i) => (i % 4) + 0.5),
  };
  st.bar_chart(chart_data);

  chart_data = {
    col1: range(20).map((i) => i),
    col2: range(20).map((i) => ((i * 11) % 17) / 5),
    col3: range(20).map((i) => ["A", "B", "C"][i % 3]),
  };
  st.bar_chart(chart_data, { x: "col1", y: "col2", color: "col3" });

  chart_data = {
    col1: range(20).map((i) => ["A", "B", "C"][i % 3]),
    col2: range(20).map((i) => ((i * 11) % 17) / 5),
    col3: range(20).map((i) => ((i * 13) % 19) / 4),
  };
  st.bar_chart(chart_data, { x: "col1", y: ["col2", "col3"], color: ["#FF0000", "#0000FF"] });

  // The horizontal and unstacked examples, with a small table in place of vega_datasets' barley data.
  const barley = {
    variety: ["Manchuria", "Manchuria", "Glabron", "Glabron", "Peatland", "Peatland"],
    site: ["Morris", "Crookston", "Morris", "Crookston", "Morris", "Crookston"],
    yield: [27, 48.9, 43.1, 55.2, 30, 36.5],
  };
  st.bar_chart(barley, { x: "variety", y: "yield", color: "site", horizontal: true });
  st.bar_chart(barley, { x: "variety", y: "yield", color: "site", stack: false });

  // Ours: normalized, side by side horizontal bars, axis labels, sorted bars.
  st.bar_chart(chart_data, { x: "col1", stack: "normalize" });
  st.bar_chart(chart_data, { x: "col1", horizontal: true, stack: false });
  st.bar_chart(barley, { x: "variety", y: "yield", x_label: "Variety", y_label: "Yield", horizontal: true });
  st.bar_chart(barley, { x: "variety", y: "yield", x_label: "Variety", y_label: "Yield" });
  st.bar_chart(barley, { x: "site", y: "yield", sort: "-yield" });
  st.bar_chart(barley, { x: "site", y: "yield", sort: false });
}
