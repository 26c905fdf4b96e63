import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";

describe("st.popover", () => {
  it("is a container holding what the script writes into it", async () => {
    const at = await AppTest.from_function(() => {
      const popover = st.popover("Settings", { help: "More options", icon: "⚙️" });
      const dark = popover.checkbox("Dark mode");
      popover.with(() => st.write(`dark=${dark}`));
      st.popover("Locked", { disabled: true, use_container_width: true }).write("hidden");
    }).run();
    expect(at.popover.map((p) => p.props)).toEqual([
      { label: "Settings", help: "More options", icon: "⚙️" },
      { label: "Locked", disabled: true, use_container_width: true },
    ]);
    expect(at.popover[0]!.label).toBe("Settings");
    expect(at.popover[0]!.children.map((c) => c.kind)).toEqual(["checkbox", "markdown"]);
    await at.popover[0]!.checkbox[0]!.check().run();
    expect(at.popover[0]!.markdown[0]!.value).toBe("dark=true");
  });
});
