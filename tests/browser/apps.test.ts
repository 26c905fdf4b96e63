import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, baseUrl, launchBrowser, recordSocketBytes, settled } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("gallery", () => {
  it("shows a card per app and opens the app a card names", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/`);
    const cards = page.getByTestId("stGalleryCard");
    expect(await cards.count()).toBeGreaterThanOrEqual(5);
    await expect.poll(() => cards.filter({ hasText: "Hello, Edgelit" }).count()).toBe(1);
    await cards.filter({ hasText: "Hello, Edgelit" }).click();
    await page.waitForURL(appUrl("hello"));
    await settled(page);
    expect(await page.getByTestId("stMain").getByTestId("stHeading").first().textContent()).toContain("Hello, Edgelit");
    await page.close();
  });
});

describe("an app in the browser", () => {
  it("renders widgets, reruns on interaction and keeps the session across a reload", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("hello"));
    await settled(page);
    // Markdown: GitHub-flavoured, Streamlit's colour syntax, emoji shortcodes (loaded on demand).
    const intro = page.getByTestId("stMain").getByTestId("stMarkdown").first();
    expect(await intro.locator("strong").textContent()).toBe("markdown");
    expect(await intro.locator(".stColor-red").textContent()).toBe("colours");
    await expect.poll(() => intro.textContent()).toContain("🚀");
    const input = page.getByTestId("stTextInput").locator("input");
    await input.fill("Ada");
    await input.press("Enter");
    await expect.poll(() => page.getByTestId("stMarkdown").filter({ hasText: "Ada" }).count()).toBe(1);

    await page.getByTestId("stButton").filter({ hasText: "Count" }).locator("button").click();
    await expect.poll(() => page.getByText("Counted 1 times").count()).toBe(1);

    await page.reload();
    await settled(page);
    await expect.poll(() => page.getByText("Counted 1 times").count()).toBe(1);
    expect(await page.getByTestId("stTextInput").locator("input").inputValue()).toBe("Ada");
    expect(await page.getByTestId("stSidebar").count()).toBe(1);

    // Another tab is another session.
    const other = await browser.newPage();
    await other.goto(appUrl("hello"));
    await settled(other);
    await expect.poll(() => other.getByText("Counted 0 times").count()).toBe(1);
    await other.close();
    await page.close();
  });

  it("shows a page's markdown, colours and emoji rendered by its session, loading no markdown parser", async () => {
    // The app's isolate is warm (its emoji table loaded) once one viewer has opened it.
    const first = await browser.newPage();
    await first.goto(appUrl("hello"));
    await settled(first);
    await first.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(appUrl("hello"));
    await settled(page);
    const main = page.getByTestId("stMain");
    expect(await main.getByTestId("stHeading").first().textContent()).toContain("Hello, Edgelit 👋");
    const intro = main.getByTestId("stMarkdownContainer").filter({ hasText: "on the edge" });
    expect(await intro.locator("strong").textContent()).toBe("markdown");
    expect(await intro.locator(".stColor-red").textContent()).toBe("colours");
    expect(await intro.textContent()).toContain("🚀");
    expect(scripts.filter((path) => /\/(render|gemoji)-[^/]*\.js$/.test(path))).toEqual([]);
    await context.close();
  });

  it("sends only the changed line when one line of a thousand changes", async () => {
    const page = await browser.newPage();
    const sizes = recordSocketBytes(page);
    await page.goto(appUrl("page1000"));
    await settled(page);
    await expect.poll(() => page.getByTestId("stMarkdown").count()).toBe(1000);
    const before = sizes.length;
    const firstLoad = sizes.reduce((a, b) => a + b, 0);
    await page.getByTestId("stButton").locator("button").click();
    await expect.poll(() => page.getByText("Line 500: counter is 1").count()).toBe(1);
    const click = sizes.slice(before).reduce((a, b) => a + b, 0);
    expect(firstLoad).toBeGreaterThan(50_000);
    expect(click).toBeLessThan(400);
    expect(await page.getByTestId("stMarkdown").count()).toBe(1000);
    await page.close();
  });

  it("fades elements a run has not reached yet and shows the running indicator", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("countdown"));
    await settled(page);
    const below = page.getByTestId("stElementContainer").filter({ hasText: "Below the countdown" });
    expect(await below.getAttribute("data-stale")).not.toBe("true");
    await page.getByTestId("stButton").locator("button").click();
    await page.getByTestId("stStatusWidget").waitFor();
    await expect.poll(() => below.getAttribute("data-stale")).toBe("true");
    await settled(page);
    expect(await below.getAttribute("data-stale")).not.toBe("true");
    expect(await page.getByText("✔️ Two seconds over!").count()).toBe(1);
    await page.close();
  });

  it("shows a script's error in an exception box and keeps working", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("hello"));
    await settled(page);
    await page.getByTestId("stButton").filter({ hasText: "Raise an error" }).locator("button").click();
    await page.getByTestId("stException").waitFor();
    expect(await page.getByTestId("stException").textContent()).toContain("Something went wrong, on purpose.");
    await page.getByTestId("stButton").filter({ hasText: "Count" }).locator("button").click();
    await page.getByTestId("stException").waitFor({ state: "detached" });
    await expect.poll(() => page.getByText("Counted 1 times").count()).toBe(1);
    await page.close();
  });

  it("walks through the stages of a process with buttons, text input and selectbox", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("process-stages"));
    await settled(page);
    await page.getByTestId("stButton").filter({ hasText: "Begin" }).locator("button").click();
    await page.getByTestId("stTextInput").waitFor();
    const input = page.getByTestId("stTextInput").locator("input");
    await input.fill("Grace");
    await input.press("Enter");
    await expect.poll(() => page.getByText("Hello Grace!").count()).toBe(1);
    await page.getByTestId("stSelectbox").locator("select").selectOption({ label: "green" });
    await expect.poll(() => page.getByText("Thank you!").count()).toBe(1);
    await page.close();
  });
});
