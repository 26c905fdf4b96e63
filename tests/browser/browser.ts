/** Debian's Chromium through playwright-core, set up the way this machine allows. */
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

/** The gallery's origin (`http://localhost:<port>`). */
export const baseUrl = () => inject("baseUrl");

/** An app's own origin, `http://<slug>.localhost:<port>` (Chromium resolves *.localhost to loopback), and a path on it. */
export function appUrl(slug: string, path = "/"): string {
  const gallery = new URL(baseUrl());
  return `${gallery.protocol}//${slug}.${gallery.host}${path}`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Waits until the page has its elements and no run is in progress (Streamlit's own e2e signal). */
export async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').waitFor();
}

/** Bytes of every WebSocket message the page receives, for measuring what a click costs. */
export function recordSocketBytes(page: Page): number[] {
  const sizes: number[] = [];
  page.on("websocket", (ws) => {
    ws.on("framereceived", (frame) => sizes.push(Buffer.byteLength(frame.payload as string)));
  });
  return sizes;
}

/** The viewer picks a theme ("Light", "Dark", "Use system setting") in the main menu's Settings dialog. */
export async function chooseTheme(page: Page, label: string): Promise<void> {
  await page.getByTestId("stMainMenu").locator("button").click();
  await page.getByTestId("stMainMenuItem").filter({ hasText: "Settings" }).click();
  await page.getByTestId("stSettingsThemeSelect").selectOption({ label });
  await page.getByTestId("stDialog").getByRole("button", { name: "Close" }).click();
  await page.getByTestId("stDialog").waitFor({ state: "detached" });
}
