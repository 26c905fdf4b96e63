/**
 * Starts the whole platform under `wrangler dev` on a loopback port with fresh local
 * storage, for the browser suites, and stops it (its whole process group) afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startWantedProviders } from "../../scripts/local_oidc.ts";
import { LOGIN_DEMO_BINDING, loginDemoSecrets, providerPorts } from "../auth_fixture.ts";

const PORT = Number(process.env.EDGELIT_E2E_PORT ?? 8790);

let wrangler: ChildProcess | undefined;
let storage: string | undefined;
let providers: { close(): Promise<void> } | undefined;

export async function setup(project: TestProject): Promise<void> {
  storage = mkdtempSync(join(tmpdir(), "edgelit-e2e-"));
  // The gallery; each app on its own origin, <slug>.localhost:<port> (edge/hosts.ts), which Chromium
  // resolves to loopback. Node asks 127.0.0.1 directly: its resolver may not.
  const base = `http://localhost:${PORT}`;
  const loopback = `http://127.0.0.1:${PORT}`;
  // The login demo signs in with two real OpenID Connect providers on loopback; its secrets name them.
  const ports = await providerPorts();
  const loginDemo = loginDemoSecrets(base, ports);
  providers = await startWantedProviders({ [LOGIN_DEMO_BINDING]: loginDemo });
  const envFile = join(storage, "secrets.env");
  writeFileSync(envFile, `${LOGIN_DEMO_BINDING}='${loginDemo}'\n`);
  let output = "";
  // wrangler.browser.jsonc: the gallery's apps and the test tenants (`wrangler dev --alias` is ignored).
  wrangler = spawn(
    "npx",
    ["wrangler", "dev", "-c", "wrangler.browser.jsonc", "--ip", "127.0.0.1", "--port", String(PORT), "--persist-to", storage, "--env-file", envFile, "--var", `GALLERY_HOST:localhost:${PORT}`, "--show-interactive-dev-session=false"],
    { detached: true, env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", CI: "true" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  wrangler.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  wrangler.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (wrangler.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      const response = await fetch(`${loopback}/_stcore/health`);
      if (response.ok) {
        project.provide("baseUrl", base);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await teardown();
  throw new Error(`wrangler dev did not answer on ${loopback} within 90 s:\n${output}`);
}

export async function teardown(): Promise<void> {
  if (wrangler?.pid && wrangler.exitCode === null) {
    try {
      process.kill(-wrangler.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    try {
      process.kill(-wrangler.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await providers?.close();
  if (storage) rmSync(storage, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
