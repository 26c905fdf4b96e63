// The per-app build: each app alone, refused imports named, and the CPU guard in its code.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../scripts/build-apps.ts";
import { insertCpuGuards } from "../../scripts/guard_transform.ts";
import { claimCpuBudget, CpuLimitExceeded } from "../../sessions/runtime/cpu_guard.ts";

const root = join(import.meta.dirname, "..", "..");

/** A throwaway app folder inside the repository (so that node_modules resolves), with these files. */
function appFolder(files: Record<string, string>): string {
  const parent = join(root, "dist", "build-test");
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, "app-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("building an app alone", () => {
  it("refuses imports of platform modules and of another app, naming the file and each import", async () => {
    const built = await buildApp({ dir: join(root, "tests", "tenants", "hostile-import") });
    expect(built.code).toBeNull();
    expect(built.errors).toHaveLength(2);
    expect(built.errors[0]).toMatch(/^tests\/tenants\/hostile-import\/app\.ts:4: the import of "\.\.\/\.\.\/\.\.\/sessions\/engine\/app_session\.ts" is refused: it is outside the app's folder/);
    expect(built.errors[1]).toMatch(/^tests\/tenants\/hostile-import\/app\.ts:5: the import of "\.\.\/tenant-a\/app\.ts" is refused/);
  });

  it("refuses cloudflare: modules and edgelit/testing, and npm packages its package.json does not declare", async () => {
    const script = 'import st from "edgelit";\nimport { parse } from "smol-toml";\nexport default function app() { st.write(String(parse("a = 1").a)); }\n';
    const undeclared = await buildApp({ dir: appFolder({ "app.ts": script }) });
    expect(undeclared.errors.join("\n")).toContain('"smol-toml" is not among the dependencies of');
    const declared = await buildApp({ dir: appFolder({ "app.ts": script, "package.json": JSON.stringify({ dependencies: { "smol-toml": "^1.0.0" } }) }) });
    expect(declared.errors).toEqual([]);
    expect(declared.code).toContain("./edgelit.js");

    const platform = await buildApp({ dir: appFolder({ "app.ts": 'import { env } from "cloudflare:workers";\nimport { AppTest } from "edgelit/testing";\nexport default () => [env, AppTest];\n' }) });
    expect(platform.errors.join("\n")).toContain('"cloudflare:workers" is refused: an app reaches the platform only through st');
    expect(platform.errors.join("\n")).toContain('"edgelit/testing" is refused');
  });

  it("builds a gallery app into one module of its own code, importing the engine and the guard", async () => {
    const built = await buildApp({ dir: join(root, "apps", "hello") });
    expect(built.errors).toEqual([]);
    expect(built.code).toMatch(/^import \{ appTick as __edgelitCpu_[0-9a-f]{12} \} from "\.\/guard\.js";/);
    expect(built.code).toContain('from "./edgelit.js"');
    expect(built.code).not.toContain("class AppSession");
  });
});

describe("the CPU guard", () => {
  it("stops a loop that catches what stops it, and every app guard throws until the next run", async () => {
    const code = insertCpuGuards(
      "export function spin() { for (;;) { try { while (true) {} } catch {} } }\nexport function quick() { let n = 0; for (let i = 0; i < 10; i++) n += i; return n; }\n",
      { from: pathToFileURL(join(root, "sessions", "runtime", "cpu_guard.ts")).href, tick: "appTick" },
    );
    const file = join(mkdtempSync(join(tmpdir(), "edgelit-guard-")), "spin.mjs");
    writeFileSync(file, code);
    const { spin, quick } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { spin(): void; quick(): number };
    const budget = claimCpuBudget(0.2);
    budget.begin();
    const started = Date.now();
    expect(() => spin()).toThrow(CpuLimitExceeded);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(budget.exceeded()).toBe(true);
    expect(() => quick()).toThrow("ran past its limit of 0.2 s of CPU");
    budget.end();
    budget.begin();
    expect(quick()).toBe(45);
    expect(() => claimCpuBudget(10)).toThrow("belongs to the engine");
  });

  it("refuses a module that names the guard itself", () => {
    expect(() => insertCpuGuards("const __edgelitCpu_0 = () => {};", { from: "./guard.js", tick: "appTick" })).toThrow("names the CPU guard");
  });
});
