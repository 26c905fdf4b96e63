/**
 * The secrets the test suites give the platform: the gallery apps' example secrets (read from
 * .dev.vars.example, as `npm start` uses them) and two test tenants whose secrets share a key
 * name. The workerd suites bind them (vitest.workers.config.ts); the bundle test looks for
 * every one of their values in the built Worker.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { isPublicSetting } from "../sessions/secrets/secrets.ts";

const root = join(import.meta.dirname, "..");

/** Two apps with the same secret key name; only the tests know them. */
export const TENANT_SECRETS: Record<string, string> = {
  EDGELIT_SECRETS_TENANT_A: 'shared_key = "tenant-a-value-91c4e7"\n',
  EDGELIT_SECRETS_TENANT_B: 'shared_key = "tenant-b-value-2f08d3"\n',
  // A tenant with sign-in configured, whose isolate must never see its cookie or client secret.
  EDGELIT_SECRETS_HOSTILE_COOKIE:
    '[auth]\nredirect_uri = "https://hostile-cookie.edgelit.test/oauth2callback"\ncookie_secret = "hostile-cookie-secret-5d1e"\n\n[auth.google]\nclient_id = "hostile-client-id"\nclient_secret = "hostile-client-secret-77aa"\nserver_metadata_url = "http://127.0.0.1:9/.well-known/openid-configuration"\n',
};

/** The bindings of a dotenv file, parsed as wrangler parses .dev.vars (single quotes keep newlines and `"`). */
export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  const line = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;
  for (const match of text.replace(/\r\n?/g, "\n").matchAll(line)) {
    let value = (match[2] ?? "").trim();
    const quote = value[0];
    value = value.replace(/^(['"`])([\s\S]*)\1$/m, "$2");
    if (quote === '"') value = value.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
    vars[match[1]!] = value;
  }
  return vars;
}

/** Every secrets binding the suites use: the example's and the tenants'. */
export function testSecretBindings(): Record<string, string> {
  return { ...parseDevVars(readFileSync(join(root, ".dev.vars.example"), "utf8")), ...TENANT_SECRETS };
}

/** Every string value of those secrets: none of them may appear in the Worker bundle or in a frame. */
export function testSecretValues(): string[] {
  return secretValuesOf(testSecretBindings());
}

/**
 * The string values of the secrets in `bindings` (every EDGELIT_SECRETS_* binding), as the
 * platform hides them: settings that are configuration, not secrets (isPublicSetting), are left out.
 */
export function secretValuesOf(bindings: Readonly<Record<string, unknown>>, minLength = 6): string[] {
  const values = new Set<string>();
  const visit = (value: unknown, path: string[]): void => {
    if (typeof value === "string") {
      if (!isPublicSetting(path) && value.length >= minLength) values.add(value);
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  for (const [name, text] of Object.entries(bindings)) {
    if (name.startsWith("EDGELIT_SECRETS_") && typeof text === "string") visit(parse(text), []);
  }
  return [...values];
}
