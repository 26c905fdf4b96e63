import { describe, expect, it } from "vitest";
import { AppTest } from "edgelit/testing";

describe("multipage app with st.navigation", () => {
  it("runs the default page inside the entry script, with its navigation and page config", async () => {
    const at = await AppTest.from_app("multipage").run();
    expect(at.title[0]!.value).toBe("Dashboard");
    const page = at.session.navigation.state;
    expect(page.navigation!.pages.map((p) => [p.section, p.title, p.url_path, p.default])).toEqual([
      ["Overview", "Dashboard", "dashboard", true],
      ["Work", "reports", "reports", false],
      ["Work", "Settings", "settings", false],
    ]);
    expect(page.config).toEqual({ page_title: "Multipage demo", page_icon: "🗺️", layout: "wide" });
    expect(at.main.get("page_link")[0]!.proto).toMatchObject({ label: "Open the reports", url_path: "reports" });
  });

  it("keeps the entry script's widgets across pages and resets a page's own widgets", async () => {
    const at = await AppTest.from_app("multipage").run();
    await at.sidebar.selectbox[0]!.select("C").run();
    at.switch_page("reports.ts");
    await at.run();
    expect(at.title[0]!.value).toBe("Reports");
    expect(at.markdown[0]!.value).toBe("Showing the daily report for group C.");
    await at.button[0]!.click().run();
    expect(at.title[0]!.value).toBe("Settings");
    expect(at.session.navigation.state.url_path).toBe("settings");
    expect(at.query_params.get("tab")).toBe("settings");
    expect(at.session.navigation.state.config.page_title).toBe("Settings · Multipage demo");
    // As in Streamlit, a page change by st.switch_page carries no widget values: every widget starts over.
    expect(at.sidebar.selectbox[0]!.value).toBe("A");
    await at.sidebar.selectbox[0]!.select("B").run();
    await at.text_input[0]!.input("Ada").run();
    at.switch_page("reports.ts");
    await at.run();
    at.switch_page("settings_page.ts");
    await at.run();
    expect(at.text_input[0]!.value).toBe("");
    expect(at.sidebar.selectbox[0]!.value).toBe("B");
  });

  it("runs the default page for an unknown URL and says so", async () => {
    const at = AppTest.from_app("multipage");
    at.session.navigation.request("nope");
    await at.run();
    expect(at.title[0]!.value).toBe("Dashboard");
    expect(at.session.navigation.state.not_found).toBe("nope");
  });
});

describe("pages/ directory app", () => {
  it("lists the pages as Streamlit labels and orders them, and runs each page's own script", async () => {
    const at = await AppTest.from_app("pages-directory").run();
    expect(at.title[0]!.value).toBe("Home");
    expect(at.session.navigation.state.navigation!.pages.map((p) => p.title)).toEqual([
      "app",
      "first page",
      "monkeys",
      "123",
      "hello dear world",
      "12 monkeys",
    ]);
    at.switch_page("pages/12 monkeys.ts");
    await at.run();
    expect(at.title[0]!.value).toBe("12 monkeys");
    expect(at.session.navigation.state.url_path).toBe("monkeys");
    await at.slider[0]!.set_value(30).run();
    at.switch_page("pages/123.ts");
    await at.run();
    expect(at.slider[0]!.value).toBe(0);
  });
});
