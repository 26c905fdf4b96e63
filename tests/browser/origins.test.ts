// Each app on an origin of its own: from one app's page (or its static files), another app's
// session id, socket and pages are out of reach, by the browser's own rules and the platform's.
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

/** What a script on `page` gets when it tries to open a socket at `url`: "open" or how it failed. */
function tryWebSocket(page: Page, url: string): Promise<string> {
  return page.evaluate(`new Promise((resolve) => {
    const ws = new WebSocket(${JSON.stringify(url)});
    ws.onopen = () => { ws.close(); resolve("open"); };
    ws.onerror = () => resolve("error");
    setTimeout(() => resolve("timeout"), 5000);
  })`);
}

/** Runs `expression` (browser JavaScript) on `page`. */
const inPage = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;

describe("apps on origins of their own", () => {
  it("keep another app's session id, socket and pages away from an app's page", async () => {
    const context = await browser.newContext();
    const victim = await context.newPage();
    await victim.goto(appUrl("hello"));
    await settled(victim);
    const victimSession = await inPage<string | null>(victim, 'sessionStorage.getItem("edgelit:session:hello")');
    expect(victimSession).toMatch(/^[A-Za-z0-9_-]{22,64}$/);

    const attacker = await context.newPage();
    await attacker.goto(appUrl("page1000"));
    await settled(attacker);
    // Storage is per origin: the other app's session id is not there to read.
    expect(await inPage<string[]>(attacker, "Object.keys(sessionStorage)")).not.toContain("edgelit:session:hello");
    expect(await inPage<string[]>(attacker, 'Object.keys(localStorage).filter((key) => key.includes("hello"))')).toEqual([]);
    // Its pages answer no cross-origin read.
    const read = await inPage<string>(attacker, `fetch(${JSON.stringify(appUrl("hello"))}, { credentials: "include" }).then((r) => r.text()).then(() => "read", () => "blocked")`);
    expect(read).toBe("blocked");
    // Its sessions open only from its own pages, even with the right session id.
    const socketUrl = appUrl("hello", `/_stcore/stream/${victimSession}`).replace(/^http/, "ws");
    expect(await tryWebSocket(attacker, socketUrl)).toBe("error");
    expect(await tryWebSocket(victim, socketUrl)).toBe("open");
    await context.close();
  });

  it("serves an app's static HTML as text, which runs nothing and reaches nothing", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(appUrl("themed", "/app/static/page.html"));
    expect(response?.headers()["content-type"]).toBe("text/plain");
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await inPage<number>(page, 'document.querySelectorAll("script").length')).toBe(0);
    await context.close();
  });

  it("sends /apps/<slug>/ on the gallery to the app's own origin", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const gallery = new URL(appUrl("hello"));
    gallery.hostname = "localhost";
    await page.goto(new URL("/apps/multipage/reports", gallery).href);
    await settled(page);
    expect(page.url()).toBe(appUrl("multipage", "/reports"));
    await context.close();
  });
});
