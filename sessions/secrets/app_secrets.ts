/**
 * An app's secrets, as the platform reads them from its Worker's `env`: the app's own binding
 * (EDGELIT_SECRETS_<SLUG>, the text of its secrets.toml) and no other. The session Durable
 * Object hands the app's isolate what it may see of them (AppSecrets.forIsolate); the sign-in
 * routes read them whole.
 */
import { AppSecrets, secretsBindingName } from "./secrets.ts";

/** The app's secrets from its binding; an app without one has none (Streamlit's "No secrets found"). */
export function appSecrets(slug: string, bindings: Readonly<Record<string, unknown>>): AppSecrets {
  const binding = secretsBindingName(slug);
  const text = bindings[binding];
  const source = { kind: "binding", binding } as const;
  if (typeof text !== "string") return AppSecrets.none(source);
  // The Worker reads an app's secrets on every page load and socket connect: parse each text once per isolate.
  const parsed = parsedSecrets.get(binding);
  if (parsed?.text === text) return parsed.secrets;
  const secrets = AppSecrets.fromToml(text, source);
  parsedSecrets.set(binding, { text, secrets });
  return secrets;
}

const parsedSecrets = new Map<string, { text: string; secrets: AppSecrets }>();
