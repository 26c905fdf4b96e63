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

const pageRuns = (page: Page) => page.getByTestId("stCaptionContainer").first().textContent();

describe("forms, fragments and a slow job in the browser", () => {
  it("holds a form's values until it is submitted, then clears them", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("forms-and-fragments"));
    await settled(page);
    expect(await page.getByTestId("stForm").count()).toBe(1);
    const runsBefore = await pageRuns(page);
    const dish = page.getByTestId("stForm").getByTestId("stTextInput").locator("input");
    await dish.fill("Pizza");
    await dish.blur();
    const quantity = page.getByTestId("stForm").getByTestId("stNumberInput").locator("input");
    await quantity.fill("3");
    await quantity.blur();
    await page.waitForTimeout(300);
    expect(await pageRuns(page)).toBe(runsBefore);

    await page.getByTestId("stFormSubmitButton").locator("button").click();
    await expect.poll(() => page.getByTestId("stAlert").filter({ hasText: "Ordered 3 × Pizza" }).count()).toBe(1);
    await page.getByTestId("stToast").filter({ hasText: "Pizza is on its way" }).waitFor();
    await settled(page);
    expect(await dish.inputValue()).toBe("");
    expect(await quantity.inputValue()).toBe("1");
    expect(await pageRuns(page)).not.toBe(runsBefore);
    await page.close();
  });

  it("reruns only the fragment when a button inside it is clicked", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("forms-and-fragments"));
    await settled(page);
    const runsBefore = await pageRuns(page);
    await page.getByTestId("stButton").filter({ hasText: "Add one" }).locator("button").click();
    await expect.poll(() => page.getByText(/Clicked 1 times; this fragment ran 2 times/).count()).toBe(1);
    await page.getByTestId("stButton").filter({ hasText: "Add one" }).locator("button").click();
    await expect.poll(() => page.getByText(/Clicked 2 times; this fragment ran 3 times/).count()).toBe(1);
    expect(await pageRuns(page)).toBe(runsBefore);
    await page.close();
  });

  it("shows progress, a status and the running indicator while a job runs", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("forms-and-fragments"));
    await settled(page);
    expect(await page.getByTestId("stEmpty").count()).toBe(1);
    await page.getByTestId("stButton").filter({ hasText: "Run the job" }).locator("button").click();
    await page.getByTestId("stStatusWidget").waitFor();
    await page.getByTestId("stProgress").waitFor();
    await expect.poll(() => page.getByTestId("stProgress").textContent()).toContain("Step 2 of 4");
    await page.getByTestId("stExpanderIconSpinner").waitFor();
    await settled(page);
    expect(await page.getByTestId("stProgress").textContent()).toContain("Step 4 of 4");
    expect(await page.getByTestId("stExpander").textContent()).toContain("Numbers crunched");
    expect(await page.getByTestId("stExpanderIconCheck").count()).toBe(1);
    expect(await page.getByText("The job is done.").count()).toBe(1);
    expect(await page.getByTestId("stEmpty").count()).toBe(0);
    await page.close();
  });
});
