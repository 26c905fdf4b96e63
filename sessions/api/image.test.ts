import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";

describe("st.image", () => {
  it("shows one image or a row of them, with captions and a width", async () => {
    const at = await AppTest.from_function(() => {
      st.image("app/static/cat.png");
      st.image(["https://example.com/a.png", "app/static/b.png"], { caption: ["A", "B"], width: 200 });
      st.sidebar.image("app/static/c.png", { caption: "C", use_container_width: true });
    }).run();
    expect(at.image.map((image) => image.props)).toEqual([
      { images: [{ url: "app/static/cat.png" }] },
      { images: [{ url: "https://example.com/a.png", caption: "A" }, { url: "app/static/b.png", caption: "B" }], width: 200 },
      { images: [{ url: "app/static/c.png", caption: "C" }], width: "stretch" },
    ]);
    expect(at.sidebar.image).toHaveLength(1);
  });

  it("refuses captions that do not pair, a bad width, and URLs that would run code", async () => {
    const cases: [() => void, RegExp][] = [
      [() => st.image(["a.png", "b.png"], { caption: ["only one"] }), /^Cannot pair 1 captions with 2 images\.$/],
      [() => st.image("a.png", { width: 0 }), /^Invalid width value: 0\. Width must be either an integer \(pixels\), 'stretch', or 'content'\.$/],
      [() => st.image("javascript:alert(1)"), /st.image cannot show/],
      [() => st.image("data:text/html,<script>1</script>"), /st.image cannot show/],
      [() => st.image([]), /takes an image URL/],
    ];
    for (const [script, message] of cases) {
      const at = await AppTest.from_function(script).run();
      expect(at.exception[0]!.message).toMatch(message);
    }
    const ok = await AppTest.from_function(() => st.image("data:image/png;base64,iVBORw0KGgo=")).run();
    expect(ok.exception).toHaveLength(0);
  });
});
