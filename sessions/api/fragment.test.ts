import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import type { ServerFrame } from "../protocol.ts";

const frames = (messages: string[]) => messages.flatMap((m) => JSON.parse(m) as ServerFrame[]);

describe("st.fragment", () => {
  const counts = { app: 0, fragment: 0 };
  const app = () => {
    counts.app++;
    st.title("Page");
    const part = st.fragment(() => {
      counts.fragment++;
      const n = st.slider("n", { key: "n" });
      st.write(`n is ${n}`);
      if (st.button("app rerun")) st.rerun();
      if (st.button("fragment rerun") && !st.session_state.get("again")) {
        st.session_state.again = true;
        st.rerun({ scope: "fragment" });
      }
    });
    part();
    st.write(`after, app runs: ${counts.app}`);
  };

  it("reruns only itself when a widget inside it changes", async () => {
    counts.app = counts.fragment = 0;
    const at = await AppTest.from_function(app).run();
    at.messages.length = 0;
    await at.slider[0]!.set_value(7).run();
    expect(counts).toEqual({ app: 1, fragment: 2 });
    expect(at.markdown.map((m) => m.value)).toEqual(["n is 7", "after, app runs: 1"]);
    // Only the fragment's block went stale, and only its changed line travelled.
    const sent = frames(at.messages);
    expect(sent[0]).toMatchObject({ t: "run_end" });
    const set = (sent[0] as unknown as { ops: { op: string; path: number[] }[] }).ops.filter((op) => op.op === "set");
    expect(set.every((op) => op.path[0] === 0 && op.path[1] === 1)).toBe(true);
    expect(JSON.stringify(sent)).not.toContain("after, app runs");
  });

  it("st.rerun() from a fragment reruns the app; scope fragment reruns the fragment", async () => {
    counts.app = counts.fragment = 0;
    const at = await AppTest.from_function(app).run();
    await at.button[0]!.click().run();
    expect(counts.app).toBe(2);
    const before = { ...counts };
    await at.button[1]!.click().run();
    expect(counts.app).toBe(before.app);
    expect(counts.fragment).toBe(before.fragment + 2);
  });

  it("refuses st.rerun({ scope: 'fragment' }) in a full run", async () => {
    const at = await AppTest.from_function(() => {
      st.rerun({ scope: "fragment" });
    }).run();
    expect(at.exception[0]!.message).toMatch(/can only be specified from `@st.fragment`-decorated functions during fragment reruns/);
  });

  it("reruns on its own every run_every", async () => {
    let ticks = 0;
    const at = await AppTest.from_function(() => {
      st.fragment(() => st.write(`tick ${++ticks}`), { run_every: 100 })();
    }).run();
    await new Promise((resolve) => setTimeout(resolve, 350));
    await at.session.idle();
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(at.markdown[0]!.value).toBe(`tick ${ticks}`);
    at.session.pauseTimers();
  });

  it("cannot write outside its block when it reruns on its own", async () => {
    const at = await AppTest.from_function(() => {
      st.fragment(() => {
        if (st.button("side")) st.sidebar.write("nope");
      })();
    }).run();
    await at.button[0]!.click().run();
    expect(at.exception[0]!.message).toMatch(/Fragments cannot write to elements outside of their main body/);
  });
});
