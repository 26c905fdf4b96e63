import st from "edgelit";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export default function app() {
  // The docs' example with fixed data in place of np.random.
  const chart_data = {
    a: range(20).map((i) => ((i * 7) % 11) / 4 - 1),
    b: range(20).map((i) => ((i * 5) % 13) / 3),
    c: range(20).map((i) => (i % 4) + 0.5),
  };

  st.vega_lite_chart(chart_data, {
    mark: { type: "circle", tooltip: true },
    encoding: {
      x: { field: "a", type: "quantitative" },
      y: { field: "b", type: "quantitative" },
      size: { field: "c", type: "quantitative" },
      color: { field: "c", type: "quantitative" },
    },
  });

  // Ours: the data inside the spec, a mark given as a string.
  st.vega_lite_chart({
    data: { values: [{ x: "A", y: 3 }, { x: "B", y: 5 }] },
    mark: "bar",
    encoding: { x: { field: "x", type: "nominal" }, y: { field: "y", type: "quantitative", title: "Count" } },
  });
}
