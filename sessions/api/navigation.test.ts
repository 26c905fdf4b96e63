import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import { AppSession } from "../engine/app_session.ts";
import type { AppPages } from "../engine/pages.ts";
import type { ServerFrame } from "../protocol.ts";

function home() {
  st.write("home");
}

function other() {
  st.text_input("Name", { key: "name" });
}

describe("st.navigation and st.switch_page", () => {
  it("makes the first page the default when none is, whose url_path is the app's root", async () => {
    const at = await AppTest.from_function(async () => {
      const pages = [st.Page(home), st.Page(other, { title: "Other", url_path: "elsewhere" })];
      const pg = st.navigation(pages);
      st.write(pages.map((p) => `${p.title}:/${p.url_path}`).join(", "));
      await pg.run();
    }).run();
    expect(at.markdown.map((m) => m.value)).toEqual(["home:/, Other:/elsewhere", "home"]);
    expect(at.session.navigation.state.navigation!.pages.map((p) => [p.url_path, p.default])).toEqual([
      ["home", true],
      ["elsewhere", false],
    ]);
  });

  it("starts every widget over after st.switch_page to another page, the entry script's too", async () => {
    const at = await AppTest.from_function(async () => {
      const pages = [st.Page(home), st.Page(other)];
      const pg = st.navigation(pages);
      st.sidebar.slider("Size", { min_value: 1, max_value: 5, key: "size" });
      if (st.sidebar.button("Other")) st.switch_page(pages[1]!);
      if (st.sidebar.button("Stay")) st.switch_page(pages[0]!);
      await pg.run();
    }).run();
    await at.sidebar.slider[0]!.set_value(4).run();
    await at.sidebar.button[1]!.click().run();
    expect(at.sidebar.slider[0]!.value).toBe(4); // the same page: nothing changes
    await at.sidebar.button[0]!.click().run();
    expect(at.text_input.length).toBe(1);
    expect(at.sidebar.slider[0]!.value).toBe(1);
    expect("size" in at.session_state).toBe(true);
  });

  it("gives Streamlit's error for a bad layout or sidebar state in st.set_page_config", async () => {
    const layout = await AppTest.from_function(() => {
      st.set_page_config({ layout: "huge" as "wide" });
    }).run();
    expect([layout.exception[0]!.type, layout.exception[0]!.message]).toEqual(["StreamlitValueError", "Invalid `layout` value. Supported values: 'centered', 'wide'."]);
    const sidebar = await AppTest.from_function(() => {
      st.set_page_config({ initial_sidebar_state: "open" as "auto" });
    }).run();
    expect(sidebar.exception[0]!.type).toBe("StreamlitValueError");
  });
});

describe("client.showSidebarNavigation = false", () => {
  /** The navigation the browser is told to show, as the session sends it with `client.showSidebarNavigation` off. */
  async function sentNavigation(script: () => unknown, pages?: AppPages) {
    const messages: string[] = [];
    const session = new AppSession({ script, pages, send: (message) => messages.push(message), showSidebarNavigation: false });
    session.requestRerun();
    await session.idle();
    const frames = messages.flatMap((message) => JSON.parse(message) as ServerFrame[]);
    return frames.findLast((frame) => frame.t === "page")?.page.navigation;
  }

  it("hides the sidebar navigation of st.navigation and of a pages/ directory, as Streamlit does", async () => {
    const viaNavigation = await sentNavigation(async () => {
      await st.navigation([st.Page(home), st.Page(other)]).run();
    });
    expect(viaNavigation?.position).toBe("hidden");
    expect(viaNavigation?.pages.map((p) => p.url_path)).toEqual(["home", "other"]);

    const directory = { modules: { "pages/other.ts": other }, pagesDir: ["pages/other.ts"], entryName: "app" };
    expect((await sentNavigation(home, directory))?.position).toBe("hidden");
  });

  it("keeps st.navigation(position=\"top\")", async () => {
    const top = await sentNavigation(async () => {
      await st.navigation([st.Page(home), st.Page(other)], { position: "top" }).run();
    });
    expect(top?.position).toBe("top");
  });
});
