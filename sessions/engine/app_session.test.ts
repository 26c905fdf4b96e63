import { describe, expect, it } from "vitest";
import st, { NoSessionContext } from "edgelit";
import { AppTest } from "edgelit/testing";
import type { LeafProps, ServerFrame } from "../protocol.ts";
import { apps } from "#apps";
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

describe("values no browser sends", () => {
  const send = (at: AppTest, id: string, value: unknown) => {
    const replies: ServerFrame[] = [];
    at.session.handleMessage(JSON.stringify({ t: "widget", id, value }), (frame) => replies.push(frame));
    return replies;
  };

  it("refuses null for the hello app's selectbox and text input, and the page keeps its greeting", async () => {
    const at = await AppTest.from_app("hello").run();
    const ids = [at.sidebar.selectbox[0]!.id, at.text_input[0]!.id];
    for (const id of ids) {
      const replies = send(at, id, null);
      expect(replies).toEqual([{ t: "error", code: "invalid_value", message: expect.stringMatching(/^(Greeting|Your name): /) }]);
    }
    await at.session.idle();
    expect(at.markdown[1]!.value).toBe("Hello, **world**!");
    // Nothing of it is kept for a reconnect.
    expect(ids.map((id) => at.session.state.widget(id)?.wire)).toEqual([0, "world"]);
  });

  it("takes null where Streamlit's widgets can be empty, and only there", async () => {
    const at = await AppTest.from_function(() => {
      st.write(JSON.stringify([
        st.selectbox("chosen", ["a", "b"]),
        st.selectbox("open", ["a", "b"], { index: null }),
        st.radio("radio", ["a", "b"], { index: null }),
        st.text_input("text", { value: null }),
        st.text_area("area"),
        st.number_input("n", { value: 3 }),
        st.number_input("maybe", { value: null }),
      ]));
    }).run();
    const [chosen, open] = [at.selectbox[0]!.id, at.selectbox[1]!.id];
    const [radio, text, area] = [at.radio[0]!.id, at.text_input[0]!.id, at.text_area[0]!.id];
    const [n, maybe] = [at.number_input[0]!.id, at.number_input[1]!.id];
    const codes = async (id: string, value: unknown) => {
      const replies = send(at, id, value);
      await at.session.idle();
      return replies.map((frame) => (frame.t === "error" ? frame.code : frame.t));
    };
    const shown = () => JSON.parse(String(at.markdown[0]!.value)) as unknown[];
    expect(shown()).toEqual(["a", null, null, null, "", 3, null]);
    // Never empty: a selectbox with an index, a text area with a default, a number input with a value.
    for (const id of [chosen, area, n]) expect(await codes(id, null)).toEqual(["invalid_value"]);
    // Empty until the user chooses or types, as they start.
    for (const id of [open, radio, text, maybe]) expect(await codes(id, null)).toEqual([]);
    for (const [id, value] of [[open, 1], [radio, 0], [text, "Ada"], [maybe, 7]] as const) expect(await codes(id, value)).toEqual([]);
    expect(shown()).toEqual(["a", "b", "a", "Ada", "", 3, 7]);
    // Then a radio and a typed-in text field are never None again; Streamlit's clearable selectbox
    // and number input (created empty) may be cleared.
    for (const id of [radio, text]) expect(await codes(id, null)).toEqual(["invalid_value"]);
    for (const id of [open, maybe]) expect(await codes(id, null)).toEqual([]);
    expect(shown()).toEqual(["a", null, "a", "Ada", "", 3, null]);
    const selectbox = (i: number) => at.selectbox[i]!.props as LeafProps["selectbox"];
    expect(selectbox(1).clearable).toBe(true);
    expect(at.number_input[1]!.props.clearable).toBe(true);
    expect(selectbox(0).clearable).toBeUndefined();
  });

  it("refuses a one-thumb slider's value as a list and a range's as a number, which the script would get as they came", async () => {
    const at = await AppTest.from_function(() => {
      st.write(JSON.stringify([st.slider("one", { value: 5 }), st.slider("range", { value: [2, 8] })]));
    }).run();
    expect(send(at, at.slider[0]!.id, [6])).toEqual([{ t: "error", code: "invalid_value", message: "one: Expected a number." }]);
    expect(send(at, at.slider[1]!.id, 6)).toEqual([{ t: "error", code: "invalid_value", message: "range: Expected a [low, high] pair of numbers." }]);
    expect(send(at, at.slider[1]!.id, [1, 2, 3])).toMatchObject([{ code: "invalid_value" }]);
    await at.session.idle();
    expect(at.markdown[0]!.value).toBe("[5,[2,8]]");
    expect(send(at, at.slider[0]!.id, 6)).toEqual([]);
    await at.session.idle();
    expect(at.markdown[0]!.value).toBe("[6,[2,8]]");
  });
});

describe("page frames", () => {
  const page = (at: AppTest, url_path: string, query?: Record<string, string[]>) => {
    const replies: ServerFrame[] = [];
    at.session.handleMessage(JSON.stringify({ t: "page", url_path, ...(query ? { query } : {}) }), (frame) => replies.push(frame));
    return replies;
  };

  it("refuses a path a single-page app does not have, with a huge query string, and keeps its page", async () => {
    const at = await AppTest.from_app("hello").run();
    const before = JSON.stringify(at.session.pageFrame());
    const many = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`key${i}`, ["x".repeat(40)]]));
    expect(page(at, "../../etc/passwd", many)).toEqual([{ t: "error", code: "invalid_value", message: expect.stringContaining("query string") }]);
    expect(page(at, "../../etc/passwd", { a: ["1"] })).toEqual([{ t: "error", code: "unknown_page", message: 'No page "../../etc/passwd" in this app, which has a single page.' }]);
    await at.session.idle();
    // What a reconnect is sent is the page as it was.
    expect(JSON.stringify(at.session.pageFrame())).toBe(before);
    expect(at.session.toPersisted().page).toEqual({ url_path: "", query: {}, navigation: null, config: {} });
    // Its one page, with a query string of a plausible size, is fine.
    expect(page(at, "", { tab: ["2"] })).toEqual([]);
    await at.session.idle();
    expect(at.session.navigation.state).toMatchObject({ url_path: "", query: { tab: ["2"] } });
  });

  it("goes to a page a multipage app has, and refuses one it does not, staying where it was", async () => {
    const at = await AppTest.from_app("multipage").run();
    expect(page(at, "reports")).toEqual([]);
    await at.session.idle();
    expect(at.title[0]!.value).toBe("Reports");
    expect(page(at, "nope", { x: ["1"] })).toEqual([{ t: "error", code: "unknown_page", message: expect.stringContaining('No page "nope" in this app; its pages are "dashboard", "reports", "settings"') }]);
    await at.session.idle();
    expect(at.title[0]!.value).toBe("Reports");
    expect(at.session.navigation.state).toMatchObject({ url_path: "reports", query: {} });
    // The default page by its own path or by "", and slashes as a browser's URL has them.
    expect(page(at, "/settings/")).toEqual([]);
    await at.session.idle();
    expect(at.title[0]!.value).toBe("Settings");
    expect(page(at, "")).toEqual([]);
    await at.session.idle();
    expect(at.title[0]!.value).toBe("Dashboard");
  });

  it("knows a restored session's pages before its script has run again", async () => {
    const first = await AppTest.from_app("multipage").run();
    const app = apps.find((a) => a.slug === "multipage")!;
    // A session restored from storage: st.navigation has not run in this process yet.
    const again = new AppSession({ script: app.script, pages: app.pages, send: () => undefined, restored: first.session.toPersisted() });
    const replies: ServerFrame[] = [];
    again.handleMessage(JSON.stringify({ t: "page", url_path: "apes" }), (frame) => replies.push(frame));
    again.handleMessage(JSON.stringify({ t: "page", url_path: "reports" }), (frame) => replies.push(frame));
    expect(replies.map((frame) => (frame.t === "error" ? frame.code : frame.t))).toEqual(["unknown_page"]);
    await again.idle();
    expect(again.navigation.state.url_path).toBe("reports");
  });
});
