/**
 * An app's secrets: its own TOML document (Streamlit's `secrets.toml`), which the platform
 * holds in one binding per app, `EDGELIT_SECRETS_<SLUG>` (`.dev.vars` locally, `wrangler
 * secret put` in production). Nothing under `apps/` or in the Worker bundle holds a secret.
 *
 * The session's shell reads the binding and hands the text here; the engine only ever sees
 * an `AppSecrets`, so it stays free of Cloudflare. Messages name keys and bindings, never values.
 */
import { parse, TomlError } from "smol-toml";
import { StreamlitAPIException } from "../errors.ts";
import type { IsolateSecrets } from "../isolate.ts";

/** A TOML value: smol-toml gives strings, numbers, booleans, dates, arrays and tables. */
export type SecretValue = string | number | bigint | boolean | Date | SecretValue[] | SecretTable;
export interface SecretTable {
  [key: string]: SecretValue;
}

export const SECRETS_BINDING_PREFIX = "EDGELIT_SECRETS_";

/** The binding that holds an app's secrets: `pets-db` → `EDGELIT_SECRETS_PETS_DB` (slugs have no `_`, so no two apps share one). */
export function secretsBindingName(slug: string): string {
  return SECRETS_BINDING_PREFIX + slug.toUpperCase().replace(/-/g, "_");
}

/** Streamlit's error for an app without secrets (a FileNotFoundError in Python). */
export class StreamlitSecretNotFoundError extends StreamlitAPIException {
  override name = "StreamlitSecretNotFoundError";
}

/** Python's KeyError, as `st.secrets["missing"]` raises it. */
export class KeyError extends Error {
  override name = "KeyError";
}

/** Secrets hidden from the browser are at least this long; shorter strings are too likely to be ordinary words. */
export const MIN_REDACTED_LENGTH = 6;
export const REDACTED = "********";

/** Where an app's secrets came from, for messages that tell the author where to put a missing one. */
export type SecretsSource = { kind: "binding"; binding: string } | { kind: "apptest" };

export class AppSecrets {
  private constructor(
    private readonly document: SecretTable | null,
    readonly source: SecretsSource,
    /** Why the document could not be read (a TOML error, without the offending line). */
    private readonly problem: string | null = null,
  ) {}

  /** An app that has no secrets: every read raises Streamlit's "No secrets found". */
  static none(source: SecretsSource): AppSecrets {
    return new AppSecrets(null, source);
  }

  /** Parses an app's secrets.toml text. A bad document is kept as an error raised on first use, so the app still loads. */
  static fromToml(text: string, source: SecretsSource): AppSecrets {
    try {
      return new AppSecrets(deepFreeze(parse(text) as SecretTable), source);
    } catch (error) {
      // smol-toml quotes the offending lines, which may hold secrets: keep only its first line and the position.
      const reason = error instanceof TomlError ? `${error.message.split("\n")[0]} (line ${error.line}, column ${error.column})` : "unreadable";
      return new AppSecrets(null, source, `${describe(source)} are not valid TOML: ${reason}.`);
    }
  }

  /** Secrets given as a value (AppTest's `at.secrets`); an empty object means none, as in Streamlit. */
  static fromObject(values: Record<string, unknown>, source: SecretsSource): AppSecrets {
    if (Object.keys(values).length === 0) return AppSecrets.none(source);
    return new AppSecrets(deepFreeze(structuredClone(values) as SecretTable), source);
  }

  /**
   * The secrets as the app's isolate gets them: the sign-in secrets of `[auth]` (its
   * `cookie_secret`, each provider's `client_secret`) masked, for only the platform signs in.
   */
  forIsolate(): IsolateSecrets {
    return { document: this.document && maskSignInSecrets(this.document), problem: this.problem, source: this.source };
  }

  /** The secrets inside an app's isolate, as the platform handed them over. */
  static fromIsolate(secrets: IsolateSecrets): AppSecrets {
    return new AppSecrets(secrets.document && deepFreeze(secrets.document), secrets.source, secrets.problem);
  }

  /** Does the app have a (readable) secrets document? */
  get found(): boolean {
    return this.document !== null;
  }

  /** The whole document; raises Streamlit's errors when there is none. */
  get root(): SecretTable {
    if (this.problem) throw new StreamlitSecretNotFoundError(this.problem);
    if (!this.document) throw new StreamlitSecretNotFoundError(noSecretsMessage(this.source));
    return this.document;
  }

  /** The error for a key that is not there; `path` names it from the root ("db.user"). */
  missingKey(path: string): KeyError {
    return new KeyError(`st.secrets has no key "${path}". Did you forget to add it to ${describe(this.source)}? ${hint(this.source)}`);
  }

  /** Root-level strings: the app's environment, as Streamlit puts them in `os.environ`. */
  env(): Readonly<Record<string, string>> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.document ?? {})) if (typeof value === "string") env[key] = value;
    return Object.freeze(env);
  }

  /** The D1 bindings the app's `[connections.*]` sections name: the only ones it may use. */
  connectionBindings(): Set<string> {
    const names = new Set<string>();
    const connections = this.document?.connections;
    if (!isTable(connections)) return names;
    for (const section of Object.values(connections)) {
      if (isTable(section) && typeof section.binding === "string") names.add(section.binding);
    }
    return names;
  }

  /** The secret strings to keep out of what the browser and the logs see, longest first. */
  get secretStrings(): readonly string[] {
    this.strings ??= collectSecretStrings(this.document);
    return this.strings;
  }
  private strings: string[] | undefined;

  /** `text` with every secret value replaced by a mask. */
  redact(text: string): string {
    let result = text;
    for (const secret of this.secretStrings) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
      // In JSON (a socket message) a secret with quotes, backslashes or control characters is escaped.
      const escaped = JSON.stringify(secret).slice(1, -1);
      if (escaped !== secret && result.includes(escaped)) result = result.split(escaped).join(REDACTED);
    }
    return result;
  }
}

/** Keys of `[auth]` and its provider tables that only the platform's sign-in routes may read. */
const SIGN_IN_SECRETS = new Set(["cookie_secret", "client_secret"]);

function maskSignInSecrets(document: SecretTable): SecretTable {
  const copy = structuredClone(document) as SecretTable;
  const mask = (table: SecretTable) => {
    for (const [key, value] of Object.entries(table)) {
      if (SIGN_IN_SECRETS.has(key) && typeof value === "string") table[key] = REDACTED;
      else if (isTable(value)) mask(value);
    }
  };
  if (isTable(copy.auth)) mask(copy.auth);
  return copy;
}

export function isTable(value: unknown): value is SecretTable {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describe(source: SecretsSource): string {
  return source.kind === "binding" ? `the app's secrets (the binding ${source.binding})` : "the test's secrets (at.secrets)";
}

function hint(source: SecretsSource): string {
  return source.kind === "binding"
    ? `Locally, put the app's secrets.toml text in .dev.vars as ${source.binding}='...'; in production, run \`wrangler secret put ${source.binding}\`.`
    : `Set it with at.secrets["key"] = value before run().`;
}

function noSecretsMessage(source: SecretsSource): string {
  return source.kind === "binding"
    ? `No secrets found for this app. ${hint(source)} See .dev.vars.example for the shape.`
    : `No secrets found. Set them with at.secrets["key"] = value before run().`;
}

/**
 * Every string leaf long enough to be worth hiding. A connection's `type` and `binding` name
 * platform things, not secrets, and hiding them would garble ordinary text that mentions them.
 */
/**
 * Is the secret at `path` configuration that is not secret? A connection's binding and type,
 * and the parts of `[auth]` that the browser sees anyway on its way to the provider (the
 * redirect URI, the client id, the provider's metadata URL, the request's parameters).
 */
export function isPublicSetting(path: readonly string[]): boolean {
  if (path[0] === "connections") return path.length === 3 && (path[2] === "binding" || path[2] === "type");
  if (path[0] !== "auth") return false;
  const rest = path.length >= 3 && path[1] !== "client_kwargs" ? path.slice(2) : path.slice(1);
  return rest[0] === "client_kwargs" || (rest.length === 1 && ["redirect_uri", "client_id", "server_metadata_url"].includes(rest[0]!));
}

function collectSecretStrings(document: SecretTable | null): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, path: string[]) => {
    if (typeof value === "string") {
      if (!isPublicSetting(path) && value.length >= MIN_REDACTED_LENGTH) found.add(value);
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, path));
    } else if (isTable(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(document, []);
  return [...found].sort((a, b) => b.length - a.length);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
