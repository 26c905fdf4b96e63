import { describe, expect, it } from "vitest";
import { AppTest } from "edgelit/testing";

describe("Charts demo", () => {
  it("draws each built-in chart and a Vega-Lite spec, then grows a chart by ten rows", async () => {
    const at = AppTest.from_app("charts-demo");
    await at.run({ timeout: 15 });
    expect(at.exception.length).toBe(0);
    expect(at.vega_lite_chart.map((c) => c.chart_type ?? "vega_lite_chart")).toEqual(["line_chart", "area_chart", "bar_chart", "bar_chart", "scatter_chart", "vega_lite_chart", "line_chart"]);
    // Wide data melted: 20 rows of three columns.
    expect(at.line_chart[0]!.data).toHaveLength(60);
    // 15 rows, then 10 added one by one, each melted into three.
    expect(at.line_chart[1]!.data).toHaveLength(75);
    expect(at.button[0]!.label).toBe("Regenerate");
  }, 20_000);
});
