import { describe, expect, it } from "vitest";
import st, { NoSessionContext } from "edgelit";
import { AppTest } from "edgelit/testing";
import type { ServerFrame } from "../protocol.ts";
import { AppSession } from "./app_session.ts";

const frames = (messages: string[]) => messages.flatMap((m) => JSON.parse(m) as ServerFrame[]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("running scripts", () => {
  it("refuses st calls outside a run with NoSessionContext", () => {
    expect(() => st.write("hi")).toThrow(NoSessionContext);
    expect(() => st.session_state.x).toThrow(/outside of a script run/);
  });

  it("lets helpers in other functions and concurrent async tasks call st", async () => {
    const helper = async (i: number) => {
      await sleep(5 * (3 - i));
      st.text(`task ${i}`);
    };
    const at = await AppTest.from_function(async () => {
      st.title("Tasks");
      await Promise.all([helper(0), helper(1), helper(2)]);
    }).run();
    expect(at.title[0]!.value).toBe("Tasks");
    expect(at.text.map((t) => t.value).sort()).toEqual(["task 0", "task 1", "task 2"]);
  });

  it("lets concurrent tasks write into their own containers, each landing in place", async () => {
    const at = await AppTest.from_function(async () => {
      const [left, right] = st.columns(2);
      const fill = async (column: typeof left, name: string, delay: number) => {
        for (let i = 0; i < 3; i++) {
          await sleep(delay);
          column.write(`${name} ${i}`);
        }
      };
      await Promise.all([fill(left, "left", 3), fill(right, "right", 2)]);
      st.write("after both");
    }).run();
    expect(at.columns[0]!.markdown.map((m) => m.value)).toEqual(["left 0", "left 1", "left 2"]);
    expect(at.columns[1]!.markdown.map((m) => m.value)).toEqual(["right 0", "right 1", "right 2"]);
    expect(at.main.children.at(-1)!.kind).toBe("markdown");
  });

  it("shows an uncaught error as an exception element, and the next run works", async () => {
    let fail = true;
    const at = await AppTest.from_function(() => {
      st.write("before");
      if (st.button("retry") === false && fail) throw new TypeError("boom");
      st.write("after");
    }).run();
    expect(at.exception[0]!.type).toBe("TypeError");
    expect(at.exception[0]!.message).toBe("boom");
    expect(at.exception[0]!.stack_trace.length).toBeGreaterThan(0);
    expect(at.exception[0]!.stack_trace.join("\n")).not.toMatch(/AppSession|runInContext|edgelitScriptRun/);
    fail = false;
    await at.button[0]!.click().run();
    expect(at.exception.length).toBe(0);
    expect(at.markdown.map((m) => m.value)).toEqual(["before", "after"]);
  });

  it("st.stop ends the run and keeps what was drawn; st.rerun starts over", async () => {
    const at = AppTest.from_function(() => {
      st.session_state.runs = (st.session_state.get("runs", 0) as number) + 1;
      st.write(`run ${st.session_state.runs}`);
      if (st.session_state.runs === 1) st.rerun();
      st.stop();
      st.write("never");
    });
    await at.run();
    expect(at.session_state.runs).toBe(2);
    expect(at.markdown.map((m) => m.value)).toEqual(["run 2"]);
  });

  it("st.write renders text as markdown, values as code and objects as JSON", async () => {
    const at = await AppTest.from_function(() => {
      st.write("a", "b");
      st.write(1);
      st.write("total", 3);
      st.write([1, 2]);
      st.write({ a: 1 });
      st.write(true);
    }).run();
    expect(at.markdown.map((m) => m.value)).toEqual(["a b", "`1`", "total `3`", "`true`"]);
    expect(at.json.map((j) => j.value)).toEqual(["[1,2]", '{"a":1}']);
  });
});

describe("layout", () => {
  it("places elements in the sidebar, columns, tabs, expanders and with()", async () => {
    const at = await AppTest.from_function(() => {
      st.sidebar.write("side");
      const [a, b] = st.columns([2, 1]);
      a.write("left");
      b.with(() => st.write("right"));
      const [t1, t2] = st.tabs(["One", "Two"]);
      t1.write("in one");
      t2.button("in two");
      st.expander("More", { expanded: true }).text("hidden");
    }).run();
    expect(at.sidebar.markdown[0]!.value).toBe("side");
    expect(at.main.markdown.map((m) => m.value)).toEqual(["left", "right", "in one"]);
    expect(at.columns.length).toBe(2);
    expect(at.columns[0]!.props.weight).toBe(2);
    expect(at.columns[1]!.markdown[0]!.value).toBe("right");
    expect(at.tabs.map((t) => t.label)).toEqual(["One", "Two"]);
    expect(at.tabs[1]!.button[0]!.label).toBe("in two");
    expect(at.expander[0]!.text[0]!.value).toBe("hidden");
  });

  it("st.empty holds one element that each write replaces", async () => {
    const at = await AppTest.from_function(async () => {
      const slot = st.empty();
      for (let i = 1; i <= 3; i++) {
        slot.text(`step ${i}`);
        await sleep(1);
      }
      st.write("done");
    }).run();
    expect(at.text.map((t) => t.value)).toEqual(["step 3"]);
    expect(at.main.children.map((c) => c.kind)).toEqual(["text", "markdown"]);
  });
});

describe("the diff", () => {
  it("sends nothing for unchanged elements and trims what a run no longer produces", async () => {
    let lines = 5;
    const at = await AppTest.from_function(() => {
      st.button("go");
      for (let i = 0; i < lines; i++) st.write(`line ${i}`);
    }).run();
    at.messages.length = 0;
    lines = 3;
    await at.button[0]!.click().run();
    const sent = frames(at.messages);
    const ops = sent.flatMap((f) => (f.t === "delta" || f.t === "run_end" ? (f.ops ?? []) : []));
    expect(ops).toEqual([{ op: "trim", path: [0], count: 4 }]);
    expect(at.markdown.length).toBe(3);
  });

  it("streams elements while an async run is in progress, with reach counts for unchanged ones", async () => {
    const messages: string[] = [];
    let delay = 0;
    const session = new AppSession({
      script: async () => {
        st.write("first");
        await sleep(delay);
        st.write("second");
      },
      send: (m) => messages.push(m),
    });
    session.requestRerun();
    await session.idle();
    messages.length = 0;
    delay = 30;
    session.requestRerun();
    await sleep(10);
    // Mid-run: "first" was reached (unchanged, not re-sent); "second" is still stale.
    expect(frames(messages)).toEqual([{ t: "run_start" }, { t: "delta", ops: [], reached: { "0": 1 } }]);
    await session.idle();
    expect(frames(messages).at(-1)).toEqual({ t: "run_end" });
  });
});

describe("browser frames", () => {
  it("refuses bad frames with an error and leaves state alone", async () => {
    const at = await AppTest.from_function(() => {
      st.slider("n", { min_value: 0, max_value: 10, key: "n" });
      st.selectbox("pick", ["a", "b"], { key: "pick" });
    }).run();
    const slider = at.slider[0]!.id;
    const select = at.selectbox[0]!.id;
    at.messages.length = 0;
    for (const frame of [
      { t: "widget", id: slider, value: 11 },
      { t: "widget", id: slider, value: 2.5 },
      { t: "widget", id: slider, value: "3" },
      { t: "widget", id: select, value: 2 },
      { t: "widget", id: "nope", value: 1 },
    ]) {
      at.session.handleMessage(JSON.stringify(frame));
    }
    await at.session.idle();
    const errors = frames(at.messages).filter((f) => f.t === "error");
    expect(errors.map((e) => (e as { code: string }).code)).toEqual([
      "invalid_value",
      "invalid_value",
      "invalid_value",
      "invalid_value",
      "unknown_widget",
    ]);
    expect(at.session_state.n).toBe(0);
    expect(at.session_state.pick).toBe("a");
  });
});

describe("a save that storage refuses", () => {
  it("tells the viewer once, keeps the session going from memory, and saves again when storage is back", async () => {
    const sent: string[] = [];
    const saved: number[] = [];
    let storageDown = true;
    const session = new AppSession({
      script: () => {
        if (!("clicks" in st.session_state)) st.session_state["clicks"] = 0;
        if (st.button("Count")) st.session_state["clicks"] = Number(st.session_state["clicks"]) + 1;
        st.text(`clicks: ${String(st.session_state["clicks"])}`);
      },
      send: (message) => sent.push(message),
      persist: (persisted) => {
        if (storageDown) throw new Error("storage is unavailable (internal error)");
        saved.push(Number(new Map(persisted.state.user).get("clicks")));
      },
    });
    session.requestRerun();
    await session.idle();
    const button = session.tree.roots[0]!.children.find((node) => node.kind === "button")!.props as { id: string };
    session.handleFrame({ t: "widget", id: button.id, value: true });
    await session.idle();
    const notices = frames(sent).filter((f) => f.t === "error");
    expect(notices).toEqual([expect.objectContaining({ code: "save_failed", message: expect.stringMatching(/could not be saved/) })]);
    // Storage's own words stay in the logs, never reach the browser.
    expect(JSON.stringify(notices)).not.toContain("internal error");
    expect(frames(sent).some((f) => JSON.stringify(f).includes("clicks: 1"))).toBe(true);

    storageDown = false;
    session.handleFrame({ t: "widget", id: button.id, value: true });
    await session.idle();
    expect(saved).toEqual([2]);
    expect(frames(sent).filter((f) => f.t === "error")).toHaveLength(1);
  });
});
