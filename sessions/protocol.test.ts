import { describe, expect, it } from "vitest";
import { pageRequestFrom } from "./engine/browser_context.ts";
import { MAX_CLIENT_FRAME_BYTES, MAX_QUERY_BYTES, MAX_QUERY_VALUES, parseClientFrame, utf8Length } from "./protocol.ts";

/** A rerun frame padded with `count` times `char`, and its size on the wire. */
const padded = (char: string, count: number) => {
  const raw = `{"t":"rerun","padding":"${char.repeat(count)}"}`;
  return { raw, bytes: new TextEncoder().encode(raw).length };
};

describe("the frame size limit", () => {
  it("counts UTF-8 bytes, as the socket carries them, not UTF-16 units", () => {
    // The hostile frame: 260,060 characters, 520,060 bytes on the wire.
    const accented = padded("é", 260_000);
    accented.raw = accented.raw.replace('"padding":"', `"padding":"${"x".repeat(34)}`);
    accented.bytes += 34;
    expect(accented.raw.length).toBe(260_060);
    expect(accented.bytes).toBe(520_060);
    expect(parseClientFrame(accented.raw)).toEqual({ ok: false, code: "frame_too_large", message: `Frame of 520060 bytes exceeds the limit of ${MAX_CLIENT_FRAME_BYTES} bytes.` });
    // Around the limit, with 1-, 2-, 3- and 4-byte characters: refused exactly when over it.
    for (const char of ["x", "é", "€", "😀"]) {
      const perChar = new TextEncoder().encode(char).length;
      const fits = Math.floor((MAX_CLIENT_FRAME_BYTES - padded(char, 0).bytes) / perChar);
      for (const count of [fits - 1, fits, fits + 1]) {
        const { raw, bytes } = padded(char, count);
        expect(parseClientFrame(raw).ok, `${count} × ${char}: ${bytes} bytes`).toBe(bytes <= MAX_CLIENT_FRAME_BYTES);
      }
    }
  });

  it("measures as TextEncoder does: emoji as 4 bytes, a lone surrogate as the 3 of U+FFFD", () => {
    for (const text of ["", "plain", "é", "€", "😀", "a😀b", "\ud83d", "x\udc00y", "\ud83d\ud83d\ude00", "中文テキスト"]) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe("page frames", () => {
  it("refuses a query string larger than a URL could carry, in values or bytes", () => {
    const many = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, ["v"]]));
    expect(parseClientFrame(JSON.stringify({ t: "page", url_path: "", query: many }))).toMatchObject({ ok: false, code: "invalid_value" });
    const long = { q: ["é".repeat(MAX_QUERY_BYTES / 2 + 1)] };
    expect(parseClientFrame(JSON.stringify({ t: "page", url_path: "", query: long }))).toMatchObject({ ok: false, code: "invalid_value" });
    const repeated = { tag: Array.from({ length: MAX_QUERY_VALUES + 1 }, () => "x") };
    expect(parseClientFrame(JSON.stringify({ t: "page", url_path: "", query: repeated }))).toMatchObject({ ok: false, code: "invalid_value" });
    const fits = { tag: Array.from({ length: MAX_QUERY_VALUES }, () => "x") };
    expect(parseClientFrame(JSON.stringify({ t: "page", url_path: "", query: fits }))).toEqual({ ok: true, frame: { t: "page", url_path: "", query: fits } });
  });
});

describe("the page a socket connects at", () => {
  it("is taken from the socket URL unless its query string is more than a URL could carry", () => {
    const url = (qs: string) => `https://hello.edgelit.test/_stcore/stream/s?page=reports&qs=${encodeURIComponent(qs)}`;
    expect(pageRequestFrom(url("tab=2&tab=3"))).toEqual({ urlPath: "reports", query: { tab: ["2", "3"] } });
    const many = Array.from({ length: MAX_QUERY_VALUES + 1 }, (_, i) => `k${i}=v`).join("&");
    expect(pageRequestFrom(url(many))).toBeNull();
  });
});
