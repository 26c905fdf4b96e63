import { afterEach, describe, expect, it, vi } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import { memoryTier } from "../cache/data_cache.ts";
import { MemoryCacheStore } from "../cache/store.ts";
import { inProcessPlatform } from "../platform.ts";
import { AppSession } from "../engine/app_session.ts";

/** A fresh app name per test: the cache is the process's, as Streamlit's is. */
let appCount = 0;
function session(script: () => unknown, app = `cache-test-${++appCount}`, store = new MemoryCacheStore()) {
  const platform = inProcessPlatform(app, { cache: store });
  const messages: string[] = [];
  const s = new AppSession({ script, send: (m) => messages.push(m), platform });
  return {
    platform,
    store,
    messages,
    async run() {
      s.requestRerun();
      await s.idle();
      return s;
    },
    session: s,
  };
}

function texts(s: AppSession): string[] {
  const out: string[] = [];
  const visit = (node: any) => {
    if (node.children) node.children.forEach(visit);
    else if (node.props?.body !== undefined) out.push(node.props.body);
    else if (node.props?.message !== undefined) out.push(`${node.props.type}: ${node.props.message}`);
  };
  s.tree.roots.forEach(visit);
  return out;
}

afterEach(() => vi.useRealTimers());

describe("st.cache_data", () => {
  it("runs the function once per arguments, for every session of the app, and returns fresh copies", async () => {
    let calls = 0;
    const double = st.cache_data(async function double(x: number) {
      calls++;
      return { value: x * 2, list: [x] };
    });
    const script = async () => {
      const a = await double(2);
      a.list.push(99);
      const b = await double(2);
      st.write(`${b.value} ${b.list.length} ${(await double(3)).value}`);
    };
    const store = new MemoryCacheStore();
    const first = await session(script, "shared-app", store).run();
    expect(texts(first)).toEqual(["4 1 6"]);
    expect(calls).toBe(2);
    const second = await session(script, "shared-app", store).run();
    expect(texts(second)).toEqual(["4 1 6"]);
    expect(calls).toBe(2);
  });

  it("is a hit from the store in another isolate (memory tier empty), and a miss for another app", async () => {
    let calls = 0;
    const load = st.cache_data(async function load(name: string) {
      calls++;
      return new Map([[name, new Date(0)]]);
    });
    const script = async () => {
      const value = await load("a");
      st.write(`${value.get("a")?.toISOString()}`);
    };
    const store = new MemoryCacheStore();
    await session(script, "app-one", store).run();
    memoryTier.dropPrefix("app-one/");
    const again = await session(script, "app-one", store).run();
    expect(texts(again)).toEqual(["1970-01-01T00:00:00.000Z"]);
    expect(calls).toBe(1);
    await session(script, "app-two", store).run();
    expect(calls).toBe(2);
    expect((await store.list("cache/app-one/")).length).toBeGreaterThan(0);
    expect((await store.list("cache/app-two/")).length).toBeGreaterThan(0);
  });

  it("hashes arguments by value, skipping an object argument's `_` keys", async () => {
    let calls = 0;
    const fetchRows = st.cache_data(async function fetch_rows(options: { _client: { id: number }; table: string; filter: Record<string, number> }) {
      calls++;
      return `${options.table}:${options._client.id}`;
    });
    const t = session(async () => {
      st.write(await fetchRows({ _client: { id: 1 }, table: "pets", filter: { a: 1, b: 2 } }));
      st.write(await fetchRows({ _client: { id: 2 }, table: "pets", filter: { b: 2, a: 1 } }));
      st.write(await fetchRows({ _client: { id: 3 }, table: "owners", filter: { a: 1, b: 2 } }));
    });
    expect(texts(await t.run())).toEqual(["pets:1", "pets:1", "owners:3"]);
    expect(calls).toBe(2);
  });

  it("raises UnhashableParamError for an argument it cannot hash, naming it", async () => {
    const f = st.cache_data(async function f(_x: unknown) {
      return 1;
    });
    const t = session(async () => {
      await f({ handle: Symbol("x") });
    });
    const [message] = texts(await t.run());
    expect(message).toMatch(/^UnhashableParamError: Cannot hash argument 'handle' \(of type `symbol`\) in 'f'\./);
  });

  it("raises UnserializableReturnValueError for a value it cannot store, and the app keeps running", async () => {
    class Client {
      constructor(readonly url: string) {}
    }
    const make = st.cache_data(async function make_client() {
      return { client: new Client("x") };
    });
    let broken = true;
    const t = session(async () => {
      if (broken) await make();
      st.write("still here");
    });
    const [message] = texts(await t.run());
    expect(message).toMatch(/^UnserializableReturnValueError: Cannot serialize the return value \(of type `Object`\) in `make_client\(\)`\./);
    expect(message).toContain("Client (at `client`)");
    expect(message).toContain("use `st.cache_resource` instead");
    broken = false;
    expect(texts(await t.run())).toEqual(["still here"]);
  });

  it("refuses a value larger than KV takes with a clear error, and the app keeps running", async () => {
    const huge = st.cache_data(async function huge() {
      return "x".repeat(26 * 1024 * 1024);
    });
    let big = true;
    const t = session(async () => {
      st.write(big ? `${(await huge()).length}` : "small");
    });
    const [message] = texts(await t.run());
    expect(message).toMatch(/^CachedValueTooLargeError: The return value of `huge\(\)` is 26\.0 MiB once stored, and `st\.cache_data` stores at most 25\.0 MiB per value/);
    expect(await t.store.list("cache/")).toEqual([]);
    big = false;
    expect(texts(await t.run())).toEqual(["small"]);
  });

  it("clears one function, or every function of the app, for every session", async () => {
    let a = 0;
    let b = 0;
    const fa = st.cache_data(async function fa() {
      return ++a;
    });
    const fb = st.cache_data(async function fb() {
      return ++b;
    });
    const store = new MemoryCacheStore();
    const script = async () => st.write(`${await fa()} ${await fb()}`);
    const one = session(script, "clear-app", store);
    const two = session(script, "clear-app", store);
    expect(texts(await one.run())).toEqual(["1 1"]);
    expect(texts(await two.run())).toEqual(["1 1"]);
    await session(async () => fa.clear(), "clear-app", store).run();
    expect(texts(await two.run())).toEqual(["2 1"]);
    expect(texts(await one.run())).toEqual(["2 1"]);
    await session(async () => st.cache_data.clear(), "clear-app", store).run();
    expect(texts(await one.run())).toEqual(["3 2"]);
    expect(texts(await two.run())).toEqual(["3 2"]);
    // Only the current generation's entries are left in the store.
    expect((await store.list("cache/clear-app/data/")).length).toBe(2);
  });

  it("clears one entry when given its arguments", async () => {
    let calls = 0;
    const f = st.cache_data(async function f(x: number) {
      return `${x}:${++calls}`;
    });
    const t = session(async () => {
      if (st.session_state.get("clear")) await f.clear(1);
      st.write(`${await f(1)} ${await f(2)}`);
    });
    expect(texts(await t.run())).toEqual(["1:1 2:2"]);
    t.session.state.set("clear", true);
    expect(texts(await t.run())).toEqual(["1:3 2:2"]);
  });

  it("expires entries after ttl, below KV's 60-second minimum too, and accepts duration strings", async () => {
    let calls = 0;
    const now = { t: 1_000_000 };
    vi.spyOn(Date, "now").mockImplementation(() => now.t);
    const f = st.cache_data(async function f() {
      return ++calls;
    }, { ttl: 5 });
    const g = st.cache_data(async function g() {
      return ++calls;
    }, { ttl: "1h" });
    const t = session(async () => st.write(`${await f()} ${await g()}`));
    expect(texts(await t.run())).toEqual(["1 2"]);
    now.t += 4_000;
    expect(texts(await t.run())).toEqual(["1 2"]);
    now.t += 2_000;
    memoryTier.dropPrefix(`${t.platform.app}/`);
    expect(texts(await t.run())).toEqual(["3 2"]);
    now.t += 3_600_000;
    expect(texts(await t.run())).toEqual(["4 5"]);
    expect(() => st.cache_data(async () => 1, { ttl: "soon" })).toThrow("Time string doesn't look right. It should be formatted as `'1d2h34m'` or `2 days`, for example. Got: soon");
    vi.restoreAllMocks();
  });

  it("computes concurrent misses for the same key once", async () => {
    let calls = 0;
    const slow = st.cache_data(async function slow(x: number) {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return [x];
    });
    const store = new MemoryCacheStore();
    const script = async () => {
      const [a, b] = await Promise.all([slow(1), slow(1)]);
      a!.push(2);
      st.write(`${a!.length} ${b!.length}`);
    };
    const [one, two] = await Promise.all([session(script, "concurrent", store).run(), session(script, "concurrent", store).run()]);
    expect(calls).toBe(1);
    // Every caller got its own copy: pushing to one changes no other.
    expect(texts(one)).toEqual(["2 1"]);
    expect(texts(two)).toEqual(["2 1"]);
  });

  it("shows the spinner while a slow miss computes, where the call is, and leaves the page as a hit would", async () => {
    const slow = st.cache_data(async function slow_sum(a: number, b: number) {
      await new Promise((resolve) => setTimeout(resolve, 700));
      return a + b;
    });
    const t = session(async () => {
      st.write("before");
      st.write(`sum ${await slow(1, 2)}`);
      st.write("after");
    });
    const s = await t.run();
    const frames = t.messages.join("");
    expect(frames).toContain('"kind":"spinner","props":{"text":"Running `slow_sum(...)`."}');
    expect(texts(s)).toEqual(["before", "sum 3", "after"]);
    expect(s.tree.roots[0]!.children.map((c) => c.kind)).toEqual(["markdown", "markdown", "markdown"]);
    t.messages.length = 0;
    await t.run();
    expect(t.messages.join("")).not.toContain("spinner");
  });

  it("shows no spinner for a quick miss, for show_spinner: false, or for a nested cached call", async () => {
    const inner = st.cache_data(async function inner() {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return 1;
    });
    const outer = st.cache_data(async function outer() {
      return (await inner()) + 1;
    }, { show_spinner: "Working on it" });
    const quiet = st.cache_data(async function quiet() {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return 0;
    }, { show_spinner: false });
    const t = session(async () => st.write(`${await outer()} ${await quiet()}`));
    await t.run();
    const spinners = t.messages.join("").match(/"kind":"spinner","props":\{"text":"[^"]*"/g) ?? [];
    expect(spinners).toEqual(['"kind":"spinner","props":{"text":"Working on it"']);
  });

  it("works as a decorator with options, as Python's @st.cache_data(ttl=...)", async () => {
    const f = st.cache_data({ ttl: 60 })(async function f(x: number) {
      return x + 1;
    });
    const t = session(async () => st.write(`${await f(1)}`));
    expect(texts(await t.run())).toEqual(["2"]);
  });

  it("raises NoSessionContext outside a script run", async () => {
    const f = st.cache_data(async () => 1);
    await expect(f()).rejects.toThrow(/outside of a script run/);
  });
});

describe("st.cache_resource", () => {
  it("returns one shared object per arguments, not a copy, to every session of the app", async () => {
    let made = 0;
    const client = st.cache_resource(function client(url: string) {
      made++;
      return { url, requests: 0 };
    });
    const script = () => {
      const c = client("https://example.test");
      c.requests++;
      st.write(`${c.requests}`);
    };
    expect(texts(await session(script, "resource-app").run())).toEqual(["1"]);
    expect(texts(await session(script, "resource-app").run())).toEqual(["2"]);
    expect(texts(await session(script, "other-resource-app").run())).toEqual(["1"]);
    expect(made).toBe(2);
  });

  it("makes a new one after ttl, when validate says no, or after clear()", async () => {
    let made = 0;
    const now = { t: 5_000_000 };
    vi.spyOn(Date, "now").mockImplementation(() => now.t);
    const thing = st.cache_resource(function thing() {
      return { id: ++made, open: true };
    }, { ttl: "10s", validate: (t: { open: boolean }) => t.open });
    const t = session(() => {
      const value = thing();
      if (st.session_state.get("close")) value.open = false;
      st.write(`${value.id}`);
    });
    expect(texts(await t.run())).toEqual(["1"]);
    now.t += 11_000;
    expect(texts(await t.run())).toEqual(["2"]);
    t.session.state.set("close", true);
    expect(texts(await t.run())).toEqual(["2"]);
    t.session.state.set("close", false);
    expect(texts(await t.run())).toEqual(["3"]);
    await session(() => thing.clear(), t.platform.app).run();
    expect(texts(await t.run())).toEqual(["4"]);
    await session(() => st.cache_resource.clear(), t.platform.app).run();
    expect(texts(await t.run())).toEqual(["5"]);
    vi.restoreAllMocks();
  });

  it("keeps at most max_entries, and shares an async function's promise", async () => {
    let made = 0;
    const conn = st.cache_resource(async function conn(n: number) {
      made++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { n };
    }, { max_entries: 1 });
    const t = session(async () => {
      const [a, b] = await Promise.all([conn(1), conn(1)]);
      st.write(`${a === b}`);
      await conn(2);
      await conn(1);
    });
    expect(texts(await t.run())).toEqual(["true"]);
    expect(made).toBe(3);
  });
});

describe("AppTest and the cache", () => {
  it("shares the process's cache between AppTests of the same app, as Streamlit's", async () => {
    let calls = 0;
    const f = st.cache_data(async function shared_in_tests() {
      return ++calls;
    });
    const script = async () => st.write(`${await f()}`);
    expect((await AppTest.from_function(script).run()).markdown[0]!.value).toBe("1");
    expect((await AppTest.from_function(script).run()).markdown[0]!.value).toBe("1");
  });
});
