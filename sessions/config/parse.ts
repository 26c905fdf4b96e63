/**
 * Reads a config.toml (smol-toml) and validates it. Build time and `npm run config` only: the
 * Worker gets the validated object embedded in the app registry, never the file.
 */
import { parse, TomlError } from "smol-toml";
import { ConfigError, validateConfigTable, type ValidatedConfig } from "./validate.ts";

export function parseConfigToml(text: string, file: string): ValidatedConfig {
  let table: Record<string, unknown>;
  try {
    table = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split("\n")[0] ?? "syntax error";
      throw new ConfigError(file, undefined, `not valid TOML (line ${error.line}, column ${error.column}): ${reason}`);
    }
    throw error;
  }
  return validateConfigTable(table, file);
}
