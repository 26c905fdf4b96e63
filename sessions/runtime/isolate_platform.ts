/**
 * The platform of the sessions in an app's isolate, made of the capabilities in its `env`:
 * the app's cache key space (AppCache) and the D1 databases its secrets name (AppDatabase), each
 * an RPC stub that the platform bound to this one app. Nothing here can reach past them.
 */
import type { CacheStore } from "../cache/store.ts";
import type { D1DatabaseLike, D1ResultLike, D1StatementLike } from "../connections/sql_connection.ts";
import type { IsolateEnvShape } from "../isolate.ts";
import type { AppPlatform } from "../platform.ts";
import { AppSecrets } from "../secrets/secrets.ts";

/** What AppDatabase answers (sessions/capabilities.ts). */
export interface DatabaseCapability {
  all(sql: string, params: unknown[]): Promise<D1ResultLike>;
  batch(statements: { sql: string; params: unknown[] }[]): Promise<D1ResultLike[]>;
}

let platform: AppPlatform | null = null;

/** One platform per isolate, so every session of the app shares the cache's in-flight loads. */
export function isolatePlatform(env: IsolateEnvShape): AppPlatform {
  if (platform) return platform;
  const databases = new Map<string, D1DatabaseLike>();
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith("D1:")) databases.set(name.slice(3), new CapabilityDatabase(value as DatabaseCapability));
  }
  platform = {
    app: env.APP_SLUG,
    secrets: AppSecrets.fromIsolate(env.SECRETS),
    cache: env.CACHE as CacheStore,
    binding: (name) => databases.get(name),
  };
  return platform;
}

/** D1's statement API over the capability: statements are built here and run by the platform. */
class CapabilityDatabase implements D1DatabaseLike {
  constructor(private readonly capability: DatabaseCapability) {}

  prepare(sql: string): CapabilityStatement {
    return new CapabilityStatement(this.capability, sql, []);
  }

  batch(statements: D1StatementLike[]): Promise<D1ResultLike[]> {
    return this.capability.batch(statements.map((statement) => (statement as CapabilityStatement).toPlain()));
  }
}

class CapabilityStatement implements D1StatementLike {
  constructor(
    private readonly capability: DatabaseCapability,
    private readonly sql: string,
    private readonly params: unknown[],
  ) {}

  bind(...values: unknown[]): CapabilityStatement {
    return new CapabilityStatement(this.capability, this.sql, values);
  }

  all(): Promise<D1ResultLike> {
    return this.capability.all(this.sql, this.params);
  }

  toPlain(): { sql: string; params: unknown[] } {
    return { sql: this.sql, params: this.params };
  }
}
