import { describe, expect, it } from "vitest";
import type { AppEntry } from "../sessions/apps.ts";
import { staticContentType, staticFileOf } from "./static.ts";

const entry = { slug: "demo", staticFiles: ["cat.png", "img/dog one.jpg", "notes.txt"] } as unknown as AppEntry;
const file = (path: string) => staticFileOf(entry, `/app/static/${path}`);

describe("static files", () => {
  it("serves Streamlit's safe types as themselves and everything else as text/plain", () => {
    const types = ["a.jpg", "a.JPEG", "a.png", "a.gif", "a.webp", "a.otf", "a.ttf", "a.woff", "a.woff2", "a.pdf", "a.xml", "a.json"].map(staticContentType);
    expect(types).toEqual([
      "image/jpeg",
      "image/jpeg",
      "image/png",
      "image/gif",
      "image/webp",
      "font/otf",
      "font/ttf",
      "font/woff",
      "font/woff2",
      "application/pdf",
      "application/xml",
      "application/json",
    ]);
    for (const name of ["a.html", "a.svg", "a.js", "a.css", "a.txt", "README", "a.png.html"]) expect(staticContentType(name)).toBe("text/plain");
  });

  it("finds only files the build listed, decoding each segment once", () => {
    expect(file("cat.png")).toBe("cat.png");
    expect(file("img/dog%20one.jpg")).toBe("img/dog one.jpg");
    expect(file("missing.png")).toBeNull();
    expect(file("")).toBeNull();
  });

  it("refuses traversal, encoded or not", () => {
    for (const path of ["../app.ts", "..%2Fapp.ts", "%2e%2e/app.ts", "%2E%2E%2Fapp.ts", "img/..%2Fcat.png", "img%2Fdog%20one.jpg", "./cat.png", "img//dog%20one.jpg", "%252e%252e/app.ts", "cat.png%00", "%E0%A4%A"]) {
      expect(file(path), path).toBeNull();
    }
  });
});
