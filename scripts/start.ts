/**
 * `npm start`: the platform under `wrangler dev` on http://localhost:8787, plus a local OpenID
 * Connect provider (scripts/local_oidc.ts) for each provider an app's secrets in .dev.vars
 * point at on 127.0.0.1 — the login demo's two, out of the box. Ctrl-C stops everything.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDevVars } from "../tests/secrets_fixture.ts";
import { startLocalProvider, wantedProviders, type LocalProvider } from "./local_oidc.ts";

const root = join(import.meta.dirname, "..");
const devVars = join(root, ".dev.vars");
const bindings = existsSync(devVars) ? parseDevVars(readFileSync(devVars, "utf8")) : {};

const providers: LocalProvider[] = [];
for (const wanted of wantedProviders(bindings)) {
  try {
    const provider = await startLocalProvider(wanted);
    providers.push(provider);
    console.log(`Local OpenID Connect provider "${wanted.name}": ${provider.issuer} (any user name and password sign in)`);
  } catch (error) {
    console.warn(`Local OpenID Connect provider "${wanted.name}" could not start on ${wanted.host}:${wanted.port}: ${(error as Error).message}. Sign-in with it will fail until the port is free.`);
  }
}

const wrangler = spawn("npx", ["wrangler", "dev", "--port", "8787"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false" },
});

async function stop(code: number): Promise<never> {
  await Promise.all(providers.map((provider) => provider.close()));
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    wrangler.kill(signal);
  });
}
wrangler.on("exit", (code) => void stop(code ?? 0));
