import st from "edgelit";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export default function app() {
  // The docs' examples with fixed data in place of np.random.
  let chart_data: Record<string, unknown[]> = {
    a: range(20).map((i) => ((i * 7) % 11) / 4 - 1),
    b: range(20).map((i) => ((i * 5) % 13) / 3),
    c: range(20).map((i) => (i % 4) + 0.5),
  };
  st.line_chart(chart_data);

  chart_data = {
    col1: range(20).map((i) => ((i * 3) % 7) / 2),
    col2: range(20).map((i) => ((i * 11) % 17) / 5 - 1),
    col3: range(20).map((i) => ["A", "B", "C"][i % 3]),
  };
  st.line_chart(chart_data, { x: "col1", y: "col2", color: "col3" });

  chart_data = {
    col1: range(20).map((i) => i),
    col2: range(20).map((i) => ((i * 11) % 17) / 5 - 1),
    col3: range(20).map((i) => ((i * 13) % 19) / 4),
  };
  st.line_chart(chart_data, { x: "col1", y: ["col2", "col3"], color: ["#FF0000", "#0000FF"] });

  // Ours: dates along x, and axis labels.
  const dates = {
    day: range(5).map((i) => new Date(Date.UTC(2024, 0, 1 + i))),
    sales: [3, 5, 2, 8, 6],
  };
  st.line_chart(dates, { x: "day", y: "sales", x_label: "Day", y_label: "Sales" });
}
