import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";

describe("st.link_button", () => {
  it("carries its label, URL and options; it is no widget", async () => {
    const at = await AppTest.from_function(() => {
      st.link_button("Docs", "https://docs.streamlit.io");
      st.link_button("Mail", "mailto:a@example.com", { type: "primary", icon: "📧", help: "Write to us", disabled: true, use_container_width: true });
    }).run();
    expect(at.link_button.map((b) => b.props)).toEqual([
      { label: "Docs", url: "https://docs.streamlit.io", type: "secondary" },
      { label: "Mail", url: "mailto:a@example.com", type: "primary", help: "Write to us", disabled: true, icon: "📧", use_container_width: true },
    ]);
    expect([at.link_button[0]!.label, at.link_button[0]!.url]).toEqual(["Docs", "https://docs.streamlit.io"]);
  });

  it("refuses a bad type and URLs that would run code on the platform's origin", async () => {
    const type = await AppTest.from_function(() => {
      st.link_button("x", "https://example.com", { type: "danger" as "primary" });
    }).run();
    expect(type.exception[0]!.message).toBe("Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'.");
    for (const url of ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>1</script>"]) {
      const at = await AppTest.from_function(() => {
        st.link_button("x", url);
      }).run();
      expect(at.exception[0]!.message).toMatch(/st.link_button cannot open/);
    }
  });
});
