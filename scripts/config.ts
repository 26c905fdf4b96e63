/**
 * `npm run config -- show <slug>`: prints every config option of an app with its value and
 * where it came from: Streamlit's default, the app's .streamlit/config.toml, or an environment
 * binding (wrangler.jsonc `vars`, then .dev.vars, then this shell's STREAMLIT_* variables).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseConfigToml } from "../sessions/config/parse.ts";
import { resolveConfig } from "../sessions/config/resolve.ts";
import { formatConfig } from "../sessions/config/show.ts";
import { ConfigError } from "../sessions/config/validate.ts";

const root = join(import.meta.dirname, "..");
const [command, slug] = process.argv.slice(2);

if (command !== "show" || !slug) {
  console.error("Usage: npm run config -- show <app slug>");
  process.exit(2);
}
if (!existsSync(join(root, "apps", slug, "app.ts"))) {
  console.error(`No app "${slug}" in apps/.`);
  process.exit(1);
}

try {
  const configPath = join(root, "apps", slug, ".streamlit", "config.toml");
  const file = existsSync(configPath) ? parseConfigToml(readFileSync(configPath, "utf8"), relative(root, configPath)) : undefined;
  const { env, sources } = environment();
  const resolved = resolveConfig(file?.config, env);
  const header = [
    `Configuration of app "${slug}"`,
    `config.toml: ${file ? relative(root, configPath) : "none"}`,
    `environment: ${sources.length > 0 ? sources.join(", ") : "no STREAMLIT_* bindings"}`,
    ...(file?.warnings ?? []).map((warning) => `warning: ${warning}`),
  ];
  process.stdout.write(formatConfig(resolved, header));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

/** The STREAMLIT_* bindings a local Worker would see, lowest precedence first. */
function environment(): { env: Record<string, unknown>; sources: string[] } {
  const env: Record<string, unknown> = {};
  const sources: string[] = [];
  const add = (source: string, values: Record<string, unknown>) => {
    const names = Object.keys(values).filter((name) => name.startsWith("STREAMLIT_"));
    if (names.length === 0) return;
    for (const name of names) env[name] = values[name];
    sources.push(`${source} (${names.join(", ")})`);
  };
  const wrangler = join(root, "wrangler.jsonc");
  if (existsSync(wrangler)) add("wrangler.jsonc vars", (JSON.parse(stripJsonComments(readFileSync(wrangler, "utf8"))) as { vars?: Record<string, unknown> }).vars ?? {});
  const devVars = join(root, ".dev.vars");
  if (existsSync(devVars)) add(".dev.vars", parseDotenv(readFileSync(devVars, "utf8")));
  add("shell environment", process.env);
  return { env, sources };
}

function stripJsonComments(text: string): string {
  return text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string: string | undefined) => string ?? "");
}

function parseDotenv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, "$2");
  }
  return values;
}
