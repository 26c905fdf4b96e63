/**
 * An app's sign-in configuration: the `[auth]` table of its secrets, in the shape of
 * Streamlit's docs. `redirect_uri` and `cookie_secret` are shared by every provider; a single
 * provider puts `client_id`, `client_secret` and `server_metadata_url` in `[auth]` itself
 * (Streamlit's "default" provider), several providers get one `[auth.<name>]` table each.
 *
 * Used by `st.login` (to fail in the script, as Streamlit does, before the browser leaves) and
 * by the Worker's sign-in routes. Messages name keys, never values.
 */
import { StreamlitAPIException } from "../errors.ts";
import { isTable, type AppSecrets, type SecretTable } from "../secrets/secrets.ts";

export class StreamlitAuthError extends StreamlitAPIException {
  override name = "StreamlitAuthError";
}

export interface ProviderConfig {
  /** "default" for the provider configured in `[auth]` itself. */
  name: string;
  client_id: string;
  client_secret: string;
  server_metadata_url: string;
  /** Extra authorization-request parameters; Streamlit's defaults filled in. */
  client_kwargs: Record<string, string>;
}

export interface AuthConfig {
  redirect_uri: string;
  cookie_secret: string;
}

/** Streamlit's defaults for the authorization request: who the user is, and let them pick an account. */
export const DEFAULT_CLIENT_KWARGS: Readonly<Record<string, string>> = { scope: "openid profile email", prompt: "select_account" };

const PROVIDER_KEYS = ["client_id", "client_secret", "server_metadata_url"] as const;
const WHERE = "the app's secrets";

/** The `[auth]` table, or the error Streamlit raises when there is none. */
function authSection(secrets: AppSecrets): SecretTable {
  const auth = secrets.found ? secrets.root.auth : undefined;
  if (!isTable(auth)) {
    throw new StreamlitAuthError(
      `To use authentication features you need to configure credentials for at least one authentication provider in ${WHERE} (an [auth] table).`,
    );
  }
  return auth;
}

/** Does the app configure sign-in at all? (`st.user.is_logged_in` is false rather than absent then, as in Streamlit.) */
export function hasAuth(secrets: AppSecrets): boolean {
  return secrets.found && isTable(secrets.root.auth);
}

/** `redirect_uri` and `cookie_secret`, checked. */
export function authConfigOf(secrets: AppSecrets): AuthConfig {
  const auth = authSection(secrets);
  for (const key of ["redirect_uri", "cookie_secret"] as const) {
    if (!(key in auth)) throw new StreamlitAuthError(`Authentication credentials in ${WHERE} are missing the "${key}" key. Please check your configuration.`);
    if (typeof auth[key] !== "string" || auth[key] === "") {
      throw new StreamlitAuthError(`Authentication credentials in ${WHERE}: "${key}" must be a non-empty string. Please check your configuration.`);
    }
  }
  return { redirect_uri: auth.redirect_uri as string, cookie_secret: auth.cookie_secret as string };
}

/** A provider's settings, checked as Streamlit checks them; `name` undefined is the default provider. */
export function providerConfigOf(secrets: AppSecrets, name: string = "default"): ProviderConfig {
  authConfigOf(secrets);
  const auth = authSection(secrets);
  if (name.includes("_")) {
    throw new StreamlitAuthError(`Auth provider name "${name}" contains an underscore. Please use a provider name without underscores.`);
  }
  const which = name === "default" ? "the default authentication provider" : `the authentication provider "${name}"`;
  let section: unknown = auth[name];
  if (section === undefined && name === "default") section = defaultSection(auth);
  if (section === undefined) throw new StreamlitAuthError(`Authentication credentials in ${WHERE} are missing for ${which}. Please check your configuration.`);
  if (!isTable(section)) throw new StreamlitAuthError(`Authentication credentials in ${WHERE} for ${which} must be a TOML table. Please check your configuration.`);
  const missing = PROVIDER_KEYS.filter((key) => !(key in section));
  if (missing.length > 0) {
    throw new StreamlitAuthError(`Authentication credentials in ${WHERE} for ${which} are missing the following keys: ${missing.map((k) => `"${k}"`).join(", ")}. Please check your configuration.`);
  }
  for (const key of PROVIDER_KEYS) {
    if (typeof section[key] !== "string" || section[key] === "") {
      throw new StreamlitAuthError(`Authentication credentials in ${WHERE} for ${which}: "${key}" must be a non-empty string. Please check your configuration.`);
    }
  }
  return {
    name,
    client_id: section.client_id as string,
    client_secret: section.client_secret as string,
    server_metadata_url: section.server_metadata_url as string,
    client_kwargs: { ...DEFAULT_CLIENT_KWARGS, ...clientKwargsOf(section.client_kwargs, which) },
  };
}

/** The keys of `[auth]` that are not provider tables: the single-provider form. */
function defaultSection(auth: SecretTable): SecretTable | undefined {
  const keys = PROVIDER_KEYS.filter((key) => key in auth);
  if (keys.length === 0 && auth.client_kwargs === undefined) return undefined;
  const section: SecretTable = {};
  for (const key of [...PROVIDER_KEYS, "client_kwargs"]) if (auth[key] !== undefined) section[key] = auth[key]!;
  return section;
}

function clientKwargsOf(value: unknown, which: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isTable(value)) throw new StreamlitAuthError(`"client_kwargs" for ${which} must be a TOML table of strings, e.g. client_kwargs = { prompt = "login" }.`);
  const kwargs: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (["state", "nonce", "code_challenge", "code_challenge_method", "redirect_uri", "response_type", "client_id"].includes(key)) {
      throw new StreamlitAuthError(`"client_kwargs" for ${which} may not set "${key}": the platform sets it for every sign-in.`);
    }
    if (typeof item !== "string") throw new StreamlitAuthError(`"client_kwargs.${key}" for ${which} must be a string.`);
    kwargs[key] = item;
  }
  return kwargs;
}

/** The callback path of every app, on the app's own origin (`<slug>.<gallery host>`), as in Streamlit. */
export const CALLBACK_PATH = "/oauth2callback";

/**
 * `redirect_uri` as a URL, checked to point at this app's callback on this app's origin (its
 * host's first label is the slug), so the provider sends codes only there.
 */
export function redirectUriOf(config: AuthConfig, slug: string): URL {
  const shape = `<scheme>://${slug}.<gallery host>${CALLBACK_PATH}`;
  let url: URL;
  try {
    url = new URL(config.redirect_uri);
  } catch {
    throw new StreamlitAuthError(`Invalid "redirect_uri" in ${WHERE}: it must be the app's callback, ${shape}.`);
  }
  const onAppOrigin = url.hostname.split(".")[0] === slug && url.hostname.includes(".");
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !onAppOrigin || url.pathname !== CALLBACK_PATH || url.search || url.hash) {
    throw new StreamlitAuthError(`Invalid "redirect_uri" in ${WHERE}: it must be the app's callback, ${shape}.`);
  }
  return url;
}
