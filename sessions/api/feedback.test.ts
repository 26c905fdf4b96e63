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

describe("st.feedback", () => {
  it("is null until chosen, then the chosen index; thumbs by default", async () => {
    const at = await AppTest.from_function(() => {
      const thumbs = st.feedback();
      const stars = st.feedback("stars", { default: 2 });
      st.write(JSON.stringify({ thumbs, stars }));
    }).run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual({ thumbs: null, stars: 2 });
    expect(at.feedback[0]!.props).toMatchObject({ options: "thumbs", index: null });
    await at.feedback[0]!.set_value(1).run();
    await at.feedback[1]!.set_value(null).run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual({ thumbs: 1, stars: null });
  });

  it("runs on_change with args", async () => {
    const calls: unknown[] = [];
    const at = await AppTest.from_function(() => {
      st.feedback("faces", { key: "mood", on_change: (who: string) => calls.push([who, st.session_state.mood]), args: ["me"] });
    }).run();
    expect(await fromBrowser(at, at.feedback[0]!.id, 4)).toBeUndefined();
    expect(calls).toEqual([["me", 4]]);
  });

  it("refuses forged browser values and keeps its value", async () => {
    const at = await AppTest.from_function(() => {
      st.feedback("thumbs", { key: "t" });
      st.feedback("stars", { key: "s", default: 3 });
    }).run();
    for (const value of [2, -1, 0.5, "1", true, [1]]) {
      expect(await fromBrowser(at, at.feedback[0]!.id, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    for (const value of [5, 10, "4", [0]]) {
      expect(await fromBrowser(at, at.feedback[1]!.id, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    expect(at.session_state.t).toBe(null);
    expect(at.session_state.s).toBe(3);
  });

  it("refuses any value while disabled", async () => {
    const at = await AppTest.from_function(() => {
      st.feedback("thumbs", { disabled: true, key: "t" });
    }).run();
    expect(await fromBrowser(at, at.feedback[0]!.id, 1)).toMatchObject({ t: "error", code: "invalid_value" });
    expect(at.session_state.t).toBe(null);
  });

  it("raises Streamlit's errors for bad arguments", async () => {
    const at = await AppTest.from_function(() => {
      st.feedback("stars", { default: 5 });
    }).run();
    expect(at.exception[0]!.message).toBe("The `default` parameter, set to 5, is outside the required range [0, 4].");
    const bad = await AppTest.from_function(() => {
      st.feedback("hearts" as "stars");
    }).run();
    expect(bad.exception[0]!.message).toBe("Invalid `options` value. Supported values: 'thumbs', 'faces', 'stars'.");
  });
});
