import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, launchBrowser, settled } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const heading = (page: Page) => page.getByTestId("stMain").getByTestId("stHeading").first().textContent();
const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

describe("multipage apps in the browser", () => {
  it("navigates by link, by st.switch_page, back and forward, and reloads on a sub-page", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("multipage"));
    await settled(page);
    expect(await heading(page)).toContain("Dashboard");
    expect(await page.title()).toBe("Multipage demo");
    const links = page.getByTestId("stSidebarNav").getByTestId("stSidebarNavLink");
    expect(await links.allTextContents()).toEqual(["📊Dashboard", "📄reports", "⚙️Settings"]);
    expect(await page.getByTestId("stNavSectionHeader").allTextContents()).toEqual(["Overview", "Work"]);

    await links.filter({ hasText: "reports" }).click();
    await expect.poll(() => heading(page)).toContain("Reports");
    expect(path(page)).toBe("/reports");

    await page.getByTestId("stButton").filter({ hasText: "Go to the settings" }).locator("button").click();
    await expect.poll(() => heading(page)).toContain("Settings");
    await expect.poll(() => path(page)).toBe("/settings?tab=settings");
    expect(await page.title()).toBe("Settings · Multipage demo");

    await page.goBack();
    await expect.poll(() => heading(page)).toContain("Reports");
    expect(path(page)).toBe("/reports");
    await page.goForward();
    await expect.poll(() => heading(page)).toContain("Settings");

    await page.reload();
    await settled(page);
    expect(await heading(page)).toContain("Settings");
    expect(path(page)).toBe("/settings?tab=settings");
    await page.close();
  });

  it("follows st.page_link without reloading, and keeps the entry script's widgets", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("multipage"));
    await settled(page);
    await page.getByTestId("stSidebar").getByTestId("stSelectbox").locator("select").selectOption({ label: "B" });
    await expect.poll(() => page.getByText("Group B, size 1.").count()).toBe(1);
    await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 1));
    await page.getByTestId("stPageLink-NavLink").click();
    await expect.poll(() => heading(page)).toContain("Reports");
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(1);
    expect(await page.getByText("Showing the daily report for group B.").count()).toBe(1);
    await page.close();
  });

  it("lists a pages/ directory with Streamlit's labels and order", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("pages-directory"));
    await settled(page);
    const labels = page.getByTestId("stSidebarNavLinkText");
    expect(await labels.allTextContents()).toEqual(["app", "first page", "monkeys", "123", "hello dear world", "12 monkeys"]);
    await labels.filter({ hasText: "hello dear world" }).click();
    await expect.poll(() => path(page)).toBe("/hello_dear_world");
    await expect.poll(() => heading(page)).toContain("123_hello_dear_world");
    await page.close();
  });
});
