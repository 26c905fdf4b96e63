/**
 * Custom components in a real browser: the components demo (the Streamlit docs' examples: the
 * bi-directional counter built with streamlit-component-lib, Bootstrap's collapse in a
 * components.html) and the component-probe test tenant (tests/tenants/component-probe: a front
 * end speaking the raw protocol beside a components.html forging its messages).
 */
import type { Browser, Frame, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, chooseTheme, launchBrowser, settled } from "./browser.ts";

const COMPONENT = '[data-testid="stCustomComponentV1"]';
const HTML_FRAME = '[data-testid="stIFrame"][src$="/_stcore/component_frame.html"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The frame's window, typed just enough for the code these tests run in it (the suite has no DOM types). */
type FrameWindow = {
  __mark?: number;
  origin: string;
  parent: { document: unknown };
  document: { cookie: string };
  localStorage: unknown;
  fetch(url: string, init: { credentials: "include" }): Promise<{ text(): Promise<string> }>;
  WebSocket: new (url: string) => { onopen: (() => void) | null; onerror: (() => void) | null; onclose: (() => void) | null; close(): void };
};

type ShowWatch = {
  __saw999?: boolean;
  document: { querySelector(selector: string): { textContent: string | null } | null };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: { childList: boolean; subtree: boolean; characterData: boolean }): void };
};

/** A fresh viewer (own cookies and storage, so its own session) on an app's page, its run done. */
async function open(slug: string): Promise<Page> {
  const context = await browser.newContext({ colorScheme: "light", viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl(slug));
  await settled(page);
  return page;
}

/** The demo, its counter's front end up: it rendered with its theme and asked for its height. */
async function openDemo(): Promise<Page> {
  const page = await open("components-demo");
  await page.frameLocator(COMPONENT).locator("#theme").waitFor();
  await expect.poll(() => frameHeight(page.locator(COMPONENT))).toBeGreaterThan(0);
  return page;
}

/** The document inside an iframe element, as it is now. */
async function frameOf(iframe: Locator): Promise<Frame> {
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error("the iframe has no document");
  return frame;
}

async function frameHeight(iframe: Locator): Promise<number> {
  return (await iframe.boundingBox())?.height ?? 0;
}

/** The markdown lines of the main area, as shown. */
async function markdown(page: Page): Promise<string[]> {
  return (await page.getByTestId("stMain").getByTestId("stMarkdownContainer").allTextContents()).map((text) => text.trim());
}


/**
 * What a frame's code can reach of the app: its page, cookies, storage, the answers of its routes
 * and the session's socket. Each is the error's name, or what was reached.
 */
function reach(frame: Frame, target: { origin: string; socket: string }) {
  return frame.evaluate(async ({ origin, socket }) => {
    const w = globalThis as unknown as FrameWindow;
    const attempt = (read: () => unknown): string => {
      try {
        read();
        return "read";
      } catch (error) {
        return (error as Error).name;
      }
    };
    let fetched: string;
    try {
      fetched = `read ${(await (await w.fetch(`${origin}/`, { credentials: "include" })).text()).length} characters`;
    } catch (error) {
      fetched = (error as Error).name;
    }
    const opened = await new Promise<string>((resolve) => {
      const ws = new w.WebSocket(socket);
      ws.onopen = () => {
        resolve("open");
        ws.close();
      };
      ws.onerror = () => resolve("refused");
      ws.onclose = () => resolve("refused");
    });
    return {
      origin: w.origin,
      parentDocument: attempt(() => w.parent.document),
      cookie: attempt(() => w.document.cookie),
      localStorage: attempt(() => w.localStorage),
      fetch: fetched,
      socket: opened,
    };
  }, target);
}

const ISOLATED = { origin: "null", parentDocument: "SecurityError", cookie: "SecurityError", localStorage: "SecurityError", fetch: "TypeError", socket: "refused" };

describe("components.html", () => {
  it("runs Bootstrap's JavaScript and CSS in its frame: the collapse example opens item #2 and closes #1", async () => {
    const page = await openDemo();
    const html = page.frameLocator(HTML_FRAME);
    const one = html.locator("#collapseOne");
    const two = html.locator("#collapseTwo");
    // Bootstrap's CSS hides a .collapse that is not .show.
    await one.waitFor({ state: "visible" });
    await two.waitFor({ state: "hidden" });
    await html.getByRole("button", { name: "Collapsible Group Item #2" }).click();
    await two.waitFor({ state: "visible" });
    await one.waitFor({ state: "hidden" });
    expect(await two.textContent()).toContain("Collapsible Group Item #2 content");
    await page.context().close();
  });
});

describe("a bi-directional component", () => {
  it("sends its click count to the script, which keeps it in the session across a reload", async () => {
    const page = await openDemo();
    expect(await markdown(page)).toContain("You've clicked 0 times!");
    const button = page.frameLocator(COMPONENT).getByRole("button", { name: "Click Me!" });
    for (let i = 0; i < 3; i++) await button.click();
    await expect.poll(() => markdown(page)).toContain("You've clicked 3 times!");
    await settled(page);
    expect(await markdown(page)).toContain("You've clicked 3 times!");

    await page.reload();
    await settled(page);
    await expect.poll(() => markdown(page)).toContain("You've clicked 3 times!");
    // The front end is shown again (its own count starts anew, as in Streamlit; the script's value stays).
    await page.frameLocator(COMPONENT).getByRole("button", { name: "Click Me!" }).waitFor();
    await page.context().close();
  });

  it("stays the same document while the script reruns with the same arguments", async () => {
    const page = await openDemo();
    await (await frameOf(page.locator(COMPONENT))).evaluate(() => {
      (globalThis as unknown as FrameWindow).__mark = 1;
    });
    await page.frameLocator(COMPONENT).getByRole("button", { name: "Click Me!" }).click();
    await expect.poll(() => markdown(page)).toContain("You've clicked 1 times!");
    await settled(page);
    // The iframe on the page now holds the document that was marked: not a new frame, nor a reload.
    expect(await (await frameOf(page.locator(COMPONENT))).evaluate(() => (globalThis as unknown as FrameWindow).__mark)).toBe(1);
    await page.context().close();
  });

  it("grows its frame when the front end asks for more height (setFrameHeight)", async () => {
    const page = await openDemo();
    const iframe = page.locator(COMPONENT);
    expect(await frameHeight(iframe)).toBeLessThan(300);
    await page.frameLocator(COMPONENT).getByRole("button", { name: "Taller" }).click();
    await expect.poll(() => frameHeight(iframe)).toBeGreaterThanOrEqual(300);
    await page.context().close();
  });

  it("is told the theme the viewer picks in Settings", async () => {
    const page = await openDemo();
    const theme = page.frameLocator(COMPONENT).locator("#theme");
    expect(await theme.textContent()).toBe("theme: light");
    await chooseTheme(page, "Dark");
    await expect.poll(() => theme.textContent()).toBe("theme: dark");
    await chooseTheme(page, "Light");
    await expect.poll(() => theme.textContent()).toBe("theme: light");
    await page.context().close();
  });
});

describe("a component's frame", () => {
  it("cannot reach the app's page, cookies, storage, routes or session socket", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));
    await page.goto(appUrl("components-demo"));
    await settled(page);
    await page.frameLocator(COMPONENT).locator("#theme").waitFor();
    await page.frameLocator(HTML_FRAME).locator("#accordion").waitFor();
    // The page's own session socket, whose id is the session's (43 characters).
    const socket = sockets.find((url) => /\/_stcore\/stream\/[A-Za-z0-9_-]{43}(\?|$)/.test(url));
    expect(socket).toBeDefined();
    const target = { origin: new URL(appUrl("components-demo")).origin, socket: socket! };
    // The page itself reads its cookies and storage: what the frames lack is theirs alone.
    expect(await page.evaluate(() => typeof (globalThis as unknown as FrameWindow).document.cookie)).toBe("string");

    expect(await reach(await frameOf(page.locator(COMPONENT)), target)).toEqual(ISOLATED);
    expect(await reach(await frameOf(page.locator(HTML_FRAME)), target)).toEqual(ISOLATED);
    await context.close();
  });

  it("runs in an opaque origin even when its document is opened on its own", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ["/_stcore/component/my_component/index.html", "/_stcore/component_frame.html"]) {
      const response = await page.goto(appUrl("components-demo", path));
      expect(response?.status()).toBe(200);
      expect(await page.evaluate(() => (globalThis as unknown as FrameWindow).origin)).toBe("null");
      expect(
        await page.evaluate(() => {
          try {
            return typeof (globalThis as unknown as FrameWindow).localStorage;
          } catch (error) {
            return (error as Error).name;
          }
        }),
      ).toBe("SecurityError");
    }
    await context.close();
  });
});

describe("a frame forging a component's messages", () => {
  it("is not heard: only the component's own frame sets its value", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    // Whatever the page shows, from its first paint on: did "value: 999" ever appear?
    await page.addInitScript(() => {
      const w = globalThis as unknown as ShowWatch;
      w.__saw999 = false;
      new w.MutationObserver(() => {
        if (w.document.querySelector('[data-testid="stMain"]')?.textContent?.includes("value: 999")) w.__saw999 = true;
      }).observe(w.document, { childList: true, subtree: true, characterData: true });
    });
    const dropped: string[] = [];
    page.on("console", (message) => {
      // The page's own client says so (not a frame's script).
      if (message.type() === "warning" && message.location().url.includes("/client/") && /^edgelit: dropped .*streamlit:setComponentValue/.test(message.text())) dropped.push(message.text());
    });
    await page.goto(appUrl("component-probe"));
    await settled(page);
    const probe = page.frameLocator(COMPONENT);
    await probe.getByText("rendered", { exact: true }).waitFor();
    // The forger has posted its value 999, and the page dropped it.
    await page.frameLocator(HTML_FRAME).getByText(/^forged \d+$/).waitFor();
    await expect.poll(() => dropped.length).toBeGreaterThan(0);
    expect(await markdown(page)).toContain("value: 0");

    await probe.getByRole("button", { name: "Send 1" }).click();
    await expect.poll(() => markdown(page)).toContain("value: 1");
    await settled(page);
    // The forger goes on posting after the click, and is still not heard.
    const before = dropped.length;
    await expect.poll(() => dropped.length).toBeGreaterThan(before);
    const shown = await markdown(page);
    expect(shown).toContain("value: 1");
    expect(shown).not.toContain("value: 999");
    expect(await page.evaluate(() => (globalThis as unknown as ShowWatch).__saw999)).toBe(false);
    await context.close();
  });
});

describe("a component's own frame sending what the protocol does not allow", () => {
  it("has each message dropped with a reason, the too-large value refused with a notice, and its value kept", async () => {
    const page = await open("component-probe");
    const warnings: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "warning" && message.location().url.includes("/client/")) warnings.push(message.text());
    });
    const probe = page.frameLocator(COMPONENT);
    await probe.getByText("rendered", { exact: true }).waitFor();
    const height = await frameHeight(page.locator(COMPONENT));
    await probe.getByRole("button", { name: "Send junk" }).click();
    await expect.poll(() => page.getByTestId("stToast").allTextContents()).toContainEqual(expect.stringMatching(/sent a value of more than 256 KB/));
    await expect.poll(() => warnings.filter((w) => /the component "probe"/.test(w)).length).toBeGreaterThanOrEqual(4);
    expect(warnings.some((w) => /unknown dataType "pickle"/.test(w))).toBe(true);
    expect(await frameHeight(page.locator(COMPONENT))).toBe(height);
    expect(await markdown(page)).toContain("value: 0");
    await page.context().close();
  });
});

describe("a component's arguments (component-args tenant, streamlit-component-lib without React)", () => {
  type Marked = { __mark?: number };
  const mark = async (page: Page) => (await frameOf(page.locator(COMPONENT))).evaluate(() => ((globalThis as unknown as Marked).__mark = 1));
  const marked = async (page: Page) => (await frameOf(page.locator(COMPONENT))).evaluate(() => (globalThis as unknown as Marked).__mark === 1);

  it("get a table as an ArrowTable and bytes as a Uint8Array, re-render the same frame when they change under a key, and mount anew under a new key", async () => {
    const page = await open("component-args");
    const viewer = page.frameLocator(COMPONENT);
    await expect.poll(() => viewer.locator("#label").textContent()).toBe("first");
    // Two rows of two columns, the headers in row 0.
    expect(await viewer.locator("#table").textContent()).toBe("2x2 n=1 x=1.5");
    expect(await viewer.locator("#bytes").textContent()).toBe("7,8,9");

    await mark(page);
    await page.getByRole("button", { name: "Rename" }).click();
    await expect.poll(() => viewer.locator("#label").textContent()).toBe("second");
    expect(await marked(page)).toBe(true);

    await page.getByRole("button", { name: "New key" }).click();
    await settled(page);
    await expect.poll(() => marked(page)).toBe(false);
    await expect.poll(() => viewer.locator("#label").textContent()).toBe("second");
    await page.context().close();
  });

  it("send a table back: the script gets its rows", async () => {
    const page = await open("component-args");
    const viewer = page.frameLocator(COMPONENT);
    await expect.poll(() => viewer.locator("#table").textContent()).toBe("2x2 n=1 x=1.5");
    await viewer.getByRole("button", { name: "Echo the table" }).click();
    await expect.poll(() => page.getByTestId("stText").textContent()).toBe('value: [{"n":1,"x":0.5},{"n":2,"x":1.5}]');
    await page.context().close();
  });
});
