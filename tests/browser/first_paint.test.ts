/**
 * The app page's HTML carries the session's page (edge/first_paint.ts): a new session's first
 * run, or the page a reload resumes, shows before any script runs; the client then takes it over
 * without a frame in between (client/take_over.ts), and a page load still runs the script once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { appUrl, launchBrowser, settled } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LINES = '#root [data-testid="stMarkdown"]';
const runsShown = (page: Page) => page.locator('#root [data-testid="stMarkdownContainer"]').first().textContent();

/** The HTML the server sent for the page's navigation. */
function documentHtml(page: Page): Promise<string> {
  return new Promise((resolve) => {
    page.on("response", (response) => {
      if (response.request().isNavigationRequest()) void response.text().then(resolve);
    });
  });
}

const sessionOf = (html: string) => (/"session":\{"id":"([A-Za-z0-9_-]{43})","fresh":(true|false)\}/.exec(html) ?? []).slice(1);

describe("the first paint", () => {
  it("is the page of the script's first run, with no client script at all", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route("**/client/**/*.js", (route) => route.abort());
    await page.goto(appUrl("page1000"));
    await expect.poll(() => page.locator(LINES).count()).toBe(1000);
    expect((await page.locator(LINES).nth(499).textContent())?.trim()).toBe("Line 500: counter is 0");
    await expect.poll(() => page.getByTestId("stBaseButton-secondary").textContent()).toBe("Bump");
    // Nothing ran in the browser: the page is the server's, "initial" as a page the client has not taken.
    expect(await page.getByTestId("stApp").getAttribute("data-test-script-state")).toBe("initial");
    await context.close();
  });

  it("is taken over by the client with every frame showing the page once: never empty, never twice", async () => {
    const context = await browser.newContext();
    // Counts, at every animation frame from the first, the lines the viewer sees.
    await context.addInitScript(`(() => {
      const seen = (window.__framesSeen = []);
      const tick = () => {
        seen.push(document.querySelectorAll(${JSON.stringify(LINES)}).length);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const page = await context.newPage();
    await page.goto(appUrl("page1000"));
    await settled(page);
    // The client's page is live: a click reaches the session and changes line 500.
    await page.getByTestId("stBaseButton-secondary").click();
    await expect.poll(async () => (await page.locator(LINES).nth(499).textContent())?.trim()).toBe("Line 500: counter is 1");
    const frames = await page.evaluate<number[]>("window.__framesSeen");
    // While the HTML parser is still at it a frame may hold part of the page; from the first
    // frame with all of it, through the client's takeover, every frame shows it exactly once.
    const whole = frames.indexOf(1000);
    expect(whole).toBeGreaterThanOrEqual(0);
    const painted = frames.slice(whole);
    expect(painted.length).toBeGreaterThan(1);
    expect(painted.filter((count) => count !== 1000)).toEqual([]);
    expect(await page.locator('[data-testid="stApp"]').count()).toBe(1);
    await context.close();
  });

  it("runs the script once per page load, and a reload shows the tab's own session before its rerun", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const first = documentHtml(page);
    await page.goto(appUrl("run-count"));
    await settled(page);
    expect((await runsShown(page))?.trim()).toBe("runs: 1");
    const [id, fresh] = sessionOf(await first);
    expect(fresh).toBe("true");
    expect(await page.evaluate<string | null>(`sessionStorage.getItem("edgelit:session:run-count")`)).toBe(id);

    const reloaded = documentHtml(page);
    await page.reload();
    const html = await reloaded;
    // The server painted this tab's session as it was (run 1), then the reload ran it once more.
    expect(sessionOf(html), html.slice(-600)).toEqual([id, "false"]);
    expect(html).toContain("runs: 1");
    await settled(page);
    await expect.poll(async () => (await runsShown(page))?.trim()).toBe("runs: 2");
    // The reload cookie was taken: the next navigation has none.
    expect((await context.cookies()).some((cookie) => cookie.name === "edgelit_resume")).toBe(false);
    await context.close();
  });

  it("never hands one tab's session to another tab, even with that tab's reload cookie", async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(appUrl("run-count"));
    await settled(first);
    const id = await first.evaluate<string>(`sessionStorage.getItem("edgelit:session:run-count")`);
    // The first tab goes away (its reload cookie set), and a second tab opens at once.
    await first.goto("about:blank");
    expect((await context.cookies()).some((cookie) => cookie.name === "edgelit_resume" && cookie.value === id)).toBe(true);
    const second = await context.newPage();
    await second.goto(appUrl("run-count"));
    await settled(second);
    const secondId = await second.evaluate<string>(`sessionStorage.getItem("edgelit:session:run-count")`);
    expect(secondId).not.toBe(id);
    expect((await runsShown(second))?.trim()).toBe("runs: 1");
    await context.close();
  });
});
