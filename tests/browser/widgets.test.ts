import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, launchBrowser, settled } from "./browser.ts";

// A time zone far from this machine's, so that the one the app shows can only be the browser's.
const TIME_ZONE = "Pacific/Chatham";

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ timezoneId: TIME_ZONE, locale: "en-GB", viewport: { width: 1000, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh tab (a new session) on the widget tour, its first run done. */
async function openTour(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl("widget-tour"));
  await settled(page);
  return page;
}

/** The line the script wrote (`st.write`) that starts with `prefix`, e.g. "Size:". */
const line = (page: Page, prefix: string): Locator =>
  page.getByTestId("stMain").getByTestId("stMarkdown").filter({ hasText: new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
const lineText = async (page: Page, prefix: string) => ((await line(page, prefix).count()) === 1 ? (await line(page, prefix).textContent())?.trim() : undefined);

/** The widget of `testid` whose label is `label`. */
const widget = (page: Page, testid: string, label: string) => page.getByTestId(testid).filter({ has: page.getByTestId("stWidgetLabel").getByText(label, { exact: true }) });

/** The page's window, typed just enough for the code these tests run in it (the suite has no DOM types). */
type PageWindow = { document: { activeElement: unknown }; getComputedStyle(element: unknown): { color: string } };

/** Whether the element has the keyboard focus. */
const focused = (locator: Locator) => locator.evaluate((el) => el === (globalThis as unknown as PageWindow).document.activeElement);

type Rgb = [number, number, number];
/** The computed colour (`color`) of an element, as [r, g, b]. */
async function colourOf(locator: Locator): Promise<Rgb> {
  const css = await locator.evaluate((el) => (globalThis as unknown as PageWindow).getComputedStyle(el).color);
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}
const greenish = ([r, g, b]: Rgb) => g > r && g > b;
const reddish = ([r, g, b]: Rgb) => r > g && r > b;

/**
 * Picks a date in the browser's own calendar, which the date input's button opened. Its popup
 * is no part of the page, so this does what a pick does: the hidden date input behind the
 * button gets the date and its input and change events (without the focus, which a pick
 * leaves on the button), and the popup, which a pick closes, is closed with Escape.
 */
async function pickInCalendar(page: Page, dateInput: Locator, isoDate: string): Promise<void> {
  await dateInput.locator("input[type=date]").evaluate((el, date) => {
    const input = el as unknown as { value: string; dispatchEvent(event: Event): boolean };
    input.value = date;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, isoDate);
  await page.keyboard.press("Escape");
}

/** The chat input's bottom edge is at most 4rem above the window's (its margin below it), never under it. */
async function expectAtWindowBottom(page: Page): Promise<void> {
  const height = page.viewportSize()!.height;
  const box = (await page.getByTestId("stChatInput").boundingBox())!;
  expect(box.y + box.height).toBeGreaterThan(height - 64);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
}

type ScrollingWindow = { scrollY: number; innerHeight: number; document: { documentElement: { scrollHeight: number } } };
/** How far the page is scrolled down, and how far it can be. */
const scrollTop = (page: Page) => page.evaluate(() => (globalThis as unknown as ScrollingWindow).scrollY);
const scrollEnd = (page: Page) =>
  page.evaluate(() => {
    const w = globalThis as unknown as ScrollingWindow;
    return w.document.documentElement.scrollHeight - w.innerHeight;
  });

/** Whether the element is wholly in the window, above the pinned chat input's strip. */
async function shownAboveChatInput(page: Page, element: Locator): Promise<boolean> {
  const box = (await element.boundingBox())!;
  const strip = (await page.getByTestId("stElementContainer").filter({ has: page.getByTestId("stChatInput") }).boundingBox())!;
  return box.y >= 0 && box.y + box.height <= strip.y;
}

describe("the widget tour in the browser", () => {
  it("moves a select slider with the keyboard and shows the option chosen", async () => {
    const page = await openTour();
    const size = widget(page, "stSlider", "T-shirt size");
    const thumb = size.getByRole("slider");
    expect(await thumb.getAttribute("aria-valuetext")).toBe("M");
    await thumb.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => lineText(page, "Size:")).toBe("Size: L");
    expect(await size.getByTestId("stSliderThumbValue").textContent()).toBe("L");
    await page.keyboard.press("End");
    await expect.poll(() => lineText(page, "Size:")).toBe("Size: XL");
    expect(await size.getByTestId("stSliderThumbValue").textContent()).toBe("XL");
    // The thumb keeps the focus across the reruns: the keys keep moving it.
    await page.keyboard.press("Home");
    await expect.poll(() => lineText(page, "Size:")).toBe("Size: XS");
    expect(await focused(thumb)).toBe(true);

    // A range: each thumb moves its own end, and the low one cannot pass the high one.
    const band = widget(page, "stSlider", "Price band");
    const [low, high] = [band.getByRole("slider").nth(0), band.getByRole("slider").nth(1)];
    await high.focus();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => lineText(page, "Band:")).toBe("Band: $ to $$");
    await low.focus();
    await page.keyboard.press("End");
    await expect.poll(() => lineText(page, "Band:")).toBe("Band: $$ to $$");
    expect(await band.getByTestId("stSliderThumbValue").allTextContents()).toEqual(["$$", "$$"]);
    await page.close();
  });

  it("sets a colour", async () => {
    const page = await openTour();
    const picker = page.getByTestId("stColorPicker");
    const swatch = picker.locator("input[type=color]");
    expect(await swatch.inputValue()).toBe("#00f900");
    expect(await page.getByLabel("Pick a colour").count()).toBe(1);
    await swatch.fill("#ff8800");
    await expect.poll(() => lineText(page, "Colour:")).toBe("Colour: #ff8800");
    expect(await swatch.inputValue()).toBe("#ff8800");
    await page.close();
  });

  it("types and picks dates, for one date and a range, and knows the browser's time zone", async () => {
    const page = await openTour();
    expect(await lineText(page, "Your time zone:")).toBe(`Your time zone: ${TIME_ZONE}`);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(TIME_ZONE);

    const birthday = widget(page, "stDateInput", "Birthday");
    const field = birthday.getByTestId("stDateInputField");
    expect(await field.inputValue()).toBe("2024/01/31");
    await field.fill("2024/02/29");
    await field.press("Enter");
    await expect.poll(() => lineText(page, "Birthday:")).toBe("Birthday: 2024-02-29");
    // Not a date: the field goes back to the last one.
    await field.fill("2024/02/30");
    await field.press("Enter");
    expect(await field.inputValue()).toBe("2024/02/29");
    // The calendar button opens the browser's date picker; what it picks is sent.
    await birthday.getByRole("button", { name: "Choose date" }).click();
    await pickInCalendar(page, birthday, "2024-03-15");
    await expect.poll(() => lineText(page, "Birthday:")).toBe("Birthday: 2024-03-15");
    expect(await field.inputValue()).toBe("2024/03/15");

    const trip = widget(page, "stDateInput", "Trip");
    const tripField = trip.getByTestId("stDateInputField");
    expect(await tripField.inputValue()).toBe("2024/07/01 – 2024/07/10");
    await tripField.fill("2024/08/02 - 2024/08/09");
    await tripField.press("Enter");
    await expect.poll(() => lineText(page, "Trip:")).toBe("Trip: 2024-08-02 to 2024-08-09");
    expect(await tripField.inputValue()).toBe("2024/08/02 – 2024/08/09");
    // Picking a range: the start, then the end.
    await trip.getByRole("button", { name: "Choose date" }).click();
    await pickInCalendar(page, trip, "2024-09-20");
    expect(await tripField.inputValue()).toBe("2024/09/20 – ");
    await trip.getByRole("button", { name: "Choose end date" }).click();
    await pickInCalendar(page, trip, "2024-09-24");
    await expect.poll(() => lineText(page, "Trip:")).toBe("Trip: 2024-09-20 to 2024-09-24");
    expect(await tripField.inputValue()).toBe("2024/09/20 – 2024/09/24");
    await page.close();
  });

  it("types a time", async () => {
    const page = await openTour();
    const time = page.getByTestId("stTimeInput").locator("input");
    expect(await time.inputValue()).toBe("08:45");
    await time.click();
    await page.keyboard.press("Home");
    await page.keyboard.type("1030");
    await page.keyboard.press("Enter");
    await expect.poll(() => lineText(page, "Alarm:")).toBe("Alarm: 10:30");
    expect(await time.inputValue()).toBe("10:30");
    await page.close();
  });

  it("selects pills, one or several, and a segment", async () => {
    const page = await openTour();
    const direction = widget(page, "stButtonGroup", "Direction");
    expect(await lineText(page, "Direction:")).toBe("Direction: none");
    await direction.getByRole("radio", { name: "East" }).click();
    await expect.poll(() => lineText(page, "Direction:")).toBe("Direction: East");
    expect(await direction.getByRole("radio", { name: "East" }).getAttribute("aria-checked")).toBe("true");
    await direction.getByRole("radio", { name: "West" }).click();
    await expect.poll(() => lineText(page, "Direction:")).toBe("Direction: West");
    expect(await direction.getByRole("radio", { checked: true }).allTextContents()).toEqual(["West"]);
    // Clicking the chosen pill again clears it.
    await direction.getByRole("radio", { name: "West" }).click();
    await expect.poll(() => lineText(page, "Direction:")).toBe("Direction: none");
    expect(await direction.getByRole("radio", { checked: true }).count()).toBe(0);

    const toppings = widget(page, "stButtonGroup", "Toppings");
    await toppings.getByRole("button", { name: "Cheese" }).click();
    await expect.poll(() => lineText(page, "Toppings:")).toBe("Toppings: Cheese");
    await toppings.getByRole("button", { name: "Olives" }).click();
    await expect.poll(() => lineText(page, "Toppings:")).toBe("Toppings: Cheese, Olives");
    expect(await toppings.getByRole("button", { pressed: true }).allTextContents()).toEqual(["Cheese", "Olives"]);
    await toppings.getByRole("button", { name: "Cheese" }).click();
    await expect.poll(() => lineText(page, "Toppings:")).toBe("Toppings: Olives");

    const view = widget(page, "stButtonGroup", "View");
    expect(await view.getByRole("radio", { checked: true }).allTextContents()).toEqual(["Week"]);
    await view.getByRole("radio", { name: "Month" }).click();
    await expect.poll(() => lineText(page, "View:")).toBe("View: Month");
    expect(await view.getByRole("radio", { checked: true }).allTextContents()).toEqual(["Month"]);
    await page.close();
  });

  it("gives feedback with thumbs and stars", async () => {
    const page = await openTour();
    const [thumbs, stars] = [page.getByTestId("stFeedback").nth(0), page.getByTestId("stFeedback").nth(1)];
    await thumbs.getByRole("radio", { name: "Thumbs down" }).click();
    await expect.poll(() => lineText(page, "Thumbs:")).toBe("Thumbs: down");
    expect(await thumbs.getByTestId("stFeedbackButtonActive").getAttribute("aria-label")).toBe("Thumbs down");
    // With the keyboard: arrows move between the choices, Space picks one.
    await thumbs.getByRole("radio", { name: "Thumbs down" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Space");
    await expect.poll(() => lineText(page, "Thumbs:")).toBe("Thumbs: up");
    expect(await thumbs.getByRole("radio", { checked: true }).getAttribute("aria-label")).toBe("Thumbs up");

    await stars.getByRole("radio", { name: "4 out of 5 stars" }).click();
    await expect.poll(() => lineText(page, "Stars:")).toBe("Stars: 4");
    // Stars fill up to the one chosen.
    expect(await stars.getByTestId("stFeedbackButtonActive").count()).toBe(4);
    expect(await stars.getByTestId("stFeedbackButton").count()).toBe(1);
    // Clicking the chosen star again clears the rating.
    await stars.getByRole("radio", { name: "4 out of 5 stars" }).click();
    await expect.poll(() => lineText(page, "Stars:")).toBe("Stars: none");
    expect(await stars.getByTestId("stFeedbackButtonActive").count()).toBe(0);
    await page.close();
  });

  it("sends a chat message with Enter: it shows in a chat message and the input empties", async () => {
    const page = await openTour();
    const input = page.getByTestId("stChatInput").getByTestId("stChatInputTextArea");
    // The chat input is pinned to the bottom of the window, as in Streamlit.
    await expectAtWindowBottom(page);
    expect(await page.getByTestId("stChatMessage").count()).toBe(0);

    await input.click();
    await page.keyboard.type("Hello there");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("stChatMessage").count()).toBe(2);
    expect(await input.inputValue()).toBe("");
    const messages = page.getByTestId("stChatMessage");
    expect(await messages.nth(0).getByTestId("stChatMessageContent").innerText()).toBe("Hello there");
    expect(await messages.nth(0).getByTestId("stChatMessageAvatarUser").count()).toBe(1);
    expect(await messages.nth(1).getByTestId("stChatMessageContent").innerText()).toBe("Echo: Hello there");
    expect(await messages.nth(1).getByTestId("stChatMessageAvatarAssistant").count()).toBe(1);
    // The page follows the conversation: the answer shows above the input, not under it.
    await expect.poll(() => shownAboveChatInput(page, messages.nth(1))).toBe(true);

    // The focus stays in the input, ready for the next message; Shift+Enter breaks a line.
    expect(await focused(input)).toBe(true);
    await page.keyboard.type("Two");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("lines");
    expect(await input.inputValue()).toBe("Two\nlines");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("stChatMessage").count()).toBe(4);
    expect(await input.inputValue()).toBe("");
    // Markdown, as in Streamlit: a single line break inside a paragraph shows as a space.
    expect(await messages.nth(2).getByTestId("stChatMessageContent").innerText()).toBe("Two lines");
    expect(await messages.nth(3).getByTestId("stChatMessageContent").innerText()).toBe("Echo: Two lines");
    await expect.poll(() => shownAboveChatInput(page, messages.nth(3))).toBe(true);
    // The rerun wrote the history above the input, which moved down the page: it kept the focus.
    expect(await focused(input)).toBe(true);

    // Scrolled up to read earlier things, the user stays where they are while messages arrive.
    await page.mouse.wheel(0, -600);
    await expect.poll(() => scrollTop(page)).toBeLessThan((await scrollEnd(page)) - 500);
    const readingAt = await scrollTop(page);
    await page.keyboard.type("Three");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("stChatMessage").count()).toBe(6);
    await settled(page);
    expect(await scrollTop(page)).toBe(readingAt);
    expect(await shownAboveChatInput(page, messages.nth(5))).toBe(false);
    await expectAtWindowBottom(page);

    // At the very end of the page the input is still at the bottom, and on a page shorter than the window.
    await page.mouse.wheel(0, 10_000);
    await expect.poll(() => scrollTop(page)).toBe(await scrollEnd(page));
    await expectAtWindowBottom(page);
    await page.setViewportSize({ width: 1000, height: 4000 });
    expect(await scrollEnd(page)).toBe(0);
    await expectAtWindowBottom(page);
    await page.close();
  });

  it("links out with a link button that opens a new tab", async () => {
    const page = await openTour();
    const link = page.getByTestId("stLinkButton").locator("a");
    expect(await link.textContent()).toBe("Streamlit docs");
    expect(await link.getAttribute("href")).toBe("https://docs.streamlit.io");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect((await link.getAttribute("rel"))?.split(/\s+/)).toContain("noopener");
    expect(await link.getAttribute("data-testid")).toBe("stBaseLinkButton-secondary");
    await page.close();
  });

  it("shows metrics with their deltas and a badge", async () => {
    const page = await openTour();
    const metric = (label: string) => page.getByTestId("stMetric").filter({ has: page.getByTestId("stMetricLabel").getByText(label, { exact: true }) });

    const temperature = metric("Temperature");
    expect(await temperature.getByTestId("stMetricValue").textContent()).toBe("70 °F");
    expect(await temperature.getByTestId("stMetricDelta").textContent()).toBe("1.2 °F");
    expect(await temperature.getByTestId("stMetricDeltaIcon-Up").count()).toBe(1);
    expect(greenish(await colourOf(temperature.getByTestId("stMetricDelta")))).toBe(true);

    const wind = metric("Wind");
    expect(await wind.getByTestId("stMetricValue").textContent()).toBe("9 mph");
    expect(await wind.getByTestId("stMetricDelta").textContent()).toBe("-8%");
    expect(await wind.getByTestId("stMetricDeltaIcon-Down").count()).toBe(1);
    expect(reddish(await colourOf(wind.getByTestId("stMetricDelta")))).toBe(true);

    // delta_color="inverse": up is bad news, red.
    const humidity = metric("Humidity");
    expect(await humidity.getByTestId("stMetricDelta").textContent()).toBe("4%");
    expect(await humidity.getByTestId("stMetricDeltaIcon-Up").count()).toBe(1);
    expect(reddish(await colourOf(humidity.getByTestId("stMetricDelta")))).toBe(true);

    // The three metrics stand side by side in their columns.
    const tops = await Promise.all(["Temperature", "Wind", "Humidity"].map(async (label) => (await metric(label).boundingBox())!.y));
    expect(new Set(tops).size).toBe(1);

    const badge = page.getByTestId("stMarkdown").locator(".stMarkdownBadge");
    expect(await badge.textContent()).toBe("New");
    expect(greenish(await colourOf(badge))).toBe(true);
    await page.close();
  });

  it("opens a popover and uses the widgets inside it", async () => {
    const page = await openTour();
    const popover = page.getByTestId("stPopover");
    const body = page.getByTestId("stPopoverBody");
    expect(await body.isVisible()).toBe(false);
    await popover.getByTestId("stPopoverButton").click();
    await body.waitFor({ state: "visible" });
    expect(await popover.getByTestId("stPopoverButton").getAttribute("aria-expanded")).toBe("true");

    await body.getByTestId("stCheckbox").getByText("Loud mode").click();
    await expect.poll(() => lineText(page, "Loud mode:")).toBe("Loud mode: on; nickname: none");
    // The rerun leaves the popover open.
    expect(await body.isVisible()).toBe(true);
    const nickname = body.getByTestId("stTextInput").locator("input");
    await nickname.fill("Ada");
    await nickname.press("Enter");
    await expect.poll(() => lineText(page, "Loud mode:")).toBe("Loud mode: on; nickname: Ada");
    expect(await body.isVisible()).toBe(true);

    // Escape closes it and gives the focus back to its button; the widgets keep their values.
    await page.keyboard.press("Escape");
    await body.waitFor({ state: "hidden" });
    expect(await focused(popover.getByTestId("stPopoverButton"))).toBe(true);
    await popover.getByTestId("stPopoverButton").click();
    expect(await nickname.inputValue()).toBe("Ada");
    expect(await body.getByRole("checkbox", { name: "Loud mode" }).isChecked()).toBe(true);
    // A click outside closes it too.
    await page.getByTestId("stHeading").first().click();
    await body.waitFor({ state: "hidden" });
    await page.close();
  });
});
