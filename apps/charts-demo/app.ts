import st from "edgelit";

/** A standard normal draw (numpy's randn). */
function randn(): number {
  return Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
}

/** `pd.DataFrame(np.random.randn(rows, columns.length), columns=columns)` as an object of columns. */
function randomFrame(rows: number, columns: string[]): Record<string, number[]> {
  return Object.fromEntries(columns.map((name) => [name, Array.from({ length: rows }, randn)]));
}

export default async function app() {
  st.title("Charts");
  st.caption("Streamlit's built-in charts, drawn with Vega-Lite in the browser.");

  const data = randomFrame(20, ["a", "b", "c"]);

  st.subheader("st.line_chart");
  st.line_chart(data);

  st.subheader("st.area_chart");
  st.area_chart(data, { stack: true });

  st.subheader("st.bar_chart");
  const [left, right] = st.columns(2);
  left.bar_chart(data, { stack: false, height: 300 });
  right.bar_chart(
    { fruit: ["apple", "banana", "cherry", "date"], sold: [34, 51, 18, 27] },
    { x: "fruit", y: "sold", horizontal: true, sort: "-sold", color: "primary", height: 300 },
  );

  st.subheader("st.scatter_chart");
  const points = randomFrame(60, ["x", "y", "size"]);
  st.scatter_chart(
    { ...points, size: points.size!.map((s) => Math.abs(s) * 200), group: points.x!.map((x) => (x > 0 ? "right" : "left")) },
    { x: "x", y: "y", size: "size", color: "group" },
  );

  st.subheader("st.vega_lite_chart");
  st.vega_lite_chart(randomFrame(60, ["a", "b", "c"]), {
    mark: { type: "circle", tooltip: true },
    encoding: {
      x: { field: "a", type: "quantitative" },
      y: { field: "b", type: "quantitative" },
      size: { field: "c", type: "quantitative" },
      color: { field: "c", type: "quantitative" },
    },
  });

  // ?broken=1 (the browser tests): a spec Vega cannot parse shows an error box, not a blank.
  if (st.query_params.get("broken")) {
    st.vega_lite_chart([{ a: 1 }], { mark: "point", transform: [{ calculate: "datum.a +* 2", as: "b" }], encoding: { x: { field: "b", type: "quantitative" } } });
  }

  st.subheader("add_rows");
  st.caption("15 random rows, then a new row every half second, ten times.");
  const chart = st.line_chart(randomFrame(15, ["a", "b", "c"]));
  const progress = st.progress(0);
  for (let tick = 1; tick <= 10; tick++) {
    await st.sleep(500);
    chart.add_rows(randomFrame(1, ["a", "b", "c"]));
    progress.progress(tick * 10, { text: `${tick} of 10 rows added` });
  }
  st.button("Regenerate");
}
