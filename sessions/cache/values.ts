/**
 * How cached values are stored and how arguments become cache keys.
 *
 * A stored value is data only: JSON with a few tags for what JSON lacks (undefined, NaN,
 * bigint, Date, Map, Set, RegExp, bytes). Decoding builds plain values again and never runs
 * code, so a cache entry cannot smuggle a function or a class into a session. Anything else
 * (functions, symbols, class instances, cycles) cannot be stored: Streamlit's
 * UnserializableReturnValueError.
 *
 * Arguments hash by value: objects by their sorted keys, class instances by class name and
 * fields, functions by their code, so equal arguments give equal keys in every isolate.
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";

/** A value `encodeValue` cannot store: what it is, and where it sits inside the value. */
export class UnstorableValue extends Error {
  constructor(
    readonly typeName: string,
    readonly where: string,
  ) {
    super(`${typeName}${where ? ` at ${where}` : ""}`);
  }
}

/** A value `hashValue` cannot hash. */
export class UnhashableValue extends Error {
  constructor(
    readonly typeName: string,
    readonly where: string,
  ) {
    super(`${typeName}${where ? ` at ${where}` : ""}`);
  }
}

type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

/** The stored text of a value; throws UnstorableValue. */
export function encodeValue(value: unknown): string {
  return JSON.stringify(encode(value, "", new Set()));
}

/** The value stored as `text`; throws on text that `encodeValue` did not write. */
export function decodeValue(text: string): unknown {
  return decode(JSON.parse(text) as Encoded);
}

function encode(value: unknown, where: string, open: Set<object>): Encoded {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { $t: "num", v: Object.is(value, -0) ? "-0" : String(value) };
    case "undefined":
      return { $t: "undef" };
    case "bigint":
      return { $t: "bigint", v: value.toString() };
    case "function":
      throw new UnstorableValue(`function ${value.name || "(anonymous)"}`, where);
    case "symbol":
      throw new UnstorableValue("symbol", where);
  }
  if (value === null) return null;
  const object = value as object;
  if (open.has(object)) throw new UnstorableValue("a reference to itself (a cycle)", where);
  open.add(object);
  try {
    if (Array.isArray(object)) {
      return Array.from({ length: object.length }, (_, i) => (i in object ? encode(object[i], `${where}[${i}]`, open) : { $t: "undef" }));
    }
    if (object instanceof Date) return { $t: "date", v: Number.isNaN(object.getTime()) ? null : object.toISOString() };
    if (object instanceof Map) {
      return { $t: "map", v: [...object].map(([k, v], i) => [encode(k, `${where}<key ${i}>`, open), encode(v, `${where}.get(${describeKey(k)})`, open)]) };
    }
    if (object instanceof Set) return { $t: "set", v: [...object].map((item, i) => encode(item, `${where}<item ${i}>`, open)) };
    if (object instanceof RegExp) return { $t: "regexp", v: [object.source, object.flags] };
    if (object instanceof ArrayBuffer) return { $t: "bytes", c: "ArrayBuffer", v: Buffer.from(object).toString("base64") };
    if (ArrayBuffer.isView(object)) {
      const kind = object.constructor.name;
      if (!(kind in VIEWS)) throw new UnstorableValue(kind, where);
      return { $t: "bytes", c: kind, v: Buffer.from(object.buffer, object.byteOffset, object.byteLength).toString("base64") };
    }
    if (!isPlainObject(object)) throw new UnstorableValue(typeName(object), where);
    const out: { [key: string]: Encoded } = {};
    for (const [key, item] of Object.entries(object)) setOwn(out, key, encode(item, where ? `${where}.${key}` : key, open));
    // A plain object that happens to have a "$t" key is wrapped, so it is never read as a tag.
    return "$t" in out ? { $t: "obj", v: out } : out;
  } finally {
    open.delete(object);
  }
}

const VIEWS: Record<string, (bytes: Buffer) => ArrayBufferView> = {
  Uint8Array: (b) => new Uint8Array(copy(b)),
  Uint8ClampedArray: (b) => new Uint8ClampedArray(copy(b)),
  Int8Array: (b) => new Int8Array(copy(b)),
  Uint16Array: (b) => new Uint16Array(copy(b)),
  Int16Array: (b) => new Int16Array(copy(b)),
  Uint32Array: (b) => new Uint32Array(copy(b)),
  Int32Array: (b) => new Int32Array(copy(b)),
  Float32Array: (b) => new Float32Array(copy(b)),
  Float64Array: (b) => new Float64Array(copy(b)),
  BigInt64Array: (b) => new BigInt64Array(copy(b)),
  BigUint64Array: (b) => new BigUint64Array(copy(b)),
  DataView: (b) => new DataView(copy(b)),
  // Node's Buffer is a Uint8Array; it comes back as one.
  Buffer: (b) => new Uint8Array(copy(b)),
};

function copy(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function decode(value: Encoded): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decode);
  const tag = value.$t;
  if (typeof tag !== "string") return decodeObject(value);
  const v = value.v as Encoded;
  switch (tag) {
    case "undef":
      return undefined;
    case "num":
      return v === "-0" ? -0 : Number(v);
    case "bigint":
      return BigInt(v as string);
    case "date":
      return new Date(v === null ? NaN : (v as string));
    case "map":
      return new Map((v as Encoded[][]).map(([k, item]) => [decode(k!), decode(item!)]));
    case "set":
      return new Set((v as Encoded[]).map(decode));
    case "regexp":
      return new RegExp((v as string[])[0]!, (v as string[])[1]);
    case "bytes": {
      const bytes = Buffer.from(v as string, "base64");
      if (value.c === "ArrayBuffer") return copy(bytes);
      const make = VIEWS[value.c as string];
      if (!make) throw new Error(`Unknown byte view in a cache entry: ${String(value.c)}`);
      return make(bytes);
    }
    case "obj":
      return decodeObject(v as { [key: string]: Encoded });
    default:
      throw new Error(`Unknown tag in a cache entry: ${tag}`);
  }
}

function decodeObject(value: { [key: string]: Encoded }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    setOwn(out, key, decode(item));
  }
  return out;
}

/** `object[key] = value`, where "__proto__" is an ordinary key, never the object's prototype. */
function setOwn(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

// ---- hashing ----

/** `hash_funcs`: how to hash values of a type, by class (or its name) or by `typeof` name. */
export type HashFuncs = Map<unknown, (value: any) => unknown> | Record<string, (value: any) => unknown>;

/** A stable hex digest of `value`: equal values give equal digests in every isolate. */
export function hashValue(value: unknown, hashFuncs?: HashFuncs, where = ""): string {
  return digest(JSON.stringify(canonical(value, where, [], hashFuncs, 0)));
}

export function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function canonical(value: unknown, where: string, open: object[], hashFuncs: HashFuncs | undefined, depth: number): Encoded {
  const custom = hashFuncs && depth < 16 ? hashFuncFor(value, hashFuncs) : undefined;
  if (custom) return { $h: canonical(custom(value), where, open, hashFuncs, depth + 1) };
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { $n: Object.is(value, -0) ? "-0" : String(value) };
    case "undefined":
      return { $u: 1 };
    case "bigint":
      return { $b: value.toString() };
    case "function":
      // Streamlit hashes a function by its code.
      return { $f: [value.name, value.toString()] };
    case "symbol":
      throw new UnhashableValue("symbol", where);
  }
  if (value === null) return null;
  const object = value as object;
  const cycle = open.indexOf(object);
  if (cycle >= 0) return { $ref: open.length - cycle };
  open.push(object);
  try {
    if (Array.isArray(object)) return object.map((item, i) => canonical(item, `${where}[${i}]`, open, hashFuncs, depth));
    if (object instanceof Date) return { $d: object.getTime() };
    if (object instanceof Map) {
      return { $m: sortPairs([...object].map(([k, v]) => [canonical(k, `${where}<key>`, open, hashFuncs, depth), canonical(v, `${where}<value>`, open, hashFuncs, depth)])) };
    }
    if (object instanceof Set) return { $s: sortItems([...object].map((item) => canonical(item, `${where}<item>`, open, hashFuncs, depth))) };
    if (object instanceof RegExp) return { $r: [object.source, object.flags] };
    if (object instanceof ArrayBuffer) return { $a: ["ArrayBuffer", Buffer.from(object).toString("base64")] };
    if (ArrayBuffer.isView(object)) {
      return { $a: [object.constructor.name, Buffer.from(object.buffer, object.byteOffset, object.byteLength).toString("base64")] };
    }
    if (object instanceof WeakMap || object instanceof WeakSet || object instanceof Promise) throw new UnhashableValue(typeName(object), where);
    const fields: [string, Encoded][] = Object.keys(object)
      .sort()
      .map((key) => [key, canonical((object as Record<string, unknown>)[key], where ? `${where}.${key}` : key, open, hashFuncs, depth)]);
    // Like Streamlit hashing an object by its reduced state: a class instance hashes as its class and fields.
    return isPlainObject(object) ? { $o: fields } : { $c: [typeName(object), fields] };
  } finally {
    open.pop();
  }
}

function hashFuncFor(value: unknown, hashFuncs: HashFuncs): ((value: any) => unknown) | undefined {
  const ctor = typeof value === "object" && value !== null ? (value as object).constructor : undefined;
  if (hashFuncs instanceof Map) return (ctor && hashFuncs.get(ctor)) || hashFuncs.get(typeof value);
  const byName = ctor?.name ? hashFuncs[ctor.name] : undefined;
  return byName ?? (Object.hasOwn(hashFuncs, typeof value) ? hashFuncs[typeof value] : undefined);
}

function sortPairs(pairs: [Encoded, Encoded][]): [Encoded, Encoded][] {
  return pairs.map((pair) => [JSON.stringify(pair[0]), pair] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, pair]) => pair);
}

function sortItems(items: Encoded[]): Encoded[] {
  return items.map((item) => JSON.stringify(item)).sort().map((text) => JSON.parse(text) as Encoded);
}

// ---- shared helpers ----

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A value's type as a message shows it: `Map`, `MyClass`, `function`. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return (value as object).constructor?.name || "Object";
}

function describeKey(key: unknown): string {
  return typeof key === "string" ? JSON.stringify(key) : typeof key === "object" ? typeName(key) : String(key);
}
