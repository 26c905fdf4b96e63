import { describe, expect, it } from "vitest";
import { AppTest } from "edgelit/testing";

describe("Caching demo", () => {
  it("runs the slow function once: a second session gets its result at once", async () => {
    const first = await AppTest.from_app("caching", { default_timeout: 10 }).run();
    expect(first.exception.length).toBe(0);
    const runs = first.metric[1]!.value;

    const second = await AppTest.from_app("caching", { default_timeout: 10 }).run();
    expect(second.metric[1]!.value).toBe(runs);
    expect(second.metric[0]!.value).toMatch(/ ms$/);
    expect(second.caption[0]!.value).toBe(String(first.caption[0]!.value).replace(" (this one).", `; this session is \`${String(second.session_state.visitor)}\`.`));

    await second.button[0]!.click().run();
    expect(Number(second.metric[1]!.value)).toBe(Number(runs) + 1);
    expect(second.caption[0]!.value).toContain("(this one)");
  });
});
