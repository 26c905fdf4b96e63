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

const directions = ["North", "East", "South", "West"];

describe.each(["pills", "segmented_control"] as const)("st.%s", (kind) => {
  it("selects one option or none by default, several in multi mode", async () => {
    const at = await AppTest.from_function(() => {
      const one = st[kind]("One", directions);
      const preset = st[kind]("Preset", directions, { default: "South" });
      const many = st[kind]("Many", directions, { selection_mode: "multi", default: ["East", "West"] });
      st.write(JSON.stringify({ one, preset, many }));
    }).run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual({ one: null, preset: "South", many: ["East", "West"] });
    const groups = at[kind];
    expect(groups[0]!.props).toMatchObject({ label: "One", options: directions, indexes: [], selection_mode: "single" });
    expect(groups[2]!.indices).toEqual([1, 3]);

    groups[0]!.select("North");
    groups[1]!.unselect("South");
    groups[2]!.select("North").unselect("East");
    await at.run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual({ one: "North", preset: null, many: ["West", "North"] });
  });

  it("shows labels from format_func and returns the options", async () => {
    const at = await AppTest.from_function(() => {
      const n = st[kind]("N", [1, 2, 3], { format_func: (n) => `${n}×`, selection_mode: "multi" });
      st.write(`sum=${n.reduce((a, b) => a + b, 0)}`);
    }).run();
    expect(at[kind][0]!.options).toEqual(["1×", "2×", "3×"]);
    expect(await fromBrowser(at, at[kind][0]!.id, [0, 2])).toBeUndefined();
    expect(at.markdown[0]!.value).toBe("sum=4");
  });

  it("runs on_change with args and kwargs", async () => {
    const calls: unknown[] = [];
    const at = await AppTest.from_function(() => {
      st[kind]("P", directions, { key: "p", on_change: (a: string, kw: object) => calls.push([a, kw, st.session_state.p]), args: ["x"], kwargs: { y: 1 } });
    }).run();
    expect(await fromBrowser(at, at[kind][0]!.id, [2])).toBeUndefined();
    expect(await fromBrowser(at, at[kind][0]!.id, [])).toBeUndefined();
    expect(calls).toEqual([["x", { y: 1 }, "South"], ["x", { y: 1 }, null]]);
  });

  it("refuses forged browser values and keeps its value", async () => {
    const at = await AppTest.from_function(() => {
      st[kind]("One", directions, { key: "one", default: "East" });
      st[kind]("Many", directions, { key: "many", selection_mode: "multi", default: ["North"] });
    }).run();
    for (const value of [[0, 1], [4], [-1], [1.5], 1, "East", null, ["East"], true]) {
      expect(await fromBrowser(at, at[kind][0]!.id, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    for (const value of [[0, 0], [0, 4], 2, null]) {
      expect(await fromBrowser(at, at[kind][1]!.id, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    expect(at.session_state.one).toBe("East");
    expect(at.session_state.many).toEqual(["North"]);
  });

  it("raises Streamlit's errors for bad arguments", async () => {
    const missing = await AppTest.from_function(() => {
      st[kind]("P", directions, { default: "Up" });
    }).run();
    expect(missing.exception[0]!.message).toBe("The default value 'Up' is not part of the options. Please make sure that every default value also exists in the options.");
    const several = await AppTest.from_function(() => {
      st[kind]("P", directions, { default: ["North", "East"] as unknown as string });
    }).run();
    expect(several.exception[0]!.message).toBe(`The default argument to \`st.${kind}\` must be a single value when \`selection_mode='single'\`.`);
    const mode = await AppTest.from_function(() => {
      st[kind]("P", directions, { selection_mode: "many" as "multi" });
    }).run();
    expect(mode.exception[0]!.message).toBe("Invalid `selection_mode` value. Supported values: 'single', 'multi'.");
  });
});
