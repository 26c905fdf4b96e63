/**
 * The capabilities an app's isolate gets instead of bindings: entrypoints of the platform's
 * Worker, each bound by the platform (its `props`) to one app, so that what the app can reach
 * is decided here and not by the app. The Worker exports them (edge/index.ts); the session
 * Durable Object hands them over as `ctx.exports.<Name>({ props })` (sessions/session.ts).
 */
import { WorkerEntrypoint } from "cloudflare:workers";
import { KvCacheStore } from "./cache/kv_store.ts";
import type { CacheEntryMetadata } from "./cache/store.ts";
import type { D1ResultLike } from "./connections/sql_connection.ts";
import { outboundRefusal, safeOrigin } from "./egress.ts";

export interface AppProps {
  slug: string;
}

/** Where an app's cache keys live in the platform's KV namespace; nothing of the app's lies outside. */
export function appKeySpace(slug: string): string {
  return `app/${slug}/`;
}

/** `st.cache_data` / `st.cache_resource`'s store: the app's own key space of the platform's KV. */
export class AppCache extends WorkerEntrypoint<Env, AppProps> {
  private get store(): KvCacheStore {
    return new KvCacheStore(this.env.CACHE);
  }

  private key(key: string): string {
    if (typeof key !== "string" || key.length === 0 || key.length > 480) throw new TypeError("A cache key is a string of 1 to 480 characters.");
    return appKeySpace(this.ctx.props.slug) + key;
  }

  async get(key: string): Promise<{ value: string; metadata: CacheEntryMetadata | null } | null> {
    return this.store.get(this.key(key));
  }

  async put(key: string, value: string, options?: { expirationTtl?: number; metadata?: CacheEntryMetadata }): Promise<void> {
    if (typeof value !== "string") throw new TypeError("A cache value is a string.");
    const { expirationTtl, metadata } = options ?? {};
    await this.store.put(this.key(key), value, {
      ...(typeof expirationTtl === "number" ? { expirationTtl } : {}),
      ...(metadata && typeof metadata === "object" ? { metadata: typeof metadata.expires === "number" ? { expires: metadata.expires } : {} } : {}),
    });
  }

  async delete(key: string): Promise<void> {
    await this.store.delete(this.key(key));
  }

  async list(prefix: string): Promise<string[]> {
    const space = appKeySpace(this.ctx.props.slug);
    const keys = await this.store.list(space + String(prefix));
    return keys.map((key) => key.slice(space.length));
  }
}

export interface DatabaseProps extends AppProps {
  /** The D1 binding of the platform's Worker that the app's secrets name. */
  binding: string;
}

/** One D1 database, for the one app whose secrets name it (`[connections.<name>] binding`). */
export class AppDatabase extends WorkerEntrypoint<Env, DatabaseProps> {
  private get db(): D1Database {
    const db = (this.env as unknown as Record<string, unknown>)[this.ctx.props.binding] as D1Database | undefined;
    if (!db || typeof db.prepare !== "function") throw new Error(`No D1 database is bound as "${this.ctx.props.binding}".`);
    return db;
  }

  async all(sql: string, params: unknown[]): Promise<D1ResultLike> {
    return plainResult(await this.db.prepare(String(sql)).bind(...(Array.isArray(params) ? params : [])).all());
  }

  async batch(statements: { sql: string; params: unknown[] }[]): Promise<D1ResultLike[]> {
    if (!Array.isArray(statements)) throw new TypeError("A batch is a list of statements.");
    const db = this.db;
    const results = await db.batch(statements.map(({ sql, params }) => db.prepare(String(sql)).bind(...(Array.isArray(params) ? params : []))));
    return results.map(plainResult);
  }
}

function plainResult(result: D1Result): D1ResultLike {
  return { results: result.results as Record<string, unknown>[], success: result.success, meta: { ...result.meta } };
}

export interface OutboundProps extends AppProps {
  /** The gallery's own host (`localhost:8787`, `edgelit.example`): an app never reaches it or its apps. */
  platformHost: string;
}

/** Requests made by each app's isolates, counted in this isolate of the platform (egress per app). */
export const egressCounts = new Map<string, { allowed: number; refused: number }>();

/**
 * Every `fetch` of an app's isolate comes here (the Loader's `globalOutbound`): the platform's own
 * origins (the gallery, every app's origin), loopback and private addresses, and other schemes
 * are refused; anything else goes out as asked (through the `EGRESS` service when the operator binds
 * one), counted for the app.
 */
export class AppOutbound extends WorkerEntrypoint<Env, OutboundProps> {
  override async fetch(request: Request): Promise<Response> {
    const { slug, platformHost } = this.ctx.props;
    const counts = egressCounts.get(slug) ?? { allowed: 0, refused: 0 };
    egressCounts.set(slug, counts);
    const refusal = outboundRefusal(request.url, platformHost);
    if (refusal) {
      counts.refused++;
      console.warn(`Egress (${slug}): refused a request to ${safeOrigin(request.url)}: ${refusal}`);
      return new Response(`Edgelit refused this request: ${refusal}`, { status: 403, headers: { "Content-Type": "text/plain" } });
    }
    counts.allowed++;
    // EGRESS, when bound, is where the operator sends apps' requests (a proxy, the tests' internet).
    const egress = (this.env as unknown as { EGRESS?: Fetcher }).EGRESS;
    return egress ? egress.fetch(request) : fetch(request);
  }
}
