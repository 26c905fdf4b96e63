/**
 * Streamlit's SQLConnection, on Cloudflare D1. `query()` reads, cached with `st.cache_data`
 * (no expiry unless `ttl`), so one query's rows serve every session of the app; `session`
 * writes: `execute()` queues statements and `commit()` runs them as one D1 batch, which D1
 * applies atomically, as a SQLAlchemy session commits a transaction.
 *
 * The D1 binding is reached through the run in progress (the Durable Object that runs it),
 * so a connection cached in the isolate never does I/O on behalf of another request.
 */
import { cachedData, type CachedDataFunction } from "../api/caching.ts";
import type { Duration } from "../cache/duration.ts";
import { currentContext } from "../engine/context.ts";
import { StreamlitAPIException } from "../errors.ts";
import { bindParameters, type SqlParams } from "./params.ts";

/** What Edgelit needs of a D1 database binding (no Cloudflare import: the engine runs without one). */
export interface D1DatabaseLike {
  prepare(query: string): D1StatementLike;
  batch(statements: D1StatementLike[]): Promise<D1ResultLike[]>;
}

export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike;
  all(): Promise<D1ResultLike>;
}

export interface D1ResultLike {
  results?: Record<string, unknown>[];
  success?: boolean;
  meta?: { changes?: number; last_row_id?: number; rows_read?: number; rows_written?: number; duration?: number };
}

export type Row = Record<string, unknown>;

export interface QueryOptions {
  params?: SqlParams;
  /** How long the rows stay cached: seconds or a duration string. Default: until cleared. */
  ttl?: Duration;
  show_spinner?: boolean | string;
}

export function isD1Database(value: unknown): value is D1DatabaseLike {
  return typeof value === "object" && value !== null && typeof (value as D1DatabaseLike).prepare === "function" && typeof (value as D1DatabaseLike).batch === "function";
}

export class SQLConnection {
  private readonly queries = new Map<string, CachedDataFunction<[{ sql: string; params: SqlParams }], Row[]>>();

  constructor(
    /** The name given to `st.connection` (after `env:` resolution). */
    readonly connection_name: string,
    /** The D1 binding this connection uses, as the app's secrets name it. */
    readonly binding: string,
    private readonly resolve: () => D1DatabaseLike,
    private readonly onReset: () => void,
  ) {}

  /** The D1 database itself, for what this class does not wrap. */
  get _instance(): D1DatabaseLike {
    return this.resolve();
  }

  get driver(): string {
    return "d1";
  }

  /** Runs a read-only query and returns its rows, cached like `st.cache_data` (no expiry unless `ttl`). */
  async query<R extends Row = Row>(sql: string, options: QueryOptions = {}): Promise<R[]> {
    const ttlKey = String(options.ttl ?? null);
    const spinner = options.show_spinner ?? "Running `sql.query(...)`.";
    const queryKey = `${ttlKey}\0${String(spinner)}`;
    let cached = this.queries.get(queryKey);
    if (!cached) {
      // As Streamlit names the cached function after the connection and ttl: each connection has its own entries.
      cached = cachedData(
        async (request: { sql: string; params: SqlParams }) => {
          const { sql: text, values } = bindParameters(request.sql, request.params);
          const result = await this.resolve().prepare(text).bind(...values).all();
          return result.results ?? [];
        },
        { ttl: options.ttl, show_spinner: spinner },
        { name: "SQLConnection.query", code: `${this.connection_name}\0${this.binding}\0${ttlKey}` },
      );
      this.queries.set(queryKey, cached);
    }
    // Bad parameters fail here, before the cache is consulted.
    bindParameters(sql, options.params);
    return (await cached({ sql, params: options.params ?? null })) as R[];
  }

  /** A new session for writes: `execute()` statements, then `commit()` them together. */
  get session(): SQLSession {
    return new SQLSession(this.resolve);
  }

  /** Forgets this connection: the next `st.connection` call makes a new one. */
  reset(): void {
    this.onReset();
  }

  toString(): string {
    return `SQLConnection(${this.connection_name}, D1 binding ${this.binding})`;
  }
}

/** Writes that apply together: `execute()` queues, `commit()` runs the queue as one atomic D1 batch. */
export class SQLSession {
  private pending: { sql: string; values: unknown[] }[] = [];

  constructor(private readonly resolve: () => D1DatabaseLike) {}

  /** Queues a statement with its bound parameters (`:name` with an object, `?` with an array). */
  execute(sql: string, params?: SqlParams): this {
    this.pending.push(bindParameters(sql, params));
    return this;
  }

  /** Runs the queued statements in one batch: all of them apply, or none. Returns each statement's result. */
  async commit(): Promise<D1ResultLike[]> {
    const statements = this.pending;
    this.pending = [];
    if (statements.length === 0) return [];
    const db = this.resolve();
    return db.batch(statements.map(({ sql, values }) => db.prepare(sql).bind(...values)));
  }

  /** Drops the queued statements. */
  rollback(): void {
    this.pending = [];
  }

  close(): void {
    this.rollback();
  }
}

/** Checks the D1 binding an app names: its secrets must name it, and it must be a D1 database. */
export function resolveD1(bindingName: string, allowed: ReadonlySet<string>, lookup: (name: string) => unknown): D1DatabaseLike {
  if (!allowed.has(bindingName)) {
    throw new StreamlitAPIException(
      `This app may not use the D1 binding "${bindingName}": an app may only use the D1 bindings that its own ` +
        `secrets name in a [connections.<name>] section (binding = "${bindingName}").`,
    );
  }
  const found = lookup(bindingName);
  if (!isD1Database(found)) {
    throw new StreamlitAPIException(
      `No D1 database is bound as "${bindingName}" in this Worker. Add it to "d1_databases" in wrangler.jsonc ` +
        `({ "binding": "${bindingName}", "database_name": ..., "database_id": ... }).`,
    );
  }
  return found;
}

/** The D1 database of the run in progress, or of the session that made the connection. */
export function runBinding(bindingName: string, allowed: ReadonlySet<string>, fallback: (name: string) => unknown): D1DatabaseLike {
  let lookup = fallback;
  try {
    const platform = currentContext().run.session.platform;
    lookup = (name) => platform.binding(name);
  } catch {
    // Outside a run (a task the script did not await): the session that made it.
  }
  return resolveD1(bindingName, allowed, lookup);
}
