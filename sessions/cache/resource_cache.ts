/**
 * `st.cache_resource`: one shared object per isolate and arguments, handed out as it is (not
 * copied) to every session of the app in this isolate: connections, clients, models. It never
 * leaves the isolate, so it needs no store and can hold anything.
 */
import { currentContext } from "../engine/context.ts";
import type { AppPlatform } from "../platform.ts";
import { durationSeconds, type Duration } from "./duration.ts";
import { hashArguments, type FunctionIdentity } from "./data_cache.ts";
import { runCachedBody, withCacheSpinner } from "./spinner.ts";
import { digest, type HashFuncs } from "./values.ts";

export interface CacheResourceOptions {
  /** How long a resource lives: seconds, or a duration string ("1d", "10m"). Default: until cleared. */
  ttl?: Duration;
  /** Most resources kept for this function; the least recently used goes first. */
  max_entries?: number | null;
  /** Called with a cached resource before it is handed out; false makes a new one. */
  validate?: ((resource: any) => boolean) | null;
  /** For an async function: show "Running `fn(...)`." while it makes a resource (default), another text, or nothing. */
  show_spinner?: boolean | string;
  hash_funcs?: HashFuncs;
}

interface ResourceEntry {
  value: unknown;
  /** An async function's result once it has settled, for `validate`. */
  settled: { value: unknown } | null;
  expires: number | null;
}

/** Every resource of the isolate: by "app/function id", then by the arguments' hash, least recently used first. */
const resources = new Map<string, Map<string, ResourceEntry>>();

export class ResourceCache<A extends unknown[], R> {
  readonly id: string;
  readonly name: string;
  private readonly ttl: number | null;

  constructor(
    private readonly fn: (...args: A) => R,
    private readonly options: CacheResourceOptions = {},
    identity: FunctionIdentity = { name: fn.name, code: fn.toString() },
  ) {
    this.name = identity.name || "cached function";
    this.id = digest(`cache_resource\0${identity.name}\0${identity.code}`).slice(0, 32);
    this.ttl = durationSeconds(options.ttl);
  }

  call(args: A): R {
    const { run } = currentContext(`st.cache_resource (${this.name})`);
    const key = this.key(run.session.platform);
    const argsKey = this.argsKey(args);
    let entries = resources.get(key);
    if (!entries) resources.set(key, (entries = new Map()));
    const found = entries.get(argsKey);
    if (found && (found.expires === null || found.expires > Date.now()) && this.isValid(found)) {
      entries.delete(argsKey);
      entries.set(argsKey, found);
      return found.value as R;
    }
    entries.delete(argsKey);
    let value = runCachedBody(() => this.fn(...args));
    const entry: ResourceEntry = { value, settled: null, expires: this.ttl === null ? null : Date.now() + this.ttl * 1000 };
    if (value instanceof Promise) {
      // Concurrent calls share the promise; a rejected one is not kept.
      const text = this.spinnerText(args);
      value = withCacheSpinner(run, text, () => value as Promise<unknown>).then(
        (settled) => {
          entry.settled = { value: settled };
          return settled;
        },
        (error: unknown) => {
          if (entries.get(argsKey) === entry) entries.delete(argsKey);
          throw error;
        },
      ) as R;
      entry.value = value;
    } else {
      entry.settled = { value };
    }
    entries.set(argsKey, entry);
    const max = this.options.max_entries;
    if (max !== null && max !== undefined) while (entries.size > Math.max(0, max)) entries.delete(entries.keys().next().value!);
    return value;
  }

  /** Drops the function's resources in this isolate; with arguments, only that one. */
  clear(platform: AppPlatform, args?: A): void {
    const key = this.key(platform);
    if (args && args.length > 0) resources.get(key)?.delete(this.argsKey(args));
    else resources.delete(key);
  }

  private isValid(entry: ResourceEntry): boolean {
    const validate = this.options.validate;
    if (!validate || !entry.settled) return true;
    return validate(entry.settled.value) !== false;
  }

  private key(platform: AppPlatform): string {
    return `${platform.app}/${this.id}`;
  }

  private argsKey(args: A): string {
    return hashArguments("cache_resource", this.name, args, this.options.hash_funcs);
  }

  private spinnerText(args: A): string | null {
    const show = this.options.show_spinner ?? true;
    if (typeof show === "string") return show;
    if (!show) return null;
    return args.length === 0 ? `Running \`${this.name}()\`.` : `Running \`${this.name}(...)\`.`;
  }
}

/** `st.cache_resource.clear()`: every resource of the app in this isolate. */
export function clearAppResources(platform: AppPlatform): void {
  for (const key of [...resources.keys()]) if (key.startsWith(`${platform.app}/`)) resources.delete(key);
}
