import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import { AppSession } from "../engine/app_session.ts";
import { browserContextFrom, browserContextOf, CONTEXT_LIMITS } from "../engine/browser_context.ts";
import { cookieName } from "../../edge/auth/cookies.ts";
import { USER_HEADER } from "../auth/user.ts";

const dateIn = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/** A socket request as the Durable Object receives it from the Worker. */
function socketRequest(query: string, headers: Record<string, string>): Request {
  return new Request(`https://edgelit.example/apps/demo/_stcore/stream/abc?${query}`, { headers });
}

describe("st.context", () => {
  it("tells the script the browser's time zone and locale, and dates follow it", async () => {
    const at = AppTest.from_function(() => {
      st.write(`${st.context.timezone} ${st.context.locale}`);
      st.date_input("Day");
    });
    at.session.browserContext = browserContextFrom("wss://x/?tz=Pacific%2FKiritimati&tzo=-840&locale=en-GB");
    await at.run();
    expect(at.markdown[0]!.value).toBe("Pacific/Kiritimati en-GB");
    expect(at.date_input[0]!.value).toBe(dateIn("Pacific/Kiritimati"));
  });

  it("keeps only well-formed values from the socket URL", () => {
    const context = browserContextFrom("wss://x/?tz=<script>&tzo=99999&locale=%22&theme=purple");
    expect([context.timezone, context.timezone_offset, context.locale, context.theme]).toEqual([null, null, null, null]);
  });

  it("is empty outside a browser, as in Streamlit's AppTest", async () => {
    const at = await AppTest.from_function(() => {
      st.json({
        headers: st.context.headers.to_dict(),
        cookies: st.context.cookies.to_dict(),
        theme: st.context.theme.type,
        url: st.context.url,
        ip: st.context.ip_address,
        embedded: st.context.is_embedded,
      });
    }).run();
    expect(JSON.parse(at.json[0]!.props.body)).toEqual({ headers: {}, cookies: {}, theme: null, url: null, ip: null, embedded: null });
  });

  it("reads headers case-insensitively, with every value of a repeated one, and cookies by name", async () => {
    const at = AppTest.from_function(() => {
      const { headers, cookies } = st.context;
      st.write(headers["user-agent"]!, headers["USER-AGENT"]!, headers.get("Accept-Language")!);
      st.write(headers.get_all("x-forwarded-for").join(" | "), String(headers.get("missing", "none")), String("host" in headers), String(headers["nope"]));
      st.json(headers);
      st.write(cookies["_ga"]!, String(cookies.get("absent")), cookies.keys().join(","));
    }, {
      context: {
        headers: { "user-agent": "Mozilla/5.0", "accept-language": "fr-FR", "X-Forwarded-For": ["1.2.3.4", "5.6.7.8"], host: "example.com" },
        cookies: { _ga: "GA1.1", theme: "dark" },
      },
    });
    await at.run();
    expect(at.markdown.map((m) => m.value)).toEqual(["Mozilla/5.0 Mozilla/5.0 fr-FR", "1.2.3.4 | 5.6.7.8 none true undefined", "GA1.1 undefined _ga,theme"]);
    // Streamlit's Http-Header-Case names; the first value of a repeated header.
    expect(JSON.parse(at.json[0]!.props.body)).toEqual({ "User-Agent": "Mozilla/5.0", "Accept-Language": "fr-FR", "X-Forwarded-For": "1.2.3.4", Host: "example.com" });
  });

  it("is read-only: writing a header, a cookie or a property raises", async () => {
    const at = await AppTest.from_function(() => {
      const attempts: [string, () => void][] = [
        ["header", () => ((st.context.headers as Record<string, string>)["Host"] = "evil")],
        ["cookie", () => delete (st.context.cookies as Record<string, string>)["a"]],
        ["context", () => ((st.context as unknown as Record<string, unknown>).timezone = "UTC")],
      ];
      for (const [what, attempt] of attempts) {
        try {
          attempt();
          st.write(`${what}: written`);
        } catch (error) {
          st.write(`${what}: ${(error as Error).message}`);
        }
      }
      st.write(st.context.headers["Host"]!, st.context.cookies["a"]!, String(st.context.timezone));
    }, { context: { headers: { host: "example.com" }, cookies: { a: "1" } } }).run();
    expect(at.markdown.slice(0, 3).every((m) => String(m.value).includes("read-only"))).toBe(true);
    expect(at.markdown[3]!.value).toBe("example.com 1 null");
  });

  it("gives the page's URL: the app's, plus the path of the page shown", async () => {
    const at = AppTest.from_function(() => {
      const page = st.navigation([st.Page(() => st.write(`home ${st.context.url}`), { title: "Home", default: true }), st.Page(() => st.write(`report ${st.context.url}`), { title: "Report", url_path: "report" })]);
      page.run();
    }, { context: { url: "https://apps.example/apps/demo/" } });
    await at.run();
    expect(at.markdown[0]!.value).toBe("home https://apps.example/apps/demo");
    await at.switch_page("report").run();
    expect(at.markdown[0]!.value).toBe("report https://apps.example/apps/demo/report");
  });

  it("learns the browser's theme, and the next run sees a switch without one being started", async () => {
    let runs = 0;
    const at = AppTest.from_function(() => {
      runs++;
      st.write(`The current theme type is ${st.context.theme.type}.`);
    }, { context: { theme: "light" } });
    await at.run();
    expect(at.markdown[0]!.value).toBe("The current theme type is light.");
    expect(at.session.handleFrame({ t: "theme", type: "dark" })).toBeNull();
    await at.session.idle();
    expect(runs).toBe(1);
    expect(at.session.toPersisted().context?.theme).toBe("dark");
    await at.run();
    expect(at.markdown[0]!.value).toBe("The current theme type is dark.");
  });

  it("outlives a restart, and a session saved before these fields existed reads them as empty", async () => {
    const script = () => st.write(`${st.context.cookies["a"]} ${st.context.theme.type} ${st.context.headers.keys().length}`);
    const at = await AppTest.from_function(script, { context: { cookies: { a: "1" }, theme: "dark", headers: { host: "x" } } }).run();
    const restored = new AppSession({ script, send: () => {}, restored: at.session.toPersisted() });
    expect(restored.browserContext.cookies).toEqual({ a: "1" });
    const old = new AppSession({ script, send: () => {}, restored: { ...at.session.toPersisted(), context: { timezone: "UTC", timezone_offset: 0, locale: "en" } as never } });
    old.requestRerun();
    await old.idle();
    expect(JSON.stringify(old.tree.roots)).toContain("undefined null 0");
  });
});

describe("the context of a socket's request", () => {
  it("never shows the platform's identity and sign-in cookies or its own headers, in cookies or in the Cookie header", () => {
    const platformCookies = [cookieName("identity", "demo"), cookieName("sign-in", "demo"), cookieName("identity", "other")];
    const context = browserContextOf(
      socketRequest("tz=UTC&theme=dark&qs=embed%3Dtrue%26a%3D1", {
        cookie: `_ga=GA1.1; ${platformCookies.map((name) => `${name}=sealed`).join("; ")}; pref="compact"`,
        [USER_HEADER]: "eyJuYW1lIjoiQWRhIn0",
        "x-partykit-room": "demo:abc",
        "user-agent": "Mozilla/5.0",
        "cf-connecting-ip": "203.0.113.9",
      }),
      "/apps/demo",
    );
    expect(context.cookies).toEqual({ _ga: "GA1.1", pref: "compact" });
    expect(context.headers).toContainEqual(["cookie", '_ga=GA1.1; pref="compact"']);
    expect(context.headers.map(([name]) => name)).not.toContain(USER_HEADER);
    expect(JSON.stringify(context)).not.toMatch(/edgelit_|partykit|sealed|eyJ/);
    expect(context).toMatchObject({ app_url: "https://edgelit.example/apps/demo", ip_address: "203.0.113.9", is_embedded: true, theme: "dark", timezone: "UTC" });
  });

  it("drops a Cookie header that held only the platform's cookies", () => {
    const context = browserContextOf(socketRequest("", { cookie: `${cookieName("identity", "demo")}=sealed` }), "/apps/demo");
    expect(context.headers.find(([name]) => name === "cookie")).toBeUndefined();
    expect(context.cookies).toEqual({});
  });

  it("bounds what a browser may store in its session, and reads a loopback address as none", () => {
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x-filler-${i}`, "v".repeat(500)]));
    const context = browserContextOf(socketRequest("qs=embed%3Dfalse", { ...many, "x-huge": "h".repeat(CONTEXT_LIMITS.valueLength + 1), "cf-connecting-ip": "127.0.0.1" }), "/apps/demo");
    expect(context.headers.length).toBeLessThanOrEqual(CONTEXT_LIMITS.headers);
    expect(context.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0)).toBeLessThanOrEqual(CONTEXT_LIMITS.totalBytes);
    expect(context.headers.map(([name]) => name)).not.toContain("x-huge");
    expect(context.ip_address).toBeNull();
    expect(context.is_embedded).toBe(false);
  });
});
