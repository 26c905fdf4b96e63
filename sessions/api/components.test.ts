import { describe, expect, it } from "vitest";
import { tableFromArrays } from "apache-arrow";
import st from "edgelit";
import components from "edgelit/components";
import { AppTest } from "edgelit/testing";
import type { ServerFrame } from "../protocol.ts";

const withComponents = { components: ["my_component"] };

/** The docs' bi-directional example: a name argument and a click count returned to the script. */
// Declared as the module loads, outside any run, as a Python module declares it on import.
const my_component = components.declare_component("my_component", { path: "components/my_component" });

function counterApp() {
  const num_clicks = my_component<number>({ name: "World" }, { key: "counter", default: 0 });
  st.markdown(`You've clicked ${num_clicks} times!`);
}

describe("components.html and components.iframe", () => {
  it("show the HTML or the page in a frame of Streamlit's default height", async () => {
    const at = await AppTest.from_function(() => {
      components.html("<p>Hello</p>", { height: 600 });
      components.iframe("https://example.com", { width: 300, scrolling: true });
    }).run();
    expect(at.iframe.length).toBe(2);
    expect(at.iframe[0]!.html).toBe("<p>Hello</p>");
    expect(at.iframe[0]!.height).toBe(600);
    expect(at.iframe[1]!.src).toBe("https://example.com");
    expect([at.iframe[1]!.height, at.iframe[1]!.width, at.iframe[1]!.scrolling]).toEqual([150, 300, true]);
  });

  it("refuse what is not HTML or an http(s) page", async () => {
    const at = await AppTest.from_function(() => {
      components.iframe("javascript:alert(1)");
    }).run();
    expect(at.exception[0]!.message).toMatch(/http\(s\) pages only/);
    const bad = await AppTest.from_function(() => components.html(42 as unknown as string)).run();
    expect(bad.exception[0]!.message).toMatch(/HTML as a string/);
  });
});

describe("a declared component", () => {
  it("returns its default until the front end sends a value, then the last value sent", async () => {
    const at = await AppTest.from_function(counterApp, withComponents).run();
    expect(at.markdown[0]!.value).toBe("You've clicked 0 times!");
    const instance = at.component[0]!;
    expect(instance.name).toBe("my_component");
    expect(instance.source).toBe("components/my_component");
    expect(instance.args).toEqual({ name: "World", default: 0, key: "counter" });
    await instance.set_value(3).run();
    expect(at.markdown[0]!.value).toBe("You've clicked 3 times!");
    expect(at.session_state["counter"]).toBe(3);
    await at.run();
    expect(at.markdown[0]!.value).toBe("You've clicked 3 times!");
  });

  it("keeps its id when its arguments change under a key, and takes session state as its value", async () => {
    let name = "World";
    const at = await AppTest.from_function(() => {
      const my_component = components.declare_component("my_component", { path: "components/my_component" });
      st.markdown(String(my_component({ name }, { key: "c", default: 0 })));
    }, withComponents).run();
    const id = at.component[0]!.id;
    name = "Streamlit";
    at.session_state["c"] = 7;
    await at.run();
    expect(at.component[0]!.id).toBe(id);
    expect(at.component[0]!.args["name"]).toBe("Streamlit");
    expect(at.markdown[0]!.value).toBe("7");
  });

  it("sends tables as tables and bytes as bytes, and runs on_change when the value changes", async () => {
    let changes = 0;
    const at = await AppTest.from_function(() => {
      const view = components.declare_component("viewer", { path: "components/my_component" });
      const value = view({ data: tableFromArrays({ n: Int32Array.from([1, 2]), s: ["a", "b"] }), raw: new Uint8Array([1, 2, 3]), label: "x" }, { on_change: () => changes++ });
      st.write(value ?? "nothing yet");
    }, withComponents).run();
    const props = at.component[0]!.props;
    expect(props.dataframe_args?.map((a) => a.key)).toEqual(["data"]);
    expect(props.bytes_args).toEqual([{ key: "raw", base64: "AQID" }]);
    expect(JSON.parse(props.json_args)).toEqual({ label: "x", default: null, key: null });
    expect(at.component[0]!.args["data"]).toEqual([{ n: 1, s: "a" }, { n: 2, s: "b" }]);
    await at.component[0]!.set_value({ picked: "b" }).run();
    expect(changes).toBe(1);
    expect(at.json[0]!.value).toBe(JSON.stringify({ picked: "b" }));
  });

  it("refuses a path outside the app, an unknown component and a frame without a front end", async () => {
    const outside = await AppTest.from_function(() => void components.declare_component("x", { path: "../other-app/components/x" }), withComponents).run();
    expect(outside.exception[0]!.message).toMatch(/outside the app's folder/);
    const unknown = await AppTest.from_function(() => void components.declare_component("x", { path: "components/nope" })(), withComponents).run();
    expect(unknown.exception[0]!.message).toMatch(/no built front end at "components\/nope".*components\/my_component/);
    const notAFolder = await AppTest.from_function(() => void components.declare_component("x", { path: "static/x" }), withComponents).run();
    expect(notAFolder.exception[0]!.message).toMatch(/a folder of the app's components/);
    const neither = await AppTest.from_function(() => void components.declare_component("x")).run();
    expect(neither.exception[0]!.message).toMatch(/either path or url/);
    const badUrl = await AppTest.from_function(() => void components.declare_component("x", { url: "file:///etc/passwd" })).run();
    expect(badUrl.exception[0]!.message).toMatch(/http\(s\) URL/);
  });

  it("refuses values from the browser of the wrong shape or over the frame limit, and keeps the last good one", async () => {
    const at = await AppTest.from_function(counterApp, withComponents).run();
    const id = at.component[0]!.id;
    const replies: ServerFrame[] = [];
    const send = (value: unknown) => at.session.handleMessage(JSON.stringify({ t: "widget", id, value }), (frame) => replies.push(frame));
    send(JSON.stringify({ type: "json", value: 5 }));
    await at.session.idle();
    expect(at.markdown[0]!.value).toBe("You've clicked 5 times!");
    for (const bad of [42, "not json", JSON.stringify({ type: "eval", value: 1 }), JSON.stringify({ type: "bytes", base64: "%%%" }), JSON.stringify({ type: "json", value: "x".repeat(300_000) })]) send(bad);
    await at.session.idle();
    const refusals = [...replies, ...at.messages.flatMap((m) => JSON.parse(m) as ServerFrame[])].filter((f) => f.t === "error");
    expect(refusals.length).toBeGreaterThanOrEqual(5);
    expect(at.markdown[0]!.value).toBe("You've clicked 5 times!");
  });
});
