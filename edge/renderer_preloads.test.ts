import { describe, expect, it } from "vitest";
import { apps } from "#catalog";
import { findApp } from "../sessions/apps.ts";
import { appPage } from "./pages.ts";
import { rendererPreloads } from "./renderer_preloads.ts";

describe("an app's page preloads the grid when its code shows dataframes", () => {
  it("preloads the grid's chunk for a dataframe app, and nothing for an app without one", () => {
    const big = findApp(apps, "big-dataframe")!;
    const hello = findApp(apps, "hello")!;
    const preloads = rendererPreloads(big.bundle);
    expect(preloads.some((href) => /^\/client\/chunks\/DataFrame-[\w-]+\.js$/.test(href))).toBe(true);
    expect(rendererPreloads(hello.bundle)).toEqual([]);
    const page = String(appPage(big, {}, preloads));
    for (const href of preloads) expect(page).toContain(`<link rel="modulepreload" href="${href}" />`);
    expect(String(appPage(hello, {}, []))).not.toContain("modulepreload");
  });
});
