import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import type { ServerFrame } from "../protocol.ts";

describe("elements that show progress", () => {
  it("updates a progress bar, a status and a toast in place, and clears a spinner", async () => {
    const at = await AppTest.from_function(async () => {
      const bar = st.progress(0, { text: "Starting" });
      for (let i = 1; i <= 3; i++) {
        await st.sleep(1);
        bar.progress(i * 25, { text: `Step ${i}` });
      }
      const status = st.status("Downloading data...");
      status.write("Searching...");
      status.update({ label: "Download complete!", state: "complete", expanded: false });
      const toast = st.toast("Working");
      toast.toast("Done!");
      const result = await st.spinner("Thinking", async () => 42);
      st.write(`result ${result}`);
      st.balloons();
    }).run();
    expect(at.progress[0]!.value).toBe(75);
    expect(at.progress[0]!.props.text).toBe("Step 3");
    expect(at.status[0]!.props).toEqual({ label: "Download complete!", state: "complete", expanded: false });
    expect(at.status[0]!.markdown[0]!.value).toBe("Searching...");
    expect(at.toast.map((t) => t.value)).toEqual(["Done!"]);
    expect(at.spinner.length).toBe(0);
    expect(at.markdown.at(-1)!.value).toBe("result 42");
  });

  it("streams each update of a long run as it happens", async () => {
    const at = AppTest.from_function(async () => {
      const slot = st.empty();
      for (let i = 0; i < 3; i++) {
        slot.text(`tick ${i}`);
        await st.sleep(20);
      }
    });
    await at.run();
    const messages = at.messages.map((m) => JSON.parse(m) as ServerFrame[]);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(messages[0])).toContain("tick 0");
    expect(JSON.stringify(messages[1])).toContain("tick 1");
  });

  it("reads fractions as fractions and refuses values out of range", async () => {
    const at = await AppTest.from_function(() => {
      st.progress(0.5);
      st.progress(101);
    }).run();
    expect(at.progress[0]!.value).toBe(50);
    expect(at.exception[0]!.message).toMatch(/Progress Value has invalid value \[0, 100\]: 101/);
  });

  it("gives a task that outlives its run a clear error instead of writing into the next run", async () => {
    let late: Promise<unknown> = Promise.resolve();
    const at = await AppTest.from_function(() => {
      st.write("main");
      late = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        st.write("late");
      })();
    }).run();
    await expect(late).rejects.toThrow(/This script run has already ended/);
    expect(at.markdown.map((m) => m.value)).toEqual(["main"]);
  });
});
