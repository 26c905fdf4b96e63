/**
 * st.file_uploader and st.download_button in a real browser, on the CSV explorer gallery app:
 * a CSV picked with the file input goes up, is parsed and shown; the edited CSV downloads.
 */
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, launchBrowser, settled } from "./browser.ts";

const CSV = "city,population\nOslo,709000\nBergen,291000\nTrondheim,212000\n";

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

async function openExplorer(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl("upload-csv"));
  await settled(page);
  return page;
}

/** The grid's body cells, row by row, as the viewer sees them (the header row left out). */
async function tableRows(page: Page): Promise<string[][]> {
  return page.getByTestId("stDataFrame").locator("[role=row][aria-rowindex]:not([aria-rowindex='1'])").evaluateAll((rows) =>
    rows.map((row) => Array.from((row as unknown as { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }).querySelectorAll("[role=gridcell]")).map((cell) => (cell.textContent ?? "").trim())),
  );
}

describe("the CSV explorer in a browser", () => {
  it("uploads a CSV, shows it parsed, and downloads the edited CSV", async () => {
    const page = await openExplorer();
    const uploader = page.getByTestId("stFileUploader");
    await expect.poll(() => uploader.getByTestId("stFileUploaderDropzone").textContent()).toMatch(/Drag and drop file here.*Limit 200MB per file • CSV/);
    await expect.poll(() => page.getByTestId("stAlert").textContent()).toContain("Upload a CSV file to begin.");
    const uploads: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/_stcore/upload_file/")) uploads.push(request.method());
    });

    await uploader.getByTestId("stFileUploaderDropzoneInput").setInputFiles({ name: "cities.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByText("cities.csv: 3 rows, 2 columns").waitFor();
    await settled(page);
    expect(uploads).toEqual(["PUT"]);
    expect(await uploader.getByTestId("stFileUploaderFileName").textContent()).toBe("cities.csv");
    expect(await uploader.getByTestId("stFileUploaderFile").textContent()).toContain(`${Buffer.byteLength(CSV)}B`);
    expect((await tableRows(page)).map((row) => row.slice(-2))).toEqual([
      ["Oslo", "709000"],
      ["Bergen", "291000"],
      ["Trondheim", "212000"],
    ]);

    // Keep the rows with "berg", then download: the edited CSV, and the click reruns the app.
    const search = page.getByTestId("stTextInput").locator("input");
    await search.fill("berg");
    await search.press("Enter");
    await page.getByText("1 of 3 rows").waitFor();
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("stDownloadButton").filter({ hasText: "Download CSV" }).locator("button").click()]);
    expect(download.suggestedFilename()).toBe("edited-cities.csv");
    expect(await readFile((await download.path())!, "utf8")).toBe("city,population\r\nBergen,291000");
    await settled(page);
    // The JSON is made when clicked (deferred data), from the rows shown.
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("stDownloadButton").filter({ hasText: "Download JSON" }).locator("button").click()]);
    expect(json.suggestedFilename()).toBe("cities.json");
    expect(JSON.parse(await readFile((await json.path())!, "utf8"))).toEqual([{ city: "Bergen", population: 291000 }]);

    // A reload keeps the file (the session's widget value), and the x removes it.
    await page.reload();
    await settled(page);
    await page.getByText("cities.csv: 3 rows, 2 columns").waitFor();
    await uploader.getByTestId("stFileUploaderDeleteBtn").click();
    await page.getByText("Upload a CSV file to begin.").waitFor();
    await expect.poll(() => uploads).toEqual(["PUT", "DELETE"]);
    await page.close();
  });

  it("takes a file dropped on the dropzone", async () => {
    const page = await openExplorer();
    const zone = page.getByTestId("stFileUploaderDropzone");
    // What a drag from the desktop hands the page: a DataTransfer holding the file.
    const transfer = await page.evaluateHandle((csv) => {
      const g = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } }; File: new (parts: string[], name: string, options: { type: string }) => unknown };
      const data = new g.DataTransfer();
      data.items.add(new g.File([csv], "dropped.csv", { type: "text/csv" }));
      return data;
    }, CSV);
    await zone.dispatchEvent("dragover", { dataTransfer: transfer });
    await zone.dispatchEvent("drop", { dataTransfer: transfer });
    await page.getByText("dropped.csv: 3 rows, 2 columns").waitFor();
    expect(await page.getByTestId("stFileUploaderFileName").textContent()).toBe("dropped.csv");
    await page.close();
  });

  it("refuses a file of another type before uploading it", async () => {
    const page = await openExplorer();
    const uploads: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/_stcore/upload_file/")) uploads.push(request.method());
    });
    const uploader = page.getByTestId("stFileUploader");
    await uploader.getByTestId("stFileUploaderDropzoneInput").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expect.poll(() => uploader.getByTestId("stFileUploaderFileErrorMessage").textContent()).toBe("txt files are not allowed.");
    expect(uploads).toEqual([]);
    expect(await page.getByTestId("stAlert").textContent()).toContain("Upload a CSV file to begin.");
    await page.close();
  });
});
