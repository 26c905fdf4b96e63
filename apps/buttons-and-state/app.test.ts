import { describe, expect, it } from "vitest";
import { AppTest } from "edgelit/testing";
import { examples } from "./app.ts";

describe("Buttons and state", () => {
  it("has a section per example, each running without an error", async () => {
    const at = await AppTest.from_app("buttons-and-state").run();
    expect(at.sidebar.radio[0]!.options.length).toBe(examples.length);
    for (const [section] of examples) {
      await at.sidebar.radio[0]!.set_value(section).run();
      expect(at.header[0]!.value).toBe(section);
      expect(at.exception.length).toBe(0);
    }
  });

  it("shows what the docs say: the stateful button stays clicked", async () => {
    const at = await AppTest.from_app("buttons-and-state").run();
    await at.sidebar.radio[0]!.set_value("Stateful button").run();
    await at.main.button[0]!.click().run();
    expect(at.main.markdown.map((m) => m.value)).toEqual(["Button clicked!"]);
    await at.main.slider[0]!.set_value(30).run();
    expect(at.main.markdown.map((m) => m.value)).toEqual(["Button clicked!"]);
  });

  it("shows what the docs say: changing a widget after it was created raises", async () => {
    const at = await AppTest.from_app("buttons-and-state").run();
    await at.sidebar.radio[0]!.set_value("Modify another widget: the code that errors").run();
    await at.main.text_input[0]!.input("Ada").run();
    await at.main.button[0]!.click().run();
    expect(at.exception[0]!.type).toBe("StreamlitWidgetAlreadyInstantiatedError");
  });

  it("shows what the docs say: option 3 keeps a widget's value while it is away", async () => {
    const at = await AppTest.from_app("buttons-and-state").run();
    await at.sidebar.radio[0]!.set_value("Widgets across pages, option 3: re-save the key").run();
    await at.main.number_input[0]!.set_value(4).run();
    await at.main.checkbox[0]!.uncheck().run();
    await at.main.checkbox[0]!.check().run();
    expect(at.main.number_input[0]!.value).toBe(4);
  });
});
