import st from "edgelit";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export default function app() {
  // The docs' examples with fixed data in place of np.random.
  let chart_data: Record<string, unknown[]> = {
    a: range(20).map((i) => ((i * 7) % 11) / 4 - 1),
    b: range(20).map((i) => ((i * 5) % 13) / 3),
    c: range(20).map((i) => (i % 4) + 0.5),
  };
  st.scatter_chart(chart_data);

  chart_data = {
    col1: range(20).map((i) => ((i * 3) % 7) / 2),
    col2: range(20).map((i) => ((i * 11) % 17) / 5 - 1),
    col3: range(20).map((i) => ((i * 13) % 19) / 4),
    col4: range(20).map((i) => ["A", "B", "C"][i % 3]),
  };
  st.scatter_chart(chart_data, { x: "col1", y: "col2", color: "col4", size: "col3" });

  chart_data = {
    col1: range(20).map((i) => ((i * 3) % 7) / 2),
    col2: range(20).map((i) => ((i * 11) % 17) / 5 - 1),
    col3: range(20).map((i) => ((i * 13) % 19) / 4),
    col4: range(20).map((i) => (i * 10) % 70),
  };
  st.scatter_chart(chart_data, { x: "col1", y: ["col2", "col3"], size: "col4", color: ["#FF0000", "#0000FF"] });

  // Ours: one size and one colour for every point.
  st.scatter_chart(chart_data, { x: "col1", y: "col2", size: 20, color: "#ffaa00" });
}
