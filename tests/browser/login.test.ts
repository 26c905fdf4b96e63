/**
 * Signing in as a person does: the login demo's button, the provider's own login form
 * (oidc-provider on loopback), and back; a second tab; logging out in one tab; the second provider.
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

const main = (page: Page) => page.getByTestId("stMain");
const markdown = async (page: Page) => (await main(page).getByTestId("stMarkdown").allTextContents()).map((text) => text.trim());
const button = (page: Page, label: string) => main(page).getByTestId("stButton").filter({ hasText: label }).locator("button");

/** Fills the provider's login form (any password) and waits to be back in the app. */
async function loginAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(appUrl("login-demo"));
  await settled(page);
}

describe("sign-in with OpenID Connect in the browser", () => {
  it("logs in through the provider, is logged in in a new tab, logs out in one tab only, and logs in with the second provider", async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(appUrl("login-demo"));
    await settled(first);
    expect(await main(first).getByTestId("stButton").allTextContents()).toEqual(["Log in with Google", "Log in with Microsoft"]);

    await button(first, "Log in with Google").click();
    await loginAtProvider(first, "alice");
    await expect.poll(() => markdown(first)).toEqual(["Welcome! Alice Liddell"]);
    // The identity cookie is the app's own, and the page's scripts cannot read it.
    const cookies = await context.cookies(appUrl("login-demo"));
    expect(cookies.map((c) => [c.name, c.path, c.httpOnly, c.sameSite])).toContainEqual(["edgelit_user_login-demo", "/", true, "Lax"]);
    expect(await first.evaluate("document.cookie")).not.toContain("edgelit_user");

    const second = await context.newPage();
    await second.goto(appUrl("login-demo"));
    await settled(second);
    await expect.poll(() => markdown(second)).toEqual(["Welcome! Alice Liddell"]);

    await button(first, "Log out").click();
    await expect.poll(() => main(first).getByTestId("stButton").allTextContents()).toEqual(["Log in with Google", "Log in with Microsoft"]);
    await settled(first);
    // The other tab's session stays logged in, through a rerun too.
    await second.bringToFront();
    await second.keyboard.press("r");
    await settled(second);
    expect(await markdown(second)).toEqual(["Welcome! Alice Liddell"]);

    await first.bringToFront();
    await button(first, "Log in with Microsoft").click();
    await loginAtProvider(first, "bob");
    await expect.poll(() => markdown(first)).toEqual(["Welcome! Bob Builder"]);
    await context.close();
  });

  it("shows what failed when the provider's answer does not match a sign-in in progress", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("login-demo", "/oauth2callback?code=stolen&state=guessed"));
    expect(await page.getByTestId("stSignInError").textContent()).toContain("No sign-in is in progress in this browser");
    await page.getByRole("link", { name: "Back to the app" }).click();
    await settled(page);
    expect(await main(page).getByTestId("stButton").allTextContents()).toEqual(["Log in with Google", "Log in with Microsoft"]);
    await page.close();
  });
});
