/**
 * st.connection(name, { type: "sql", ttl, max_entries, ...kwargs }): a connection configured
 * by the app's `[connections.<name>]` secrets merged with kwargs (kwargs win), cached with
 * `st.cache_resource`. The "sql" type is a SQLConnection on a Cloudflare D1 database:
 *
 *   # the app's secrets
 *   [connections.pets_db]
 *   binding = "DB"          # the Worker's D1 binding (wrangler.jsonc "d1_databases")
 *
 * Tenancy: an app may only use the D1 bindings its own secrets name. Two apps whose secrets
 * name the same binding share that database: give each app its own.
 *
 * `st.connection("env:DB_CONN", ...)` takes the name from the app's environment (its
 * root-level string secrets), as Streamlit reads `os.environ`.
 */
import { cachedResource } from "./caching.ts";
import { durationSeconds, type Duration } from "../cache/duration.ts";
import { currentContext } from "../engine/context.ts";
import { StreamlitAPIException } from "../errors.ts";
import { isTable, KeyError } from "../secrets/secrets.ts";
import { runBinding, SQLConnection } from "../connections/sql_connection.ts";

export { SQLConnection, SQLSession, type QueryOptions, type Row } from "../connections/sql_connection.ts";

export interface ConnectionOptions {
  /** "sql" (a D1 database); when absent, the secrets' `type`, or the name itself when it is "sql". */
  type?: "sql" | (string & {});
  /** How long the connection object is kept (`st.cache_resource`'s ttl). */
  ttl?: Duration;
  max_entries?: number | null;
  /** The D1 binding to use; it must be one the app's secrets name. */
  binding?: string;
  [kwarg: string]: unknown;
}

const FIRST_PARTY = ["sql"];
const ENV_PREFIX = "env:";

export function connection(name: string, options: ConnectionOptions = {}): SQLConnection {
  const platform = currentContext("st.connection").run.session.platform;
  const secrets = platform.secrets;
  if (name.startsWith(ENV_PREFIX)) {
    const variable = name.slice(ENV_PREFIX.length);
    const value = secrets.env()[variable];
    if (value === undefined) {
      throw new KeyError(`st.connection("${name}"): the app's environment has no "${variable}" (a root-level string in its secrets).`);
    }
    name = value;
  }
  const { type: typeOption, ttl, max_entries, ...kwargs } = options;
  const section = secrets.found ? secrets.root.connections : undefined;
  const own = isTable(section) && isTable(section[name]) ? (section[name] as Record<string, unknown>) : {};

  const type = typeOption ?? (FIRST_PARTY.includes(name) ? name : own.type);
  if (type === undefined) {
    throw new StreamlitAPIException(
      `st.connection("${name}") needs a type: pass { type: "sql" }, or set type = "sql" in the [connections.${name}] section of the app's secrets.`,
    );
  }
  if (type !== "sql") {
    throw new StreamlitAPIException(`Invalid connection '${String(type)}'. Supported connection classes: ${FIRST_PARTY.map((t) => `'${t}'`).join(", ")}`);
  }
  const config: Record<string, unknown> = { ...own, ...kwargs };
  delete config.type;
  if (Object.keys(config).length === 0) {
    throw new StreamlitAPIException(
      "Missing SQL DB connection configuration. Did you forget to set this in the app's secrets " +
        `([connections.${name}] with binding = "...") or as kwargs to \`st.connection\`?`,
    );
  }
  const binding = config.binding;
  if (typeof binding !== "string" || binding === "") {
    throw new StreamlitAPIException(
      `The \`binding\` parameter is required. Set this SQL DB connection parameter (the Worker's D1 binding) in the app's secrets or pass it as a kwarg to \`st.connection\`.`,
    );
  }
  durationSeconds(ttl);
  const allowed = secrets.connectionBindings();
  // Fail now, not at the first query, when the app may not use this binding or it does not exist.
  runBinding(binding, allowed, (n) => platform.binding(n));

  // As Streamlit: ttl and max_entries are part of the cached function's identity.
  const create = cachedResource(
    (connectionName: string, connectionConfig: Record<string, unknown>) =>
      new SQLConnection(connectionName, connectionConfig.binding as string, () => runBinding(binding, allowed, (n) => platform.binding(n)), () => create.clear(connectionName, connectionConfig)),
    { ttl, max_entries: max_entries ?? null, show_spinner: false },
    { name: "st.connection", code: `${String(ttl ?? null)}_${String(max_entries ?? null)}` },
  );
  return create(name, config);
}
