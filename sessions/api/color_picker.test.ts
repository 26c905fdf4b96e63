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

describe("st.color_picker", () => {
  it("returns black by default and the given colour as lowercase #rrggbb", async () => {
    const at = await AppTest.from_function(() => {
      st.write(JSON.stringify([st.color_picker("Default"), st.color_picker("Short", { value: "#0F8" }), st.color_picker("Long", { value: "#00FFAA" })]));
    }).run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual(["#000000", "#00ff88", "#00ffaa"]);
    expect(at.color_picker[1]!.props).toMatchObject({ label: "Short", value: "#00ff88" });
    await at.color_picker[0]!.pick("#123ABC").run();
    expect(at.color_picker[0]!.value).toBe("#123abc");
  });

  it("runs on_change when the user picks a colour", async () => {
    const picked: string[] = [];
    const at = await AppTest.from_function(() => {
      st.color_picker("Colour", { key: "c", on_change: () => picked.push(st.session_state.c as string) });
    }).run();
    expect(await fromBrowser(at, at.color_picker[0]!.id, "#ff0000")).toBeUndefined();
    expect(picked).toEqual(["#ff0000"]);
    expect(at.session_state.c).toBe("#ff0000");
  });

  it("refuses forged browser values and keeps its value", async () => {
    const at = await AppTest.from_function(() => {
      st.color_picker("Colour", { key: "c", value: "#112233" });
    }).run();
    for (const value of ["red", "#12345", "#1234567", "#abc", "#gggggg", "112233", 0x112233, null, ["#ffffff"], true]) {
      expect(await fromBrowser(at, at.color_picker[0]!.id, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    expect(at.session_state.c).toBe("#112233");
  });

  it("raises Streamlit's error for a bad default", async () => {
    const at = await AppTest.from_function(() => {
      st.color_picker("Colour", { value: "blue" });
    }).run();
    expect(at.exception[0]!.message).toBe("'blue' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.");
  });
});
