import { describe, expect, it } from "vitest";
import { AppTest } from "edgelit/testing";

describe("stateful button", () => {
  it("stays clicked after the click", async () => {
    const at = await AppTest.from_app("stateful-button").run();
    expect(at.markdown.length).toBe(0);
    await at.button[0]!.click().run();
    expect(at.markdown[0]!.value).toBe("Button clicked!");
    expect(at.slider.length).toBe(1);
    await at.slider[0]!.set_value(42).run();
    expect(at.markdown[0]!.value).toBe("Button clicked!");
    expect(at.slider[0]!.value).toBe(42);
  });
});

describe("toggle button", () => {
  it("switches the slider on and off", async () => {
    const at = await AppTest.from_app("toggle-button").run();
    expect(at.markdown[0]!.value).toBe("Button is off!");
    await at.button[0]!.click().run();
    expect(at.markdown[0]!.value).toBe("Button is on!");
    expect(at.slider.length).toBe(1);
    await at.button[0]!.click().run();
    expect(at.markdown[0]!.value).toBe("Button is off!");
    expect(at.slider.length).toBe(0);
  });
});

describe("stages of a process", () => {
  it("walks through every stage and starts over", async () => {
    const at = await AppTest.from_app("process-stages").run();
    expect(at.button.map((b) => b.label)).toEqual(["Begin"]);
    await at.button[0]!.click().run();
    expect(at.session_state.stage).toBe(1);
    expect(at.text_input.length).toBe(1);
    await at.text_input[0]!.input("Ada").run();
    expect(at.markdown[0]!.value).toBe("Hello Ada!");
    expect(at.selectbox[0]!.value).toBe(null);
    await at.selectbox[0]!.select("blue").run();
    expect(at.session_state.stage).toBe(3);
    expect(at.markdown.map((m) => m.value)).toEqual(["Hello Ada!", ":blue[Thank you!]"]);
    await at.button.find((b) => b.label === "Start Over")!.click().run();
    expect(at.button.map((b) => b.label)).toEqual(["Begin"]);
    expect(at.text_input.length).toBe(0);
  });
});

describe("page1000", () => {
  it("bumps line 500 only", async () => {
    const at = await AppTest.from_app("page1000").run();
    expect(at.markdown.length).toBe(1000);
    expect(at.markdown[499]!.value).toBe("Line 500: counter is 0");
    at.messages.length = 0;
    await at.button[0]!.click().run();
    expect(at.markdown[499]!.value).toBe("Line 500: counter is 1");
    const sent = at.messages.join("");
    expect(sent).toContain("Line 500: counter is 1");
    expect(sent).not.toContain("Line 499");
    expect(sent.length).toBeLessThan(400);
  });
});
