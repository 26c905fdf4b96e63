import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import type { ServerFrame } from "../protocol.ts";

/** Sends a value as a (possibly forged) browser would; returns the error frame it got, if any. */
async function fromBrowser(at: AppTest, id: string, value: unknown): Promise<ServerFrame | undefined> {
  at.messages.length = 0;
  at.session.handleMessage(JSON.stringify({ t: "widget", id, value }));
  await at.session.idle();
  return at.messages.flatMap((m) => JSON.parse(m) as ServerFrame[]).find((f) => f.t === "error");
}

describe("st.select_slider", () => {
  const colors = ["red", "orange", "yellow", "green", "blue"];

  it("returns the first option by default, an option or a sorted pair otherwise", async () => {
    const at = await AppTest.from_function(() => {
      const one = st.select_slider("One", colors);
      const given = st.select_slider("Given", colors, { value: "green" });
      const range = st.select_slider("Range", colors, { value: ["yellow", "red"] });
      st.write(JSON.stringify({ one, given, range }));
    }).run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual({ one: "red", given: "green", range: ["red", "yellow"] });
    expect(at.select_slider[0]!.props).toMatchObject({ label: "One", options: colors, value: [0] });
    expect(at.select_slider[2]!.props.value).toEqual([0, 2]);

    await at.select_slider[0]!.set_value("blue").run();
    await at.select_slider[2]!.set_range("orange", "green").run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual({ one: "blue", given: "green", range: ["orange", "green"] });
    expect(at.select_slider[0]!.value).toBe("blue");
  });

  it("formats options with format_func and returns the options themselves", async () => {
    const sizes = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const at = await AppTest.from_function(() => {
      const size = st.select_slider("Size", sizes, { format_func: (s) => `size ${s.n}`, value: sizes[1] });
      st.write(`n=${size.n}`);
    }).run();
    expect(at.select_slider[0]!.options).toEqual(["size 1", "size 2", "size 3"]);
    expect(at.markdown[0]!.value).toBe("n=2");
    expect(await fromBrowser(at, at.select_slider[0]!.id, 2)).toBeUndefined();
    expect(at.markdown[0]!.value).toBe("n=3");
  });

  it("runs on_change with args and kwargs, and exposes a keyed value in session state", async () => {
    const calls: unknown[] = [];
    const at = await AppTest.from_function(() => {
      st.select_slider("Pick", colors, { key: "pick", on_change: (a: number, kw: object) => calls.push([a, kw, st.session_state.pick]), args: [1], kwargs: { k: 2 } });
    }).run();
    await at.select_slider[0]!.set_value("yellow").run();
    expect(calls).toEqual([[1, { k: 2 }, "yellow"]]);
    expect(at.session_state.pick).toBe("yellow");
    await at.select_slider[0]!.set_value("yellow").run();
    expect(calls.length).toBe(1);
  });

  it("refuses forged browser values and keeps its value", async () => {
    const at = await AppTest.from_function(() => {
      st.select_slider("One", colors, { key: "one" });
      st.select_slider("Range", colors, { value: ["orange", "green"], key: "range" });
    }).run();
    const [one, range] = [at.select_slider[0]!.id, at.select_slider[1]!.id];
    for (const value of [5, -1, 1.5, "2", null, [1, 2], true]) {
      expect(await fromBrowser(at, one, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    for (const value of [2, [3, 1], [0, 5], [0], [0, 1, 2], ["a", "b"], null]) {
      expect(await fromBrowser(at, range, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    expect(at.session_state.one).toBe("red");
    expect(at.session_state.range).toEqual(["orange", "green"]);
  });

  it("raises Streamlit's errors for bad arguments", async () => {
    const at = await AppTest.from_function(() => {
      st.select_slider("Empty", []);
    }).run();
    expect(at.exception[0]!.message).toBe("The `options` parameter is required. Provide at least one option.");
    const bad = await AppTest.from_function(() => {
      st.select_slider("Bad", colors, { value: "purple" });
    }).run();
    expect(bad.exception[0]!.type).toBe("StreamlitDefaultNotInOptionsError");
  });
});
