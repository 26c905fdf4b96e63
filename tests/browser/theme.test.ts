import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERIC_ERROR_MESSAGE } from "../../sessions/errors.ts";
import { appUrl, chooseTheme, launchBrowser, settled } from "./browser.ts";

// The themed app's .streamlit/config.toml, as the browser should paint it.
const LIGHT = { background: "rgb(251, 248, 241)", text: "rgb(43, 42, 38)", primary: "rgb(31, 111, 92)", sidebar: "rgb(230, 220, 198)", sidebarPrimary: "rgb(180, 83, 42)" };
const DARK = { background: "rgb(16, 22, 26)", text: "rgb(232, 239, 233)", primary: "rgb(111, 211, 184)", sidebar: "rgb(24, 33, 39)", sidebarPrimary: "rgb(242, 166, 90)" };
const SCREENSHOTS = join(import.meta.dirname, "..", "..", "dist", "screenshots");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** The page's window, typed just enough for the code these tests run in it (the suite has no DOM types). */
type PageWindow = {
  document: { body: unknown; querySelector(selector: string): unknown };
  getComputedStyle(element: unknown): { backgroundColor: string; color: string; accentColor: string };
  localStorage: { getItem(key: string): string | null };
};
type Img = { naturalWidth: number; decode(): Promise<void> };

/** The colours the page shows: main area, its text and primary button; the sidebar and its checkbox. */
function colours(page: Page) {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    const style = (selector: string) => w.getComputedStyle(w.document.querySelector(selector));
    return {
      background: w.getComputedStyle(w.document.body).backgroundColor,
      text: style('[data-testid="stMain"] [data-testid="stMarkdownContainer"] p').color,
      primary: style('[data-testid="stMain"] [data-testid="stBaseButton-primary"]').backgroundColor,
      sidebar: style('[data-testid="stSidebar"]').backgroundColor,
      sidebarPrimary: style('[data-testid="stSidebar"] input[type="checkbox"]').accentColor,
    };
  });
}

async function openThemed(colorScheme: "light" | "dark"): Promise<Page> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl("themed"));
  await settled(page);
  await page.getByTestId("stImage").first().locator("img").evaluate((img) => (img as unknown as Img).decode());
  return page;
}


describe("a themed app", () => {
  it("paints config.toml's light theme, main area and sidebar, and its static images", async () => {
    const page = await openThemed("light");
    expect(await colours(page)).toEqual(LIGHT);
    const images = page.locator('[data-testid="stImage"] img, [data-testid="stMarkdownContainer"] img');
    expect(await images.count()).toBe(3);
    for (const width of await images.evaluateAll((all) => all.map((img) => (img as unknown as Img).naturalWidth))) expect(width).toBeGreaterThan(0);
    expect(await page.getByTestId("stImageCaption").allTextContents()).toEqual(["Dawn", "Dusk"]);
    await page.screenshot({ path: join(SCREENSHOTS, "themed-light.png"), fullPage: true });
    await page.context().close();
  });

  it("paints its dark theme for a browser that prefers dark", async () => {
    const page = await openThemed("dark");
    expect(await colours(page)).toEqual(DARK);
    await page.screenshot({ path: join(SCREENSHOTS, "themed-dark.png"), fullPage: true });
    await page.context().close();
  });

  it("switches theme from ⋮ → Settings and keeps the choice across a reload", async () => {
    const page = await openThemed("light");
    await chooseTheme(page, "Dark");
    expect(await colours(page)).toEqual(DARK);
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).localStorage.getItem("edgelit-theme:themed"))).toBe("dark");

    await page.reload();
    await settled(page);
    expect(await colours(page)).toEqual(DARK);

    await chooseTheme(page, "Use system setting");
    expect(await colours(page)).toEqual(LIGHT);
    await page.context().close();
  });

  it("shows an uncaught error's type and Streamlit's generic message, never its text", async () => {
    const page = await openThemed("light");
    await page.getByTestId("stButton").filter({ hasText: "Raise an error" }).locator("button").click();
    const exception = page.getByTestId("stException");
    await exception.waitFor();
    const text = await exception.textContent();
    expect(text).toContain("Error");
    expect(text).toContain(GENERIC_ERROR_MESSAGE);
    expect(text).not.toContain("hunter2");
    await page.context().close();
  });
});

describe("the first paint, before the client's script runs", () => {
  const bodyColours = (page: Page) =>
    page.evaluate(() => {
      const w = globalThis as unknown as PageWindow;
      const style = w.getComputedStyle(w.document.body);
      return { background: style.backgroundColor, text: style.color };
    });

  it("is already the dark theme for a browser that prefers dark, with JavaScript off", async () => {
    for (const [colorScheme, expected] of [["dark", DARK], ["light", LIGHT]] as const) {
      const context = await browser.newContext({ colorScheme, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(appUrl("themed"));
      // The server painted the page; the client never ran, so it never took the page over.
      await expect.poll(() => page.getByTestId("stApp").getAttribute("data-test-script-state")).toBe("initial");
      expect(await bodyColours(page)).toEqual({ background: expected.background, text: expected.text });
      await context.close();
    }
  });

  it("is the viewer's stored choice, before the client has loaded", async () => {
    const context = await browser.newContext({ colorScheme: "light" });
    await context.addInitScript(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem("edgelit-theme:themed", "dark"));
    const page = await context.newPage();
    // The client's script never arrives: what shows is the shell's own doing.
    await page.route("**/client/edgelit.js", (route) => route.abort());
    await page.goto(appUrl("themed"));
    expect(await bodyColours(page)).toEqual({ background: DARK.background, text: DARK.text });
    await context.close();
  });
});

describe("st.context.theme", () => {
  it("tells the script the theme shown, and the viewer's switch from the next run on", async () => {
    const context = await browser.newContext({ colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(appUrl("browser-context"));
    await settled(page);
    const line = page.getByTestId("stMarkdownContainer").filter({ hasText: "The current theme type" });
    expect((await line.textContent())?.trim()).toBe("The current theme type is light.");
    await chooseTheme(page, "Dark");
    // As in Streamlit, switching does not rerun the script; the next run sees it.
    await page.keyboard.press("r");
    await expect.poll(async () => (await line.textContent())?.trim()).toBe("The current theme type is dark.");
    await context.close();
  });
});

describe("an app without a theme", () => {
  it("follows the system between Streamlit's stock light and dark themes", async () => {
    for (const [scheme, background] of [["light", "rgb(255, 255, 255)"], ["dark", "rgb(14, 17, 23)"]] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(appUrl("hello"));
      await settled(page);
      expect(await page.evaluate(() => {
        const w = globalThis as unknown as PageWindow;
        return w.getComputedStyle(w.document.body).backgroundColor;
      })).toBe(background);
      await context.close();
    }
  });
});
