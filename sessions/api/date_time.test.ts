import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import type { ServerFrame } from "../protocol.ts";

async function fromBrowser(at: AppTest, id: string, value: unknown): Promise<ServerFrame | undefined> {
  at.messages.length = 0;
  at.session.handleMessage(JSON.stringify({ t: "widget", id, value }));
  await at.session.idle();
  return at.messages.flatMap((m) => JSON.parse(m) as ServerFrame[]).find((f) => f.t === "error");
}

const todayUtc = () => new Date().toISOString().slice(0, 10);
const shiftYears = (iso: string, years: number) => `${String(Number(iso.slice(0, 4)) + years).padStart(4, "0")}${iso.slice(4)}`;

describe("st.date_input", () => {
  it("returns today (UTC) by default, bounded ten years either way", async () => {
    const at = await AppTest.from_function(() => {
      st.write(`date=${st.date_input("When")}`);
    }).run();
    const today = todayUtc();
    expect(at.markdown[0]!.value).toBe(`date=${today}`);
    const props = at.date_input[0]!.props;
    expect(props).toMatchObject({ value: [today], is_range: false, format: "YYYY/MM/DD" });
    if (!today.endsWith("02-29")) expect([props.min, props.max]).toEqual([shiftYears(today, -10), shiftYears(today, 10)]);
    expect(props.clearable).toBeUndefined();
  });

  it("takes Dates and ISO strings, returns ISO dates, ranges and null", async () => {
    const at = await AppTest.from_function(() => {
      const out = {
        date: st.date_input("Date", { value: new Date(Date.UTC(2024, 1, 29, 23, 59)) }),
        text: st.date_input("Text", { value: "2024-03-01T10:00:00", format: "DD.MM.YYYY" }),
        range: st.date_input("Range", { value: ["2024-01-01", "2024-01-07"], min_value: "2023-12-01", max_value: "2024-02-01" }),
        none: st.date_input("None", { value: null }),
      };
      st.write(JSON.stringify(out));
    }).run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual({
      date: "2024-02-29",
      text: "2024-03-01",
      range: ["2024-01-01", "2024-01-07"],
      none: null,
    });
    // February 29 has no twin ten years on: Streamlit moves to the 28th.
    expect(at.date_input[0]!.props).toMatchObject({ min: "2014-02-28", max: "2034-02-28" });
    expect(at.date_input[1]!.props.format).toBe("DD.MM.YYYY");
    expect(at.date_input[2]!.props).toMatchObject({ is_range: true, min: "2023-12-01", max: "2024-02-01" });
    expect(at.date_input[3]!.props).toMatchObject({ value: [], clearable: true });

    at.date_input[0]!.set_value("2025-05-05");
    at.date_input[2]!.set_value(["2024-01-10"]);
    at.date_input[3]!.set_value(new Date(Date.UTC(2026, 0, 2)));
    await at.run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual({ date: "2025-05-05", text: "2024-03-01", range: ["2024-01-10"], none: "2026-01-02" });
  });

  it("runs on_change with kwargs when the browser sends a new date", async () => {
    const calls: unknown[] = [];
    const at = await AppTest.from_function(() => {
      st.date_input("D", { key: "d", value: "2024-06-01", on_change: (kw: object) => calls.push([kw, st.session_state.d]), kwargs: { why: "x" } });
    }).run();
    expect(await fromBrowser(at, at.date_input[0]!.id, ["2024-06-15"])).toBeUndefined();
    expect(calls).toEqual([[{ why: "x" }, "2024-06-15"]]);
  });

  it("refuses forged browser values and keeps its value", async () => {
    const at = await AppTest.from_function(() => {
      st.date_input("One", { key: "one", value: "2024-06-01", min_value: "2024-01-01", max_value: "2024-12-31" });
      st.date_input("Range", { key: "range", value: ["2024-06-01", "2024-06-05"], min_value: "2024-01-01", max_value: "2024-12-31" });
    }).run();
    const [one, range] = [at.date_input[0]!.id, at.date_input[1]!.id];
    for (const value of ["2024-06-02", [], ["2023-12-31"], ["2025-01-01"], ["2024-02-30"], ["2024-6-2"], ["06/02/2024"], ["2024-06-02", "2024-06-03"], [20240602], null]) {
      expect(await fromBrowser(at, one, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    for (const value of [["2024-06-05", "2024-06-01"], ["2024-01-01", "2025-01-01"], ["2024-01-01", "2024-01-02", "2024-01-03"], [], "2024-06-01"]) {
      expect(await fromBrowser(at, range, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    expect(at.session_state.one).toBe("2024-06-01");
    expect(at.session_state.range).toEqual(["2024-06-01", "2024-06-05"]);
  });

  it("raises Streamlit's errors for bad arguments", async () => {
    const cases: [() => unknown, string][] = [
      [() => st.date_input("a", { format: "YYYYMMDD" }), "Invalid `format` value."],
      [() => st.date_input("b", { value: "2024-01-01", min_value: "2024-02-01" }), "The `value` 2024-01-01 is less than the `min_value` 2024-02-01."],
      [() => st.date_input("c", { value: "2024-03-01", max_value: "2024-02-01" }), "The `value` 2024-03-01 is greater than the `max_value` 2024-02-01."],
      [() => st.date_input("d", { min_value: "2024-03-01", max_value: "2024-02-01" }), "The `min_value`, set to 2024-03-01, cannot be greater than the `max_value`, set to 2024-02-01."],
      [() => st.date_input("e", { value: "next tuesday" }), "Invalid `value` type."],
      [() => st.date_input("f", { value: ["2024-01-01", "2024-01-02", "2024-01-03"] }), "Invalid `value` type."],
    ];
    for (const [call, message] of cases) {
      const at = await AppTest.from_function(call).run();
      expect(at.exception[0]!.message).toContain(message);
    }
  });
});

describe("st.time_input", () => {
  it("returns the current UTC time by default, then what the user set", async () => {
    const before = new Date();
    const at = await AppTest.from_function(() => {
      st.write(`time=${st.time_input("At")}`);
    }).run();
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    expect([`time=${hhmm(before)}`, `time=${hhmm(new Date())}`]).toContain(at.markdown[0]!.value);
    expect(at.time_input[0]!.props).toMatchObject({ step: 900 });
    await at.time_input[0]!.set_value("08:15").run();
    expect(at.markdown[0]!.value).toBe("time=08:15");
  });

  it("takes strings and Dates, seconds with a step that is not whole minutes, and null", async () => {
    const at = await AppTest.from_function(() => {
      const out = {
        text: st.time_input("Text", { value: "12:34:56" }),
        date: st.time_input("Date", { value: new Date(Date.UTC(2024, 0, 1, 7, 5, 9)) }),
        seconds: st.time_input("Seconds", { value: "12:34:56", step: 30 }),
        none: st.time_input("None", { value: null }),
      };
      st.write(JSON.stringify(out));
    }).run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual({ text: "12:34", date: "07:05", seconds: "12:34:56", none: null });
    expect(at.time_input[3]!.props).toMatchObject({ value: null, clearable: true });
    await at.time_input[0]!.increment().run();
    await at.time_input[2]!.decrement().run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toMatchObject({ text: "12:49", seconds: "12:34:26" });
  });

  it("lets a clearable input be cleared, and runs on_change", async () => {
    const calls: unknown[] = [];
    const at = await AppTest.from_function(() => {
      st.time_input("T", { key: "t", value: null, on_change: () => calls.push(st.session_state.t) });
    }).run();
    expect(await fromBrowser(at, at.time_input[0]!.id, "23:59")).toBeUndefined();
    expect(await fromBrowser(at, at.time_input[0]!.id, null)).toBeUndefined();
    expect(calls).toEqual(["23:59", null]);
  });

  it("refuses forged browser values and keeps its value", async () => {
    const at = await AppTest.from_function(() => {
      st.time_input("T", { key: "t", value: "09:00" });
      st.time_input("S", { key: "s", value: "09:00:30", step: 30 });
    }).run();
    for (const value of [null, "24:00", "12:60", "9:00", "09:00:00", "noon", 900, ["09:15"], true]) {
      expect(await fromBrowser(at, at.time_input[0]!.id, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    for (const value of ["09:15", "09:15:60", null]) {
      expect(await fromBrowser(at, at.time_input[1]!.id, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    expect(at.session_state.t).toBe("09:00");
    expect(at.session_state.s).toBe("09:00:30");
  });

  it("raises Streamlit's errors for bad arguments", async () => {
    const at = await AppTest.from_function(() => {
      st.time_input("T", { step: 0 });
    }).run();
    expect(at.exception[0]!.message).toBe("The `step` parameter, set to 0 seconds, is outside the required range [1 second, 23 hours].");
    const bad = await AppTest.from_function(() => {
      st.time_input("T", { value: "quarter past" });
    }).run();
    expect(bad.exception[0]!.type).toBe("StreamlitInvalidParameterTypeError");
  });
});
