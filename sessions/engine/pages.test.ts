import { describe, expect, it } from "vitest";
import { pageFileInfo, pageLabel, sortPageFiles } from "./pages.ts";

describe("pages/ directory labels and order (Streamlit's table)", () => {
  const files = ["pages/123_hello_dear_world.ts", "pages/_12 monkeys.ts", "pages/123.ts", "pages/12 monkeys.ts", "pages/1 - first page.ts"];

  it("labels each file as Streamlit does", () => {
    expect(Object.fromEntries(files.map((f) => [f, pageLabel(f)]))).toEqual({
      "pages/1 - first page.ts": "first page",
      "pages/12 monkeys.ts": "monkeys",
      "pages/123.ts": "123",
      "pages/123_hello_dear_world.ts": "hello dear world",
      "pages/_12 monkeys.ts": "12 monkeys",
    });
  });

  it("orders numbered files first, numbers compared as numbers", () => {
    expect(sortPageFiles(files)).toEqual([
      "pages/1 - first page.ts",
      "pages/12 monkeys.ts",
      "pages/123.ts",
      "pages/123_hello_dear_world.ts",
      "pages/_12 monkeys.ts",
    ]);
  });

  it("takes a leading emoji as the icon", () => {
    expect(pageFileInfo("pages/2_📈_Plotting_Demo.ts")).toEqual({ icon: "📈", name: "Plotting_Demo", number: 2 });
  });
});
