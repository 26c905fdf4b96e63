import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";

describe("widget values", () => {
  it("returns each widget's default, then the value the user set", async () => {
    const at = await AppTest.from_function(() => {
      st.write(
        JSON.stringify([
          st.checkbox("c"),
          st.toggle("t", { value: true }),
          st.text_input("ti", { value: "x" }),
          st.text_area("ta"),
          st.number_input("ni", { min_value: 1, max_value: 5 }),
          st.number_input("nf", { value: 0.5, step: 0.1 }),
          st.slider("s"),
          st.slider("r", { value: [2, 8] }),
          st.slider("f", { value: 0.25 }),
          st.selectbox("sb", ["a", "b", "c"], { index: 1 }),
          st.radio("ra", [10, 20]),
          st.multiselect("ms", ["x", "y", "z"], { default: ["y"] }),
        ]),
      );
    }).run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual([false, true, "x", "", 1, 0.5, 0, [2, 8], 0.25, "b", 10, ["y"]]);
    expect(at.slider[2]!.props).toMatchObject({ min: 0, max: 1, step: 0.01, int: false });

    at.checkbox[0]!.check();
    at.toggle[0]!.set_value(false);
    at.text_input[0]!.input("hello");
    at.text_area[0]!.input("long\ntext");
    at.number_input[0]!.increment();
    at.number_input[1]!.set_value(1.5);
    at.slider[0]!.set_value(42);
    at.slider[1]!.set_value([3, 4]);
    at.selectbox[0]!.select("c");
    at.radio[0]!.set_value(20);
    at.multiselect[0]!.select("z");
    await at.run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual([true, false, "hello", "long\ntext", 2, 1.5, 42, [3, 4], 0.25, "c", 20, ["y", "z"]]);
  });

  it("refuses out-of-range values from a test as the browser's are refused", async () => {
    const at = await AppTest.from_function(() => {
      st.number_input("n", { min_value: 0, max_value: 3 });
    }).run();
    await expect(at.number_input[0]!.set_value(7).run()).rejects.toThrow(/greater than max_value/);
  });

  it("raises Streamlit's errors for bad arguments", async () => {
    const at = await AppTest.from_function(() => {
      st.number_input("n", { min_value: 5, max_value: 10, value: 1 });
    }).run();
    expect(at.exception[0]!.message).toMatch(/must lie between the `min_value` of 5 and the `max_value` of 10/);
  });
});

describe("widgets and session state", () => {
  it("exposes a keyed widget's value under its key, and takes a value set before it is created", async () => {
    const at = AppTest.from_function(() => {
      if (st.button("reset")) st.session_state.name = "reset!";
      const name = st.text_input("Name", { key: "name" });
      st.write(`name=${name}; state=${st.session_state.name}`);
    });
    await at.run();
    await at.text_input[0]!.input("Ada").run();
    expect(at.markdown[0]!.value).toBe("name=Ada; state=Ada");
    await at.button[0]!.click().run();
    expect(at.markdown[0]!.value).toBe("name=reset!; state=reset!");
    expect(at.text_input[0]!.value).toBe("reset!");
  });

  it("raises when a widget's key is set after the widget was created in the run", async () => {
    const at = await AppTest.from_function(() => {
      st.slider("n", { key: "n" });
      if (st.button("set")) st.session_state.n = 5;
    }).run();
    await at.button[0]!.click().run();
    expect(at.exception[0]!.message).toBe("`st.session_state.n` cannot be modified after the widget with key `n` is instantiated.");
  });

  it("runs on_change and on_click callbacks with args and kwargs before the rerun", async () => {
    const calls: unknown[] = [];
    const at = await AppTest.from_function(() => {
      st.button("go", { on_click: (a: number, kw: object) => calls.push(["click", a, kw]), args: [1], kwargs: { k: 2 } });
      st.checkbox("c", { key: "c", on_change: () => calls.push(["change", st.session_state.c]) });
      st.write(`calls=${calls.length}`);
    }).run();
    await at.button[0]!.click().run();
    expect(at.markdown[0]!.value).toBe("calls=1");
    await at.checkbox[0]!.check().run();
    expect(calls).toEqual([["click", 1, { k: 2 }], ["change", true]]);
    // Setting the same value again does not fire on_change.
    await at.checkbox[0]!.check().run();
    expect(calls.length).toBe(2);
  });

  it("forgets a widget's value when a run does not create it", async () => {
    const at = AppTest.from_function(() => {
      const show = st.checkbox("show", { value: true });
      if (show) st.text_input("t", { key: "t" });
    });
    await at.run();
    await at.text_input[0]!.input("kept?").run();
    await at.checkbox[0]!.uncheck().run();
    expect("t" in at.session_state).toBe(false);
    await at.checkbox[0]!.check().run();
    expect(at.text_input[0]!.value).toBe("");
  });

  it("supports dict-style access: in, get, delete, keys", async () => {
    const at = await AppTest.from_function(() => {
      st.session_state["a"] = 1;
      st.session_state.b = 2;
      delete st.session_state.a;
      st.write(JSON.stringify({ has_a: "a" in st.session_state, b: st.session_state.get("b"), c: st.session_state.get("c", 3), keys: st.session_state.keys() }));
    }).run();
    expect(JSON.parse(at.markdown[0]!.value as string)).toEqual({ has_a: false, b: 2, c: 3, keys: ["b"] });
  });
});

describe("widget identity", () => {
  it("raises for two identical widgets without keys, and lets keys tell them apart", async () => {
    const at = await AppTest.from_function(() => {
      st.button("same", { key: "one" });
      st.button("same", { key: "two" });
      st.button("same");
      st.button("same");
    }).run();
    expect(at.button.length).toBe(3);
    expect(at.exception[0]!.type).toBe("StreamlitDuplicateElementId");
  });

  it("makes a key-less widget a new one when its label changes", async () => {
    let label = "first";
    const at = await AppTest.from_function(() => {
      st.slider(label);
    }).run();
    await at.slider[0]!.set_value(9).run();
    label = "second";
    await at.run();
    expect(at.slider[0]!.value).toBe(0);
  });
});
