import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, launchBrowser, settled } from "./browser.ts";

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
});

async function open(slug: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl(slug));
  await settled(page);
  return page;
}

/** The grid's row `n` (0 is the first row under the header), as the user sees it. */
const row = (grid: Locator, n: number) => grid.locator(`[role=row][aria-rowindex="${n + 2}"]`);
/** The text of each cell of a row, the index first. */
const rowTexts = async (grid: Locator, n: number) => (await row(grid, n).getByRole("gridcell").allTextContents()).map((t) => t.trim());
/** How many rows the grid shows (not counting the header). */
const shownRows = (grid: Locator) => grid.locator("[role=row][aria-rowindex]:not([aria-rowindex='1'])").count();
const header = (grid: Locator, label: string) => grid.getByRole("columnheader").filter({ hasText: label });
const toolbarButton = async (grid: Locator, label: string) => {
  await grid.hover();
  return grid.getByTestId("stElementToolbarButton").and(grid.getByLabel(label, { exact: true }));
};
/** Polls until the value matches: a rerun of the demo (a million-row table among its elements) can take a few seconds. */
const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(fn, { timeout: 10_000, ...options });
const line = (page: Page, prefix: string) => page.getByTestId("stMain").getByTestId("stMarkdown").filter({ hasText: new RegExp(`^${prefix}`) });

describe("st.dataframe", () => {
  it("sorts by a header click: ascending, descending, then as it was", async () => {
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").first();
    await poll(() => rowTexts(grid, 0)).toEqual(["0", "st.selectbox", "4", ""]);
    await header(grid, "rating").click();
    await poll(() => rowTexts(grid, 0)).toEqual(["2", "st.time_input", "3", ""]);
    await header(grid, "rating").click();
    await poll(() => rowTexts(grid, 0)).toEqual(["1", "st.balloons", "5", ""]);
    await header(grid, "rating").click();
    await poll(() => rowTexts(grid, 0)).toEqual(["0", "st.selectbox", "4", ""]);
    // The header menu sorts too.
    await header(grid, "command").hover();
    await header(grid, "command").getByRole("button", { name: "Column menu" }).click();
    await page.getByRole("menuitem", { name: /Sort descending/ }).click();
    await poll(() => rowTexts(grid, 0)).toEqual(["2", "st.time_input", "3", ""]);
    // Booleans show as checkboxes, checked as the data says.
    await poll(() => row(grid, 0).getByRole("checkbox").isChecked()).toBe(true);
    await page.close();
  });

  it("scrolls a million rows to the end, fetching only the rows it shows", async () => {
    const page = await open("dataframe-demo");
    const sent: { start: number; count: number }[] = [];
    page.on("websocket", (ws) => ws.on("framesent", (frame) => {
      const data = JSON.parse(String(frame.payload)) as { t?: string; start?: number; count?: number };
      if (data.t === "rows") sent.push({ start: data.start!, count: data.count! });
    }));
    // The socket opened before the listener: reload so it sees this tab's frames.
    await page.reload();
    await settled(page);
    const grid = page.getByTestId("stDataFrame").nth(1);
    await poll(async () => (await rowTexts(grid, 0))[0]).toBe("0");
    const started = Date.now();
    await grid.getByRole("grid").evaluate((el) => {
      const scroller = el as unknown as { scrollTop: number; scrollHeight: number };
      scroller.scrollTop = scroller.scrollHeight;
    });
    await grid.locator(".grid-cell.index").filter({ hasText: /^999999$/ }).waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    // Row 999999 of col_0 is ((999999 * 3 * 7919) % 100000) / 100.
    expect((await rowTexts(grid, 999_999))[1]).toBe(String(((999_999 * 3 * 7919) % 100_000) / 100));
    expect(sent.some((r) => r.start >= 999_000)).toBe(true);
    expect(sent.reduce((sum, r) => sum + r.count, 0)).toBeLessThan(5_000);
    // Far fewer rows are in the page than the table has.
    expect(await shownRows(grid)).toBeLessThan(40);
    await page.close();
  });

  it("searches: only rows whose text contains the needle stay", async () => {
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").first();
    await (await toolbarButton(grid, "Search")).click();
    await grid.getByLabel("Search the table").fill("BALLOONS");
    await poll(() => shownRows(grid)).toBe(1);
    expect(await rowTexts(grid, 0)).toEqual(["1", "st.balloons", "5", ""]);
    await grid.getByLabel("Search the table").fill("st.");
    await poll(() => shownRows(grid)).toBe(3);
    await page.close();
  });

  it("searches a million rows in the session", async () => {
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").nth(1);
    await (await toolbarButton(grid, "Search")).click();
    // col_0 of row 1 is 237.57, a value few rows share.
    await grid.getByLabel("Search the table").fill("237.57");
    // The session formats a million rows once to search them: this first search is the slow one.
    await poll(async () => (await rowTexts(grid, 0))[1], { timeout: 45_000 }).toBe("237.57");
    await page.close();
  });

  it("downloads a small table as CSV: index first, UTF-8 with a BOM", async () => {
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").first();
    const button = await toolbarButton(grid, "Download as CSV");
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d_export\.csv$/);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text).toBe("\ufeff,command,rating,is_widget\n0,st.selectbox,4,True\n1,st.balloons,5,False\n2,st.time_input,3,True\n");
    await page.close();
  });

  it("selects rows: the app reruns with them, and a reload shows them still selected", async () => {
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").nth(2);
    await poll(() => line(page, "Selected planets:").textContent().then((t) => t?.trim())).toBe("Selected planets: none");
    await grid.getByRole("checkbox", { name: "Select row 2" }).check();
    await poll(() => line(page, "Selected planets:").textContent().then((t) => t?.trim())).toBe("Selected planets: Venus");
    await grid.getByRole("checkbox", { name: "Select row 4" }).check();
    await poll(() => line(page, "Selected planets:").textContent().then((t) => t?.trim())).toBe("Selected planets: Venus, Mars");
    // Sorted, the selection follows its rows.
    await header(grid, "Planet").click();
    await poll(() => rowTexts(grid, 0)).toEqual(["Earth", "1", "6371.0 km"]);
    await poll(() => row(grid, 2).getByRole("checkbox").isChecked()).toBe(true); // Mars
    await page.reload();
    await settled(page);
    await poll(() => line(page, "Selected planets:").textContent().then((t) => t?.trim())).toBe("Selected planets: Venus, Mars");
    await poll(() => page.getByTestId("stDataFrame").nth(2).getByRole("checkbox", { name: "Select row 2" }).isChecked()).toBe(true);
    await page.close();
  });

  it("selects columns by their header and a cell by a click", async () => {
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").nth(4);
    await grid.scrollIntoViewIfNeeded();
    await header(grid, "moons").click();
    await poll(() => line(page, "Selected columns:").textContent().then((t) => t?.trim())).toBe("Selected columns: moons");
    await header(grid, "planet").click();
    await poll(() => line(page, "Selected columns:").textContent().then((t) => t?.trim())).toBe("Selected columns: moons, planet");
    // With column selection on, a header click does not sort.
    expect((await rowTexts(grid, 0))[0]).toBe("Mercury");
    await row(grid, 2).getByRole("gridcell").nth(0).click();
    await poll(() => line(page, "Selected cells:").textContent().then((t) => t?.trim())).toBe('Selected cells: [[2,"planet"]]');
    await page.close();
  });

  it("resizes a column by dragging its header's edge, and sizes columns from column_config", async () => {
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").first();
    const before = (await header(grid, "command").boundingBox())!;
    const handle = header(grid, "command").locator(".grid-resize-handle");
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 100, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await poll(async () => Math.round((await header(grid, "command").boundingBox())!.width - before.width)).toBeGreaterThan(90);
    // The drag did not sort.
    expect((await rowTexts(grid, 0))[1]).toBe("st.selectbox");
    // ImageColumn(width="small") is 75px wide.
    const types = page.getByTestId("stDataFrame").nth(3);
    await types.getByRole("grid").evaluate((el) => ((el as unknown as { scrollLeft: number }).scrollLeft = 10_000));
    await poll(async () => (await header(types, "Logo").boundingBox())?.width).toBe(75);
    await page.close();
  });

  it("shows column_config types: links, progress, charts, chips and dollars", async () => {
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").nth(3);
    await grid.scrollIntoViewIfNeeded();
    const first = row(grid, 0);
    await poll(() => first.getByRole("link").textContent()).toBe("roadmap");
    expect(await first.getByRole("link").getAttribute("href")).toBe("https://roadmap.streamlit.app");
    expect(await first.getByRole("progressbar").textContent()).toBe("25%");
    expect(await first.locator(".cell-sparkline polyline").count()).toBe(1);
    expect(await first.locator(".cell-chip").allTextContents()).toEqual(["docs", "plan"]);
    // The columns past the right edge render once scrolled to.
    await grid.getByRole("grid").evaluate((el) => ((el as unknown as { scrollLeft: number }).scrollLeft = 10_000));
    await poll(() => first.getByRole("gridcell").last().textContent()).toBe("$12.50");
    expect(await first.locator("img.cell-image").count()).toBe(1);
    await page.close();
  });

  it("downloads a large table from the session, as the view shows it", async () => {
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").nth(1);
    await header(grid, "col_0").click();
    await poll(async () => (await rowTexts(grid, 0))[1], { timeout: 20_000 }).toBe("0");
    const button = await toolbarButton(grid, "Download as CSV");
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.url()).toContain(`/_stcore/table/`);
    expect(decodeURIComponent(download.url())).toContain('sort=[{"column":0,"desc":false}]');
    const stream = await download.createReadStream();
    const start = await new Promise<string>((resolve, reject) => {
      let text = "";
      stream.on("data", (chunk: Buffer) => {
        text += chunk.toString("utf8");
        if (text.length > 200) {
          stream.destroy();
          resolve(text);
        }
      });
      stream.on("end", () => resolve(text));
      stream.on("error", reject);
    });
    // The session's CSV: the RangeIndex is not a column there, and rows come in the grid's sort order.
    const [head, first] = start.split("\n");
    expect(head).toBe("\ufeff" + Array.from({ length: 10 }, (_, c) => `col_${c}`).join(","));
    expect(first!.split(",")[0]).toBe("0");
    await download.cancel().catch(() => {});
    await page.close();
  });

  it("copies the selected cells as tab-separated text", async () => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(appUrl("dataframe-demo")).origin });
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").first();
    await row(grid, 0).getByRole("gridcell").nth(1).click();
    await row(grid, 1).getByRole("gridcell").nth(2).click({ modifiers: ["Shift"] });
    await page.keyboard.press("ControlOrMeta+c");
    const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(copied).toBe("st.selectbox\t4\nst.balloons\t5");
    await page.close();
  });

  it("goes full screen and back with Escape", async () => {
    const page = await open("dataframe-demo");
    const grid = page.getByTestId("stDataFrame").first();
    await (await toolbarButton(grid, "Fullscreen")).click();
    const box = (await grid.boundingBox())!;
    expect(box.width).toBeGreaterThan(1000);
    expect(box.height).toBeGreaterThan(800);
    await page.keyboard.press("Escape");
    await poll(async () => (await grid.boundingBox())!.height).toBeLessThan(300);
    await page.close();
  });
});

describe("st.data_editor", () => {
  it("edits a cell, adds a row, deletes a row, and a reload keeps the edits", async () => {
    const page = await open("data-editor");
    const grid = page.getByTestId("stDataFrame").first();
    const text = (prefix: string) => line(page, prefix).textContent().then((t) => t?.trim());
    await poll(() => text("Ratings:")).toBe("Ratings: 4, 5, 3");
    expect(await rowTexts(grid, 0)).toEqual(["0", "st.selectbox", "4 ⭐", "", "input", "Oct 1, 2019"]);

    // Double-click edits; the number editor keeps to the column's min and max.
    await row(grid, 0).getByRole("gridcell").nth(2).dblclick();
    await grid.getByTestId("stDataFrameCellEditor").fill("2");
    await page.keyboard.press("Enter");
    await poll(() => text("Ratings:")).toBe("Ratings: 2, 5, 3");
    expect(await rowTexts(grid, 0)).toEqual(["0", "st.selectbox", "2 ⭐", "", "input", "Oct 1, 2019"]);
    // Typing into a selected cell edits it too.
    await row(grid, 2).getByRole("gridcell").nth(2).click();
    await page.keyboard.type("9");
    await page.keyboard.press("Enter");
    await poll(() => text("Ratings:")).toBe("Ratings: 2, 5, 5");
    // A checkbox column toggles with a click.
    await row(grid, 1).getByRole("checkbox", { name: "Widget?" }).click();
    await poll(() => text("Edits:")).toContain('"1":{"is_widget":true}');

    // A date column edits with a date input.
    await row(grid, 1).getByRole("gridcell").nth(5).dblclick();
    await grid.getByTestId("stDataFrameCellEditor").fill("2024-02-03");
    await page.keyboard.press("Enter");
    await poll(() => text("Since:")).toBe("Since: 2019-10-01, 2024-02-03, 2020-02-20");
    expect((await rowTexts(grid, 1))[5]).toBe("Feb 3, 2024");

    // Add a row and name its command.
    await (await toolbarButton(grid, "Add row")).click();
    await poll(() => text("Rows:")).toBe("Rows: 4");
    await row(grid, 3).getByRole("gridcell").nth(1).dblclick();
    await grid.getByTestId("stDataFrameCellEditor").fill("st.button");
    await page.keyboard.press("Enter");
    await poll(() => text("Commands:")).toBe("Commands: st.selectbox, st.balloons, st.time_input, st.button");

    // Delete st.balloons: select its row, then the Delete key.
    await grid.getByRole("checkbox", { name: "Select row 2" }).check();
    await grid.getByRole("grid").focus();
    await page.keyboard.press("Delete");
    await poll(() => text("Commands:")).toBe("Commands: st.selectbox, st.time_input, st.button");
    expect(await text("Edits:")).toBe('Edits: {"edited_rows":{"0":{"rating":2},"2":{"rating":5}},"added_rows":[{"is_widget":false,"command":"st.button"}],"deleted_rows":[1]}');
    expect(await text("Since:")).toBe("Since: 2019-10-01, 2020-02-20, None");

    await page.reload();
    await settled(page);
    const again = page.getByTestId("stDataFrame").first();
    await poll(() => rowTexts(again, 0)).toEqual(["0", "st.selectbox", "2 ⭐", "", "input", "Oct 1, 2019"]);
    expect((await rowTexts(again, 1)).slice(1, 3)).toEqual(["st.time_input", "5 ⭐"]);
    expect((await rowTexts(again, 2)).slice(1, 2)).toEqual(["st.button"]);
    expect(await shownRows(again)).toBe(3);
    expect(await text("Commands:")).toBe("Commands: st.selectbox, st.time_input, st.button");
    await page.close();
  });
});
