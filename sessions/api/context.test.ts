import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import { browserContextFrom } from "../engine/browser_context.ts";

const dateIn = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

describe("st.context", () => {
  it("tells the script the browser's time zone and locale, and dates follow it", async () => {
    const at = AppTest.from_function(() => {
      st.write(`${st.context.timezone} ${st.context.locale}`);
      st.date_input("Day");
    });
    at.session.browserContext = browserContextFrom("wss://x/?tz=Pacific%2FKiritimati&tzo=-840&locale=en-GB");
    await at.run();
    expect(at.markdown[0]!.value).toBe("Pacific/Kiritimati en-GB");
    expect(at.date_input[0]!.value).toBe(dateIn("Pacific/Kiritimati"));
  });

  it("keeps only well-formed values from the socket URL", () => {
    expect(browserContextFrom("wss://x/?tz=<script>&tzo=99999&locale=%22")).toEqual({ timezone: null, timezone_offset: null, locale: null });
  });
});
