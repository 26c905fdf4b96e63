import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";

describe("st.metric", () => {
  it("shows values and deltas as Streamlit prints them", async () => {
    const at = await AppTest.from_function(() => {
      st.metric("Temperature", "70 °F", { delta: "1.2 °F" });
      st.metric("Count", 1234, { delta: -5, delta_color: "inverse" });
      st.metric("Small", 0.00001, { delta: 1.5e-7 });
      st.metric("Float", 2.5, { delta: 0 });
      st.metric("Big", 12345678901234567890n);
      st.metric("Empty", null, { delta: "", help: "Nothing yet", label_visibility: "hidden", border: true });
      st.metric("Indented", "x", { delta: "   -3%" });
    }).run();
    expect(at.metric.map((m) => m.props)).toEqual([
      { label: "Temperature", value: "70 °F", delta: "1.2 °F", delta_color: "normal" },
      { label: "Count", value: "1234", delta: "-5", delta_color: "inverse" },
      { label: "Small", value: "1e-05", delta: "1.5e-07", delta_color: "normal" },
      { label: "Float", value: "2.5", delta: "0", delta_color: "normal" },
      { label: "Big", value: "12345678901234567890", delta_color: "normal" },
      { label: "Empty", value: "—", delta_color: "normal", help: "Nothing yet", label_visibility: "hidden", border: true },
      { label: "Indented", value: "x", delta: "-3%", delta_color: "normal" },
    ]);
    expect([at.metric[1]!.label, at.metric[1]!.value, at.metric[1]!.delta]).toEqual(["Count", "1234", "-5"]);
  });

  it("returns a slot that later writes replace", async () => {
    const at = await AppTest.from_function(() => {
      const slot = st.metric("Before", 1);
      slot.metric("After", 2);
    }).run();
    expect(at.metric.map((m) => [m.label, m.value])).toEqual([["After", "2"]]);
  });

  it("raises Streamlit's errors for bad arguments", async () => {
    const color = await AppTest.from_function(() => {
      st.metric("m", 1, { delta_color: "purple" as "off" });
    }).run();
    expect(color.exception[0]!.message).toBe("Invalid `delta_color` value. Supported values: 'normal', 'inverse', 'off'.");
    const value = await AppTest.from_function(() => {
      st.metric("m", { a: 1 } as unknown as number);
    }).run();
    expect(value.exception[0]!.type).toBe("StreamlitInvalidParameterTypeError");
  });
});

describe("st.badge", () => {
  it("is blue by default, takes an icon and Streamlit's colours", async () => {
    const at = await AppTest.from_function(() => {
      st.badge("New");
      st.badge("Done", { icon: "✅", color: "green" });
      st.badge("Muted", { color: "grey" });
    }).run();
    expect(at.badge.map((b) => b.props)).toEqual([
      { label: "New", color: "blue" },
      { label: "Done", icon: "✅", color: "green" },
      { label: "Muted", color: "gray" },
    ]);
    expect(at.badge[1]!.value).toBe("Done");
  });

  it("refuses a colour Streamlit does not have", async () => {
    const at = await AppTest.from_function(() => {
      st.badge("x", { color: "pink" as "red" });
    }).run();
    expect(at.exception[0]!.type).toBe("StreamlitValueError");
  });

  it("takes chart_data as st.dataframe does: a list, a set, or the first column of a table", async () => {
    const at = await AppTest.from_function(() => {
      st.metric("Sales", 120, { chart_data: [1, 5, 2, null, 8] });
      st.metric("Users", 4, { chart_data: new Set([3, 4]), chart_type: "bar" });
      st.metric("Temp", 20, { chart_data: [{ t: 18, other: 0 }, { t: 20, other: 1 }], chart_type: "area" });
      st.metric("Bad", 0, { chart_data: ["a", "b"] });
    }).run();
    expect(at.metric.map((m) => [m.props.chart_data, m.props.chart_type])).toEqual([
      [[1, 5, 2, null, 8], undefined],
      [[3, 4], "bar"],
      [[18, 20], "area"],
    ]);
    expect(at.exception[0]!.message).toMatch(/chart_data/);
  });
});
