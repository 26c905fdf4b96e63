/**
 * No secret is ever bundled into the Worker: secrets come only from platform bindings. This
 * builds the Worker exactly as `wrangler deploy` would upload it (`--dry-run --outdir`: the
 * script, its source map) and looks for every local test secret in it, in the static assets
 * the deploy uploads beside it, and in the apps' folders.
 *
 * The dry run is the artifact that ships; the workerd pool bundles the code its own way (with
 * the test files), so scanning what it builds would check something else.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testSecretValues } from "../secrets_fixture.ts";

const root = join(import.meta.dirname, "..", "..");
const outdir = mkdtempSync(join(tmpdir(), "edgelit-bundle-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function files(dir: string, skip: (name: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (skip(name)) return [];
    return statSync(path).isDirectory() ? files(path, skip) : [path];
  });
}

describe("the Worker bundle", () => {
  it("holds no secret: not in the script, its source map, the static assets or apps/", () => {
    execFileSync(join(root, "node_modules", ".bin", "wrangler"), ["deploy", "--dry-run", "--outdir", outdir], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
      stdio: "pipe",
      timeout: 120_000,
    });
    const bundle = files(outdir);
    const script = bundle.find((path) => path.endsWith(".js"));
    expect(script).toBeDefined();
    // The scan sees the real thing: the app code and the secrets module are in it.
    const scriptText = readFileSync(script!, "utf8");
    expect(scriptText).toContain("EDGELIT_SECRETS_");
    expect(scriptText).toContain("Secret keys of this app:");

    const shipped = [...bundle, ...files(join(root, "dist", "public")), ...files(join(root, "apps"))];
    const secrets = testSecretValues();
    expect(secrets.length).toBeGreaterThan(3);
    for (const path of shipped) {
      const text = readFileSync(path, "latin1");
      for (const secret of secrets) expect(text.includes(secret), `${secret} found in ${path}`).toBe(false);
    }
  }, 180_000);
});
