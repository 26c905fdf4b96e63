/**
 * `npm run config -- show <slug>`: every option of an app's resolved config as TOML, each with
 * where its value came from, in the manner of `streamlit config show`.
 */
import { SECTIONS, type ConfigValue } from "./options.ts";
import type { ResolvedConfig } from "./resolve.ts";

export function formatConfig(config: ResolvedConfig, header: readonly string[] = []): string {
  const lines = header.map((line) => `# ${line}`);
  let section = "";
  for (const { option, value, source, envVar } of config.entries()) {
    if (option.section !== section) {
      section = option.section;
      lines.push("", `# ${SECTIONS[section] ?? ""}`, `[${section}]`);
    }
    lines.push("", ...wrap(option.description).map((line) => `# ${line}`));
    if (option.inert) lines.push(`# No effect on the edge: ${option.inert}`);
    const from = source === "env" ? `env ${envVar}` : source === "config.toml" ? "config.toml" : `default (override: ${envVar})`;
    lines.push(value === undefined ? `# ${option.name} =  # unset, ${from}` : `${option.name} = ${toml(value)}  # ${from}`);
  }
  for (const warning of config.warnings) lines.push("", `# warning: ${warning}`);
  return lines.join("\n") + "\n";
}

/** A value as TOML: strings quoted, arrays and tables inline. */
export function toml(value: ConfigValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(toml).join(", ")}]`;
  const table = value as Record<string, ConfigValue>;
  return `{ ${Object.entries(table).map(([key, item]) => `${key} = ${toml(item)}`).join(", ")} }`;
}

function wrap(text: string, width = 96): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
