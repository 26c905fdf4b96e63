/**
 * Sliders moved with the keyboard: each key press sends its value (as Streamlit 1.64 does)
 * and reruns the script. The server's answers come back in order, so an answer to an
 * earlier press can arrive while a later press is still on its way: it must not pull the
 * thumb back, or the next press starts from the stale value and a press is lost.
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

/**
 * Lets the test hold back the socket messages the page receives and hand them over one at a
 * time, as a slow network would: a listener registered before the client's own stops each
 * held message and replays it later. Plain JavaScript, since it runs in the page.
 */
const HOLD_SOCKET_MESSAGES = `(() => {
  const Native = globalThis.WebSocket;
  const held = [];
  const replayed = new WeakSet();
  let holding = false;
  globalThis.__socketHold = {
    hold() { holding = true; },
    held: () => held.length,
    deliver(count) {
      for (const { socket, data } of held.splice(0, count ?? held.length)) {
        const event = new MessageEvent("message", { data });
        replayed.add(event);
        socket.dispatchEvent(event);
      }
    },
    release() { holding = false; this.deliver(); },
  };
  globalThis.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (!holding || replayed.has(event)) return;
        event.stopImmediatePropagation();
        held.push({ socket: this, data: event.data });
      });
    }
  };
})();`;

type Hold = { hold(): void; held(): number; deliver(count?: number): void; release(): void };
const hold = (page: Page) => ({
  hold: () => page.evaluate(() => (globalThis as unknown as { __socketHold: Hold }).__socketHold.hold()),
  held: () => page.evaluate(() => (globalThis as unknown as { __socketHold: Hold }).__socketHold.held()),
  deliver: (count: number) => page.evaluate((n) => (globalThis as unknown as { __socketHold: Hold }).__socketHold.deliver(n), count),
  release: () => page.evaluate(() => (globalThis as unknown as { __socketHold: Hold }).__socketHold.release()),
});

/** Opens an app in a new tab (a new session) that records the widget frames it sends. */
async function open(app: string): Promise<{ page: Page; widgetFrames: { value: unknown }[] }> {
  const page = await browser.newPage();
  await page.addInitScript({ content: HOLD_SOCKET_MESSAGES });
  const widgetFrames: { value: unknown }[] = [];
  page.on("websocket", (ws) => {
    ws.on("framesent", (frame) => {
      const sent = JSON.parse(String(frame.payload)) as { t: string; value: unknown };
      if (sent.t === "widget") widgetFrames.push(sent);
    });
  });
  await page.goto(appUrl(app));
  await settled(page);
  return { page, widgetFrames };
}

const scriptState = (page: Page) => page.getByTestId("stApp").getAttribute("data-test-script-state");

/**
 * Presses ArrowRight three times on the focused thumb; the answer to the first press is
 * handed over only after the second press went out (and was answered), before the third.
 */
async function pressThriceWithALateAnswer(page: Page, widgetFrames: unknown[]): Promise<void> {
  const socket = hold(page);
  const sent = widgetFrames.length;
  await socket.hold();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => widgetFrames.length).toBe(sent + 1);
  await expect.poll(() => socket.held()).toBeGreaterThan(0);
  const firstAnswer = await socket.held();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => widgetFrames.length).toBe(sent + 2);
  await expect.poll(() => socket.held()).toBeGreaterThan(firstAnswer);
  // Only the answer to the first press arrives; the second's is still on its way.
  await socket.deliver(firstAnswer);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => widgetFrames.length).toBe(sent + 3);
  await socket.release();
}

describe("a slider moved with the keyboard", () => {
  it("keeps every key press when the answers come late, and goes idle", async () => {
    const { page, widgetFrames } = await open("hello");
    const slider = page.getByTestId("stSlider").filter({ hasText: "How many stars?" });
    const thumb = slider.getByRole("slider");
    expect(await thumb.inputValue()).toBe("3");
    await thumb.focus();
    await pressThriceWithALateAnswer(page, widgetFrames);

    // One frame per key press, with the values 4, 5, 6; the script sees the last.
    expect(widgetFrames.map((frame) => frame.value)).toEqual([4, 5, 6]);
    await expect.poll(() => page.getByText("⭐".repeat(6), { exact: true }).count()).toBe(1);
    expect(await thumb.inputValue()).toBe("6");
    expect(await slider.getByTestId("stSliderThumbValue").textContent()).toBe("6");

    // Idle within a few seconds, and idle it stays while the thumb keeps the focus: nothing more is sent.
    await expect.poll(() => scriptState(page), { timeout: 5_000 }).toBe("notRunning");
    const sent = widgetFrames.length;
    for (let i = 0; i < 10; i++) {
      await page.waitForTimeout(100);
      expect(await scriptState(page)).toBe("notRunning");
    }
    expect(widgetFrames.length).toBe(sent);
    expect(await thumb.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true);
    await page.close();
  });

  it("keeps every key press of a select slider too", async () => {
    const { page, widgetFrames } = await open("widget-tour");
    const size = page.getByTestId("stSlider").filter({ has: page.getByTestId("stWidgetLabel").getByText("T-shirt size", { exact: true }) });
    const thumb = size.getByRole("slider");
    expect(await thumb.getAttribute("aria-valuetext")).toBe("M");
    // XS S M L XL: from M, three presses would pass the end. From XS they reach L.
    await thumb.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => page.getByText("Size: XS", { exact: true }).count()).toBe(1);
    widgetFrames.length = 0;
    await pressThriceWithALateAnswer(page, widgetFrames);

    expect(widgetFrames.map((frame) => frame.value)).toEqual([1, 2, 3]);
    await expect.poll(() => page.getByText("Size: L", { exact: true }).count()).toBe(1);
    expect(await thumb.getAttribute("aria-valuetext")).toBe("L");
    await expect.poll(() => scriptState(page), { timeout: 5_000 }).toBe("notRunning");
    await page.close();
  });
});
