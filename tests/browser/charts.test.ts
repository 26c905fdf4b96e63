/**
 * Charts in the browser (apps/charts-demo): every built-in chart and a Vega-Lite spec draw an SVG
 * with marks; the add_rows chart grows while the script runs, in the same view (rows inserted,
 * not a redraw); and nothing trips the page's Content-Security-Policy (no eval: Vega runs its
 * expressions through vega-interpreter).
 */
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

/** Records CSP violations (the DOM event and console reports) and page errors from the start. */
async function openDemo(colorScheme: "light" | "dark" = "light", query = ""): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1200, height: 900 } });
  await context.addInitScript(() => {
    const w = globalThis as unknown as { __csp: string[]; document: { addEventListener(type: string, fn: (e: { violatedDirective: string; blockedURI: string }) => void): void } };
    w.__csp = [];
    w.document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|unsafe-eval|EvalError/i.test(text)) problems.push(`console: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(appUrl("charts-demo", `/${query}`));
  return { page, problems };
}

const cspViolations = (page: Page) => page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp);

/** Per chart on the page: how many marks of each kind its SVG has. */
function markCounts(page: Page) {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ querySelectorAll(s: string): ArrayLike<unknown> }> } }).document;
    return Array.from(d.querySelectorAll('[data-testid="stVegaLiteChart"]'), (chart) => ({
      svg: chart.querySelectorAll("svg").length,
      line: chart.querySelectorAll("g.mark-line.role-mark path").length,
      area: chart.querySelectorAll("g.mark-area.role-mark path").length,
      rect: chart.querySelectorAll("g.mark-rect.role-mark path").length,
      symbol: chart.querySelectorAll("g.mark-symbol.role-mark path").length,
    }));
  });
}

describe("charts", () => {
  it("draws every chart as an SVG with marks, without breaking the CSP", async () => {
    const { page, problems } = await openDemo();
    await settled(page);
    await page.locator('[data-testid="stVegaLiteChart"] svg').nth(6).waitFor();
    const counts = await markCounts(page);
    expect(counts).toHaveLength(7);
    const [line, area, groupedBars, horizontalBars, scatter, spec, growing] = counts;
    expect(line!.svg).toBe(1);
    expect(line!.line).toBe(3); // three series, melted from columns a, b, c
    expect(area!.area).toBe(3);
    expect(groupedBars!.rect).toBe(60); // 20 rows x 3 series, side by side
    expect(horizontalBars!.rect).toBe(4);
    // color: "primary" is the theme's primary colour.
    expect(await page.getByTestId("stVegaLiteChart").nth(3).locator("g.mark-rect.role-mark path").first().getAttribute("fill")).toBe("rgb(255, 75, 75)");
    expect(scatter!.symbol).toBe(60);
    expect(spec!.symbol).toBe(60);
    expect(growing!.line).toBe(3);
    expect(growing!.symbol).toBe(25 * 3); // 15 rows, then 10 added
    // The legend of the wide data names its columns.
    expect(await page.getByTestId("stVegaLiteChart").first().locator("g.role-legend text").allTextContents()).toEqual(expect.arrayContaining(["a", "b", "c"]));
    // Streamlit's hover on a line chart: the nearest x's point of each series shows (expressions run by the interpreter).
    const first = page.getByTestId("stVegaLiteChart").first();
    const box = (await first.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    const shownPoints = () => first.locator('g.mark-symbol.role-mark path[opacity="1"]').count();
    await expect.poll(shownPoints).toBe(3);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("grows the add_rows chart while the script runs, in the same view", async () => {
    const { page, problems } = await openDemo();
    const chart = page.locator('[data-testid="stVegaLiteChart"]').nth(6);
    await chart.locator("g.mark-symbol.role-mark path").first().waitFor({ state: "attached" });
    // Samples the growing chart every 100 ms until the run ends: its hover points (one per row and
    // series), and whether its <svg> is still the node it first drew.
    const samples = await chart.evaluate(async (element) => {
      type El = { querySelector(s: string): unknown; querySelectorAll(s: string): ArrayLike<unknown> };
      const root = element as unknown as El;
      const d = (globalThis as unknown as { document: El }).document;
      const first = root.querySelector("svg");
      const out: { points: number; same: boolean; running: boolean }[] = [];
      for (let i = 0; i < 150; i++) {
        const running = d.querySelector('[data-testid="stApp"][data-test-script-state="running"]') !== null;
        out.push({ points: root.querySelectorAll("g.mark-symbol.role-mark path").length, same: root.querySelector("svg") === first, running });
        if (!running && out.length > 1) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return out;
    });
    const whileRunning = samples.filter((s) => s.running).map((s) => s.points);
    // It started from 15 rows (or a few more) and gained rows while the script still ran.
    expect(whileRunning.length).toBeGreaterThan(5);
    expect(Math.min(...whileRunning)).toBeLessThan(25 * 3);
    expect(new Set(whileRunning).size).toBeGreaterThan(3);
    for (let i = 1; i < whileRunning.length; i++) expect(whileRunning[i]!).toBeGreaterThanOrEqual(whileRunning[i - 1]!);
    await settled(page);
    expect(await chart.locator("g.mark-symbol.role-mark path").count()).toBe(25 * 3);
    // Rows went into the live view: the chart was never drawn anew.
    expect(samples.every((s) => s.same)).toBe(true);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("redraws in the new colours when the viewer switches theme, and takes the app's chart palette", async () => {
    const { page } = await openDemo("light");
    await settled(page);
    const first = page.getByTestId("stVegaLiteChart").first();
    const label = () => first.locator("g.role-axis-label text").first().getAttribute("fill");
    const lineColours = () => first.locator("g.mark-line.role-mark path").evaluateAll((paths) => paths.map((p) => (p as unknown as { getAttribute(n: string): string }).getAttribute("stroke")));
    expect(await label()).toBe("#808495");
    expect(await lineColours()).toEqual(["#0068c9", "#83c9ff", "#ff2b2b"]);
    await page.getByTestId("stMainMenu").locator("button").click();
    await page.getByTestId("stMainMenuItem").filter({ hasText: "Settings" }).click();
    await page.getByTestId("stSettingsThemeSelect").selectOption({ label: "Dark" });
    await page.getByTestId("stDialog").getByRole("button", { name: "Close" }).click();
    await expect.poll(label).toBe("#e6eaf1");
    expect(await lineColours()).toEqual(["#83c9ff", "#0068c9", "#ffabab"]);
    // theme.chartCategoricalColors reaches the page as this variable (sessions/config/theme.ts).
    await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { style: { setProperty(n: string, v: string): void } } } }).document.documentElement.style.setProperty("--st-chart-categorical-colors", '["#112233", "rgb(0, 128, 0)", "#abcdef"]'));
    await expect.poll(lineColours).toEqual(["#112233", "rgb(0, 128, 0)", "#abcdef"]);
    await page.context().close();
  });

  it("shows an error box for a spec Vega cannot draw, and draws the other charts", async () => {
    const { page, problems } = await openDemo("light", "?broken=1");
    await settled(page);
    const broken = page.getByTestId("stVegaLiteChart").nth(6);
    await broken.getByTestId("stAlert").waitFor();
    expect(await broken.getByTestId("stAlert").textContent()).toMatch(/This chart could not be drawn\..*Unexpected token/);
    expect(await broken.locator("svg").count()).toBe(0);
    await page.getByTestId("stVegaLiteChart").nth(7).locator("svg").waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("draws in the dark theme's colours for a browser that prefers dark", async () => {
    const { page } = await openDemo("dark");
    await settled(page);
    const label = page.getByTestId("stVegaLiteChart").first().locator("g.role-axis-label text").first();
    await label.waitFor();
    // Streamlit's dark axis labels (gray30), not the light theme's gray70.
    expect(await label.getAttribute("fill")).toBe("#e6eaf1");
    await page.context().close();
  });
});
