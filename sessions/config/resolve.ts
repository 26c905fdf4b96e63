/**
 * An app's configuration at run time, with Streamlit's precedence: defaults < config.toml (as
 * the build embedded it) < environment bindings named `STREAMLIT_<SECTION>_<OPTION>`.
 * The edge and the session Durable Object both resolve against their Worker's `env`.
 */
import type { ShowErrorDetails } from "../errors.ts";
import { CONFIG_OPTIONS, envVarName, type AppConfigFile, type ConfigOption, type ConfigValue } from "./options.ts";
import { envValue } from "./validate.ts";

export type OptionSource = "default" | "config.toml" | "env";

export interface ResolvedOption {
  option: ConfigOption;
  value: ConfigValue | undefined;
  source: OptionSource;
  /** The environment binding that overrides it. */
  envVar: string;
}

export class ResolvedConfig {
  constructor(
    private readonly byKey: ReadonlyMap<string, ResolvedOption>,
    /** `STREAMLIT_*` bindings that name no option. */
    readonly warnings: readonly string[] = [],
  ) {}

  get(key: string): ConfigValue | undefined {
    const found = this.byKey.get(key);
    if (!found) throw new Error(`Config key "${key}" not defined.`);
    return found.value;
  }

  source(key: string): OptionSource {
    return this.byKey.get(key)?.source ?? "default";
  }

  /** Every option, in the table's order. */
  entries(): IterableIterator<ResolvedOption> {
    return this.byKey.values();
  }

  /** `client.showErrorDetails` as one of Streamlit's four levels (true is "full", false "stacktrace", as in Streamlit). */
  get showErrorDetails(): ShowErrorDetails {
    const value = this.get("client.showErrorDetails");
    return value === true ? "full" : value === false ? "stacktrace" : (value as ShowErrorDetails);
  }

  get enableStaticServing(): boolean {
    return this.get("server.enableStaticServing") === true;
  }
}

/** Resolves every option; a binding with a bad value throws a `ConfigError` naming it and the option. */
export function resolveConfig(file: AppConfigFile | undefined, bindings: object = {}): ResolvedConfig {
  // A Worker's `env`: its `STREAMLIT_*` vars and secrets sit beside the other bindings.
  const env = bindings as Readonly<Record<string, unknown>>;
  const byKey = new Map<string, ResolvedOption>();
  for (const option of CONFIG_OPTIONS) {
    const envVar = envVarName(option.key);
    const raw = env[envVar];
    if (raw !== undefined && raw !== null) {
      byKey.set(option.key, { option, value: envValue(option, raw, envVar), source: "env", envVar });
    } else if (file && option.key in file) {
      byKey.set(option.key, { option, value: file[option.key], source: "config.toml", envVar });
    } else {
      byKey.set(option.key, { option, value: option.default, source: "default", envVar });
    }
  }
  const unknown = Object.keys(env).filter((name) => name.startsWith("STREAMLIT_") && !ENV_VARS.has(name));
  return new ResolvedConfig(
    byKey,
    unknown.map((name) => `${name} names no config option; ignored.`),
  );
}

const ENV_VARS = new Set(CONFIG_OPTIONS.map((option) => envVarName(option.key)));
