import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import type { DeltaOp, ServerFrame } from "../protocol.ts";
import { parseConfigToml } from "../config/parse.ts";
import { resolveConfig } from "../config/resolve.ts";
import { shellTheme } from "../config/theme.ts";

// Streamlit's names for the columns it makes (built_in_chart_utils.py).
const INDEX = "index -- streamlit-generated";
const VALUE = "value -- streamlit-generated";
const COLOR = "color -- streamlit-generated";
const LEGEND = { titlePadding: 5, offset: 5, orient: "bottom" };

async function run(script: () => void | Promise<void>) {
  const at = await AppTest.from_function(script).run();
  expect(at.exception.map((e) => e.value)).toEqual([]);
  return at;
}

async function chartOf(script: () => void) {
  const at = await run(script);
  return at.vega_lite_chart[0]!;
}

/** The spec's single view: a line chart's first layer, else the spec itself. */
const view = (spec: Record<string, any>) => (spec.layer ? spec.layer[0] : spec);

describe("built-in charts: data as Streamlit prepares it", () => {
  it("melts wide data into long form: the index as x, a color column naming each series, a value column", async () => {
    const chart = await chartOf(() => void st.line_chart({ A: [1, 2], B: [3, 4], C: [5.5, 6] }));
    expect(chart.chart_type).toBe("line_chart");
    expect(chart.data_table.columns.map((c) => c.name)).toEqual([INDEX, COLOR, VALUE]);
    expect(chart.data).toEqual([
      { [INDEX]: 0, [COLOR]: "A", [VALUE]: 1 },
      { [INDEX]: 1, [COLOR]: "A", [VALUE]: 2 },
      { [INDEX]: 0, [COLOR]: "B", [VALUE]: 3 },
      { [INDEX]: 1, [COLOR]: "B", [VALUE]: 4 },
      { [INDEX]: 0, [COLOR]: "C", [VALUE]: 5.5 },
      { [INDEX]: 1, [COLOR]: "C", [VALUE]: 6 },
    ]);
    const spec = chart.spec;
    expect(spec.data).toEqual({ name: "data" });
    expect(spec.autosize).toEqual({ type: "fit", contains: "padding" });
    const { encoding, mark, params } = view(spec);
    expect(mark).toEqual({ type: "line" });
    expect(encoding.x).toEqual({ field: INDEX, title: "", type: "quantitative", scale: {}, axis: { grid: false, tickMinStep: 1 } });
    expect(encoding.y).toEqual({ field: VALUE, title: "", type: "quantitative", scale: {}, axis: { grid: true } });
    expect(encoding.color).toEqual({ field: COLOR, legend: LEGEND, type: "nominal", title: " " });
    expect(encoding.tooltip).toEqual([
      { field: INDEX, title: "index", type: "quantitative" },
      { field: VALUE, title: "value", type: "quantitative" },
      { field: COLOR, title: "color", type: "nominal" },
    ]);
    expect(params).toEqual([{ name: "param_1", select: { type: "interval", encodings: ["x", "y"] }, bind: "scales" }]);
    // Streamlit's hover: points on the nearest x, shown only there.
    expect(spec.layer[1].mark).toEqual({ type: "point", filled: true, size: 65 });
    expect(spec.layer[1].encoding.opacity).toEqual({ condition: { param: "param_2", value: 1, empty: false }, value: 0 });
    expect(spec.layer[1].params[0].select).toEqual({ type: "point", fields: [INDEX], nearest: true, on: "pointerover", clear: "pointerout" });
    expect(spec.config).toEqual({ legend: { symbolType: "stroke" } });
  });

  it("draws one y column as it is, titled with the columns the user named", async () => {
    const chart = await chartOf(() => void st.line_chart({ day: [1, 2, 3], temp: [20.5, 21, 19], rain: [0, 1, 0] }, { x: "day", y: "temp" }));
    expect(chart.data).toEqual([
      { day: 1, temp: 20.5 },
      { day: 2, temp: 21 },
      { day: 3, temp: 19 },
    ]);
    const { encoding } = view(chart.spec);
    expect(encoding.x).toMatchObject({ field: "day", title: "day", type: "quantitative" });
    expect(encoding.y).toMatchObject({ field: "temp", title: "temp", type: "quantitative", axis: { grid: true } });
    expect(encoding.color).toBeUndefined();
  });

  it("keeps x out of the series unless asked, and takes axis labels", async () => {
    const chart = await chartOf(() => void st.area_chart({ x: [1, 2], a: [1, 2], b: [3, 4] }, { x: "x", x_label: "Time", y_label: "Amount" }));
    expect([...new Set(chart.data.map((row) => row[COLOR]))]).toEqual(["a", "b"]);
    const { encoding } = view(chart.spec);
    expect(encoding.x.title).toBe("Time");
    expect(encoding.y.title).toBe("Amount");
  });

  it("uses the index labels as x, and datetimes as temporal", async () => {
    const days = [new Date("2026-01-01"), new Date("2026-01-02")];
    const chart = await chartOf(() => void st.line_chart({ columns: ["v"], data: [[1], [2]], index: [10, 20] }));
    expect(chart.data).toEqual([
      { [INDEX]: 10, v: 1 },
      { [INDEX]: 20, v: 2 },
    ]);
    const dated = await chartOf(() => void st.bar_chart({ when: days, v: [1, 2] }, { x: "when" }));
    // A bar chart's x is ordinal, except for dates.
    expect(view(dated.spec).encoding.x.type).toBe("temporal");
    const named = await chartOf(() => void st.bar_chart({ who: ["a", "b"], v: [1, 2] }, { x: "who" }));
    expect(view(named.spec).encoding.x.type).toBe("ordinal");
  });

  it("renames columns whose names Vega-Lite reads as paths (dots, brackets), showing the user's names, as Streamlit 1.64 does", async () => {
    const chart = await chartOf(() => void st.scatter_chart({ "a.b": [1, 2], "c[0]": [3, 4], "k.k": ["p", "q"] }, { x: "a.b", y: "c[0]", color: "k.k" }));
    const { encoding } = view(chart.spec);
    // Aliases are numbered by the columns' places in the chart's data: x, color, size, sort, then y.
    expect(encoding.x).toMatchObject({ field: "col -- streamlit-generated-0", title: "a.b" });
    expect(encoding.y).toMatchObject({ field: "col -- streamlit-generated-2", title: "c[0]" });
    expect(encoding.color).toMatchObject({ field: "col -- streamlit-generated-1", title: "k.k" });
    expect(encoding.tooltip.map((t: { title?: string }) => t.title)).toEqual(["a.b", "c[0]", "k.k"]);
    expect(chart.data[0]).toEqual({ "col -- streamlit-generated-0": 1, "col -- streamlit-generated-1": "p", "col -- streamlit-generated-2": 3 });
    // Melted series keep the user's names.
    const melted = await chartOf(() => void st.line_chart({ "t.x": [1, 2], "a.b": [3, 4], c: [5, 6] }, { x: "t.x" }));
    expect(melted.data.map((row) => row[COLOR])).toEqual(["a.b", "a.b", "c", "c"]);
  });
});

describe("bar and area charts", () => {
  it("swaps the axes of a horizontal bar chart: values along x with its grid, categories on an ordinal y", async () => {
    const chart = await chartOf(() => void st.bar_chart({ fruit: ["apple", "fig"], sold: [3, 5] }, { x: "fruit", y: "sold", horizontal: true }));
    const { mark, encoding } = view(chart.spec);
    expect(mark).toEqual({ type: "bar" });
    expect(encoding.x).toEqual({ field: "sold", title: "sold", type: "quantitative", scale: {}, axis: { grid: true, tickMinStep: 1 } });
    expect(encoding.y).toEqual({ field: "fruit", title: "fruit", type: "ordinal", scale: {}, axis: { grid: false } });
  });

  it("labels a horizontal bar chart's axes by their columns: x_label on the categories (now vertical), y_label on the values", async () => {
    const chart = await chartOf(() => void st.bar_chart({ fruit: ["apple", "fig"], sold: [3, 5] }, { x: "fruit", y: "sold", x_label: "Fruit", y_label: "Sold", horizontal: true }));
    const { encoding } = view(chart.spec);
    expect(encoding.x.field).toBe("sold");
    expect(encoding.x.title).toBe("Sold");
    expect(encoding.y.field).toBe("fruit");
    expect(encoding.y.title).toBe("Fruit");
  });

  it("stacks as asked: normalize and center on the value axis, false side by side (an offset per series), layered overlapping", async () => {
    const data = { a: [1, 2], b: [3, 4] };
    const normalized = view((await chartOf(() => void st.bar_chart(data, { stack: "normalize" }))).spec);
    expect(normalized.encoding.y.stack).toBe("normalize");
    const horizontal = view((await chartOf(() => void st.bar_chart(data, { stack: "center", horizontal: true }))).spec);
    expect(horizontal.encoding.x.stack).toBe("center");
    const grouped = view((await chartOf(() => void st.bar_chart(data, { stack: false }))).spec);
    expect(grouped.encoding.y.stack).toBe(false);
    expect(grouped.encoding.xOffset).toEqual({ field: COLOR });
    const layered = view((await chartOf(() => void st.bar_chart(data, { stack: "layered" }))).spec);
    expect(layered.encoding.y.stack).toBe(false);
    expect(layered.encoding.xOffset).toBeUndefined();
    expect(layered.encoding.opacity).toEqual({ value: 0.7 });
    const plain = view((await chartOf(() => void st.bar_chart(data))).spec);
    expect(plain.encoding.y.stack).toBeUndefined();
  });

  it("overlaps areas unless asked to stack, at opacity 0.7, as Streamlit", async () => {
    const data = { a: [1, 2], b: [3, 4] };
    const overlapping = view((await chartOf(() => void st.area_chart(data))).spec);
    expect(overlapping.mark).toEqual({ type: "area" });
    expect(overlapping.encoding.y.stack).toBe(false);
    expect(overlapping.encoding.opacity).toEqual({ value: 0.7 });
    expect(overlapping.encoding.xOffset).toBeUndefined();
    expect(view((await chartOf(() => void st.area_chart(data, { stack: true }))).spec).encoding.y.stack).toBe(true);
  });

  it("sorts bars: by Vega-Lite's default, in data order, or by a column either way", async () => {
    const data = { fruit: ["fig", "apple"], sold: [5, 3] };
    const sortOf = async (sort: boolean | string, horizontal = false) => {
      const { encoding } = view((await chartOf(() => void st.bar_chart(data, { x: "fruit", y: "sold", sort, horizontal }))).spec);
      return horizontal ? encoding.y.sort : encoding.x.sort;
    };
    expect(await sortOf(true)).toBeUndefined();
    expect(await sortOf(false)).toBeNull();
    expect(await sortOf("sold")).toEqual({ field: "sold", order: "ascending" });
    expect(await sortOf("-sold", true)).toEqual({ field: "sold", order: "descending" });
  });

  it("refuses a stack Streamlit does not know", async () => {
    const at = await AppTest.from_function(() => void st.bar_chart({ a: [1] }, { stack: "sideways" as never })).run();
    expect(at.exception[0]!.value).toMatch(/Invalid value for stack parameter/);
  });
});

describe("scatter charts and colours", () => {
  it("sizes and colours points by columns, with Streamlit's legends", async () => {
    const chart = await chartOf(() => void st.scatter_chart({ x: [1, 2], y: [3, 4], s: [10, 20], kind: ["a", "b"] }, { x: "x", y: "y", size: "s", color: "kind" }));
    expect(chart.chart_type).toBe("scatter_chart");
    const { mark, encoding } = view(chart.spec);
    expect(mark).toEqual({ type: "circle" });
    expect(encoding.size).toEqual({ field: "s", title: "s", legend: { titlePadding: 0.5, offset: 5, orient: "bottom" }, type: "quantitative" });
    expect(encoding.color).toEqual({ field: "kind", legend: LEGEND, type: "nominal" });
    expect(encoding.tooltip.map((t: { field: string }) => t.field)).toEqual(["x", "y", "kind", "s"]);
    expect(chart.data[0]).toEqual({ x: 1, kind: "a", s: 10, y: 3 });
  });

  it("takes one size for all points, 100 by default", async () => {
    expect(view((await chartOf(() => void st.scatter_chart({ x: [1], y: [2] }, { x: "x", y: "y", size: 42 }))).spec).encoding.size).toEqual({ value: 42 });
    expect(view((await chartOf(() => void st.scatter_chart({ x: [1], y: [2] }, { x: "x", y: "y" }))).spec).encoding.size).toEqual({ value: 100 });
  });

  it("uses a colour column of colours as the colours, without a legend (still in the tooltip, as in Streamlit 1.64)", async () => {
    const chart = await chartOf(() => void st.scatter_chart({ x: [1, 2, 3], y: [1, 2, 3], c: ["#f00", "#00f", "#f00"] }, { x: "x", y: "y", color: "c" }));
    const { encoding } = view(chart.spec);
    expect(encoding.color).toEqual({ field: "c", legend: null, type: "nominal", scale: { range: ["#f00", "#00f"] } });
    expect(encoding.tooltip.map((t: { field: string }) => t.field)).toEqual(["x", "y", "c"]);
  });

  it("takes a colour per y series (hex, tuples, theme names), or one colour for one series", async () => {
    const chart = await chartOf(() => void st.line_chart({ a: [1], b: [2], c: [3] }, { color: ["#ff0000", [0, 128, 255], "primary"] }));
    expect(view(chart.spec).encoding.color).toEqual({ field: COLOR, scale: { domain: ["a", "b", "c"], range: ["#ff0000", "rgb(0, 128, 255)", "primary"] }, legend: LEGEND, type: "nominal", title: " " });
    const one = await chartOf(() => void st.bar_chart({ a: [1] }, { color: [255, 0, 0, 0.5] }));
    expect(view(one.spec).encoding.color).toEqual({ value: "rgba(255, 0, 0, 0.5)" });
  });

  it("refuses colours that do not match the series, as Streamlit", async () => {
    const wrongLength = await AppTest.from_function(() => void st.line_chart({ a: [1], b: [2] }, { color: ["#f00"] })).run();
    expect(wrongLength.exception[0]!.value).toMatch(/must have the same length as the list of columns/);
    const oneForTwo = await AppTest.from_function(() => void st.line_chart({ a: [1], b: [2] }, { color: "#f00" })).run();
    expect(oneForTwo.exception[0]!.value).toMatch(/must have the same length/);
    const notAColor = await AppTest.from_function(() => void st.line_chart({ a: [1] }, { color: "nope" })).run();
    expect(notAColor.exception[0]!.value).toMatch(/This does not look like a valid color argument/);
    const noColumn = await AppTest.from_function(() => void st.line_chart({ a: [1] }, { x: "b" })).run();
    expect(noColumn.exception[0]!.value).toMatch(/Data does not have a column named `"b"`. Available columns are `a`/);
  });
});

describe("layout and lookups", () => {
  it("stretches to the container by default; takes pixels, content and a height", async () => {
    const at = await run(() => {
      st.line_chart({ a: [1] });
      st.bar_chart({ a: [1] }, { width: 300, height: 200 });
      st.area_chart({ a: [1] }, { width: "content" });
      st.scatter_chart({ a: [1], b: [2] }, { use_container_width: false });
    });
    expect(at.vega_lite_chart.map((c) => [c.width, c.height])).toEqual([["stretch", undefined], [300, 200], [undefined, undefined], [undefined, undefined]]);
    expect(at.line_chart).toHaveLength(1);
    expect(at.bar_chart[0]!.height).toBe(200);
    expect(at.area_chart).toHaveLength(1);
    expect(at.scatter_chart).toHaveLength(1);
  });

  it("draws an empty chart for no data, its axes on a field that does not exist", async () => {
    const chart = await chartOf(() => void st.line_chart());
    expect(chart.data).toEqual([]);
    expect(view(chart.spec).encoding.x.field).toBe("DOES_NOT_EXIST -- streamlit-generated");
  });
});

/** The add_rows ops the session sent. */
function addRowsOps(messages: string[]): Extract<DeltaOp, { op: "add_rows" }>[] {
  return messages
    .flatMap((m) => JSON.parse(m) as ServerFrame[])
    .flatMap((frame) => (frame.t === "delta" || frame.t === "run_end" ? (frame.ops ?? []) : []))
    .filter((op): op is Extract<DeltaOp, { op: "add_rows" }> => op.op === "add_rows");
}

describe("add_rows on a chart", () => {
  it("melts the added rows as the data was, numbers the index on, and sends only them", async () => {
    const at = await run(() => {
      const chart = st.line_chart({ A: [1, 2], B: [3, 4] });
      chart.add_rows({ A: [5], B: [6] });
      chart.add_rows([{ A: 7, B: 8 }]);
    });
    const chart = at.line_chart[0]!;
    expect(chart.data).toEqual([
      { [INDEX]: 0, [COLOR]: "A", [VALUE]: 1 },
      { [INDEX]: 1, [COLOR]: "A", [VALUE]: 2 },
      { [INDEX]: 0, [COLOR]: "B", [VALUE]: 3 },
      { [INDEX]: 1, [COLOR]: "B", [VALUE]: 4 },
      { [INDEX]: 2, [COLOR]: "A", [VALUE]: 5 },
      { [INDEX]: 2, [COLOR]: "B", [VALUE]: 6 },
      { [INDEX]: 3, [COLOR]: "A", [VALUE]: 7 },
      { [INDEX]: 3, [COLOR]: "B", [VALUE]: 8 },
    ]);
    // The element the browser holds has every row too.
    expect(chart.props.table.rows).toBe(8);
    expect(chart.props.table.data[0]).toEqual([0, 1, 0, 1, 2, 2, 3, 3]);
  });

  it("takes added rows that lack a series: its values are missing there", async () => {
    const at = await run(() => {
      const chart = st.line_chart({ a: [1], b: [2] });
      chart.add_rows({ a: [3] });
    });
    expect(at.line_chart[0]!.data.slice(2)).toEqual([
      { [INDEX]: 1, [COLOR]: "a", [VALUE]: 3 },
      { [INDEX]: 1, [COLOR]: "b", [VALUE]: null },
    ]);
  });

  it("sends the new rows alone while the script runs", async () => {
    const at = AppTest.from_function(async () => {
      const chart = st.line_chart({ a: [1, 2, 3], b: [4, 5, 6] });
      for (let i = 0; i < 3; i++) {
        await st.sleep(5);
        chart.add_rows({ a: [10 + i], b: [20 + i] });
      }
    });
    await at.run();
    const ops = addRowsOps(at.messages);
    expect(ops).toHaveLength(3);
    for (const [i, op] of ops.entries()) {
      expect(op.table.columns.map((c) => c.name)).toEqual([INDEX, COLOR, VALUE]);
      expect(op.table.data).toEqual([
        [3 + i, 3 + i],
        ["a", "b"],
        [10 + i, 20 + i],
      ]);
      expect(op.table.rows).toBe(6 + 2 * (i + 1));
    }
    expect(at.line_chart[0]!.data).toHaveLength(12);
  });

  it("draws an empty chart anew from its first added rows, then melts the next ones", async () => {
    const at = await run(() => {
      const chart = st.bar_chart(null, { horizontal: true });
      chart.add_rows({ a: [1], b: [2] });
      chart.add_rows({ a: [3], b: [4] });
    });
    const chart = at.bar_chart[0]!;
    expect(view(chart.spec).encoding.y).toMatchObject({ field: INDEX, type: "ordinal" });
    expect(view(chart.spec).encoding.x).toMatchObject({ field: VALUE, type: "quantitative" });
    expect(chart.data).toEqual([
      { [INDEX]: 0, [COLOR]: "a", [VALUE]: 1 },
      { [INDEX]: 0, [COLOR]: "b", [VALUE]: 2 },
      { [INDEX]: 1, [COLOR]: "a", [VALUE]: 3 },
      { [INDEX]: 1, [COLOR]: "b", [VALUE]: 4 },
    ]);
  });

  it("appends to a st.vega_lite_chart as given, and leaves st.table's add_rows alone", async () => {
    const at = await run(() => {
      const chart = st.vega_lite_chart({ a: [1], b: [2] }, { mark: "point", encoding: { x: { field: "a", type: "quantitative" } } });
      chart.add_rows({ a: [3], b: [4] });
      st.table({ a: [1] }).add_rows({ a: [2] });
    });
    expect(at.vega_lite_chart[0]!.data).toEqual([
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ]);
    expect(at.table[0]!.rows).toEqual([[1], [2]]);
    expect(addRowsOps(at.messages).map((op) => op.table.data)).toEqual([[[3], [4]], [[2]]]);
  });
});

describe("st.vega_lite_chart and st.altair_chart", () => {
  const spec = { mark: { type: "circle", tooltip: true }, encoding: { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative" } } };

  it("puts the data in the table and names it in the spec", async () => {
    const chart = await chartOf(() => void st.vega_lite_chart([{ a: 1, b: 2 }], spec));
    expect(chart.chart_type).toBeUndefined();
    expect(chart.spec).toEqual({ ...spec, data: { name: "data" }, autosize: { type: "fit", contains: "padding" } });
    expect(chart.data).toEqual([{ a: 1, b: 2 }]);
    expect(chart.width).toBe("stretch");
    expect(chart.theme).toBe("streamlit");
  });

  it("takes the spec alone, with inline values pulled out into the table", async () => {
    const chart = await chartOf(() => void st.vega_lite_chart({ ...spec, data: { values: [{ a: 1, b: 2 }, { a: 3, b: 4 }] } }));
    expect(chart.spec.data).toEqual({ name: "data" });
    expect(chart.data).toEqual([
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ]);
  });

  it("keeps other data sources, and sizes multi-view specs to their content", async () => {
    const chart = await chartOf(() => void st.vega_lite_chart(null, { data: { url: "data/cars.json" }, hconcat: [spec, spec] }, { theme: null }));
    expect(chart.spec.data).toEqual({ url: "data/cars.json" });
    expect(chart.width).toBeUndefined();
    expect(chart.theme).toBeNull();
    expect(chart.spec.autosize).toEqual({ type: "fit", contains: "padding" });
    const facet = await chartOf(() => void st.vega_lite_chart([{ a: 1, b: 2 }], { ...spec, encoding: { ...spec.encoding, row: { field: "a" } } }));
    expect(facet.width).toBeUndefined();
    expect(facet.spec.autosize).toEqual({ type: "pad", contains: "padding" });
  });

  it("refuses an empty spec and an unknown theme, as Streamlit", async () => {
    const empty = await AppTest.from_function(() => void st.vega_lite_chart([{ a: 1 }], {})).run();
    expect(empty.exception[0]!.value).toMatch(/require a non-empty spec/);
    const theme = await AppTest.from_function(() => void st.vega_lite_chart([{ a: 1 }], spec, { theme: "dark" as never })).run();
    expect(theme.exception[0]!.value).toMatch(/only support theme="streamlit" or theme=null/);
  });

  it("st.altair_chart takes a spec, or an object whose toJSON() gives one", async () => {
    const chartLike = { toJSON: () => ({ ...spec, data: { values: [{ a: 5, b: 6 }] } }) };
    const at = await run(() => {
      st.altair_chart(chartLike);
      st.altair_chart({ ...spec, data: { values: [{ a: 7, b: 8 }] } }, { width: 250 });
    });
    expect(at.vega_lite_chart.map((c) => c.data)).toEqual([[{ a: 5, b: 6 }], [{ a: 7, b: 8 }]]);
    expect(at.vega_lite_chart[1]!.width).toBe(250);
  });

  it("sends nothing on a rerun that draws the same chart", async () => {
    const at = await run(() => void st.line_chart({ a: [1, 2] }));
    at.messages.length = 0;
    await at.run();
    const ops = at.messages.flatMap((m) => JSON.parse(m) as ServerFrame[]).flatMap((f) => (f.t === "delta" || f.t === "run_end" ? (f.ops ?? []) : []));
    expect(ops).toEqual([]);
  });
});

describe("theme.chartCategoricalColors and theme.chartSequentialColors", () => {
  it("reach the page as variables the chart renderer reads", () => {
    const theme = shellTheme(resolveConfig(parseConfigToml('[theme]\nchartCategoricalColors = ["#ff0000", "rgb(0, 128, 0)"]\nchartSequentialColors = ["#000000", "#ffffff"]\n', "config.toml").config, {}));
    const main = theme.modes.light!.main;
    expect(JSON.parse(main["chart-categorical-colors"]!)).toEqual(["#ff0000", "rgb(0, 128, 0)"]);
    expect(JSON.parse(main["chart-sequential-colors"]!)).toEqual(["#000000", "#ffffff"]);
    expect(shellTheme(resolveConfig(parseConfigToml("", "config.toml").config, {})).modes.dark!.main["chart-categorical-colors"]).toBeUndefined();
  });
});
