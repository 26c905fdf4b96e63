/** Streamlit's caching errors, with messages that say what Edgelit's cache can and cannot hold. */
import { StreamlitAPIException } from "../errors.ts";

export const CACHE_DOCS_URL = "https://docs.streamlit.io/develop/concepts/architecture/caching";

export type CacheKind = "cache_data" | "cache_resource";

/** `st.cache_data` cannot store what the function returned. */
export class UnserializableReturnValueError extends StreamlitAPIException {
  override name = "UnserializableReturnValueError";
  constructor(fnName: string, typeName: string, detail: string) {
    super(
      `Cannot serialize the return value (of type \`${typeName}\`) in \`${fnName}()\`. \`st.cache_data\` stores the ` +
        `function's return value as data (JSON, plus Date, Map, Set, RegExp, bigint and byte arrays), so that the ` +
        `cache is shared by every session and each call gets its own copy; it cannot hold ${detail}. Please convert ` +
        `the return value to plain data. If you want to cache unserializable objects such as database connections, ` +
        `use \`st.cache_resource\` instead (see [our docs](${CACHE_DOCS_URL}) for differences).`,
    );
  }
}

/** An argument of a cached function that cannot be hashed. */
export class UnhashableParamError extends StreamlitAPIException {
  override name = "UnhashableParamError";
  constructor(kind: CacheKind, fnName: string, argument: string, typeName: string) {
    super(
      `Cannot hash argument '${argument}' (of type \`${typeName}\`) in '${fnName}'.\n\n` +
        `To address this, you can tell Streamlit not to hash this argument by passing it in an object argument ` +
        `under a key with a leading underscore:\n\n` +
        "```\n" +
        `const ${fnName} = st.${kind}((options) => { const value = options._${argument.replace(/\W/g, "_")}; ... });\n` +
        `${fnName}({ _${argument.replace(/\W/g, "_")}: value, ... });\n` +
        "```",
    );
  }
}

/** A return value larger than the cache store takes (Workers KV: 25 MiB). */
export class CachedValueTooLargeError extends StreamlitAPIException {
  override name = "CachedValueTooLargeError";
  constructor(fnName: string, bytes: number, limit: number) {
    super(
      `The return value of \`${fnName}()\` is ${mib(bytes)} once stored, and \`st.cache_data\` stores at most ` +
        `${mib(limit)} per value (Workers KV's limit). It was not cached. Return less data, or cache it in smaller pieces.`,
    );
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
