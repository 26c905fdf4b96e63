/**
 * Text for any value Durable Object storage keeps (the structured clone algorithm's types:
 * undefined, NaN, bigint, Date, RegExp, Map, Set, binary data, errors, shared and circular
 * references), so that a session can be cut into pieces of bounded size and compared with
 * what was last written. JSON values encode as their JSON; anything else is an object
 * tagged under the key "$" (and a user's object that has a "$" key is wrapped).
 */

const TAG = "$";

/** A function, a symbol, a promise...: what `structuredClone` refuses too. */
export class UnstorableValueError extends Error {
  override name = "UnstorableValueError";
}

const errorTypes: Record<string, ErrorConstructor> = {
  Error,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
};

const viewTypes: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
};

export function encodeValue(value: unknown): string {
  return new Encoder().write(value);
}

export function decodeValue(text: string): unknown {
  return new Decoder().read(JSON.parse(text));
}

class Encoder {
  /** Objects already written, numbered in the order the decoder meets them. */
  private readonly seen = new Map<object, number>();

  write(value: unknown): string {
    switch (typeof value) {
      case "string":
        return JSON.stringify(value);
      case "boolean":
        return value ? "true" : "false";
      case "number":
        return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : tagged("n", JSON.stringify(Object.is(value, -0) ? "-0" : String(value)));
      case "bigint":
        return tagged("b", JSON.stringify(value.toString()));
      case "undefined":
        return `{"${TAG}":"u"}`;
      case "object":
        return value === null ? "null" : this.writeObject(value);
      default:
        throw new UnstorableValueError(`A ${typeof value} cannot be stored.`);
    }
  }

  private writeObject(value: object): string {
    const id = this.seen.get(value);
    if (id !== undefined) return tagged("r", String(id));
    this.seen.set(value, this.seen.size);
    if (Array.isArray(value)) {
      let out = "[";
      for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + this.write(value[i]);
      return out + "]";
    }
    if (value instanceof Date) return tagged("D", this.write(value.getTime()));
    if (value instanceof RegExp) return tagged("R", JSON.stringify([value.source, value.flags]));
    if (value instanceof Map) return tagged("M", this.pairs([...value], true));
    if (value instanceof Set) return tagged("S", this.pairs([...value], false));
    if (value instanceof ArrayBuffer) return tagged("A", JSON.stringify(toBase64(new Uint8Array(value))));
    if (ArrayBuffer.isView(value)) {
      const type = Object.prototype.toString.call(value).slice(8, -1);
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return `{"${TAG}":"V","t":${JSON.stringify(type)},"v":${JSON.stringify(toBase64(bytes))}}`;
    }
    if (value instanceof Error) {
      const { name, message, stack } = value;
      return tagged("E", this.write({ name, message, stack }));
    }
    if (value instanceof Boolean || value instanceof Number || value instanceof String) return tagged("P", this.write(value.valueOf()));
    if (value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet) {
      throw new UnstorableValueError(`A ${value.constructor.name} cannot be stored.`);
    }
    // Any other object, a class instance included, keeps its own enumerable properties, as in a structured clone.
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let out = "{";
    for (let i = 0; i < keys.length; i++) out += (i > 0 ? "," : "") + JSON.stringify(keys[i]) + ":" + this.write(record[keys[i]!]);
    out += "}";
    return Object.hasOwn(record, TAG) ? tagged("o", out) : out;
  }

  /** A Map's entries or a Set's values; the arrays around them are not the user's, so they get no number. */
  private pairs(items: unknown[], entries: boolean): string {
    const parts = items.map((item) => {
      if (!entries) return this.write(item);
      const [key, value] = item as [unknown, unknown];
      return `[${this.write(key)},${this.write(value)}]`;
    });
    return `[${parts.join(",")}]`;
  }
}

class Decoder {
  private readonly seen: unknown[] = [];

  read(node: unknown): unknown {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) {
      this.seen.push(node);
      for (let i = 0; i < node.length; i++) node[i] = this.read(node[i]);
      return node;
    }
    const record = node as Record<string, unknown>;
    if (!Object.hasOwn(record, TAG)) return this.readRecord(record);
    const v = record.v;
    switch (record[TAG]) {
      case "u":
        return undefined;
      case "n":
        return Number(v);
      case "b":
        return BigInt(v as string);
      case "r":
        return this.seen[v as number];
      case "o":
        return this.readRecord(v as Record<string, unknown>);
      case "D":
        return this.register(new Date(this.read(v) as number));
      case "R": {
        const [source, flags] = v as [string, string];
        return this.register(new RegExp(source, flags));
      }
      case "M": {
        const map = this.register(new Map<unknown, unknown>());
        for (const [key, value] of v as [unknown, unknown][]) map.set(this.read(key), this.read(value));
        return map;
      }
      case "S": {
        const set = this.register(new Set<unknown>());
        for (const item of v as unknown[]) set.add(this.read(item));
        return set;
      }
      case "A":
        return this.register(fromBase64(v as string).buffer);
      case "V": {
        const View = viewTypes[record.t as string] ?? Uint8Array;
        return this.register(new View(fromBase64(v as string).buffer));
      }
      case "E": {
        // Numbered before its fields, as the encoder did; nothing inside can refer back to it.
        const slot = this.seen.push(undefined) - 1;
        const { name, message, stack } = this.read(v) as { name: string; message: string; stack?: string };
        const error = new (errorTypes[name] ?? Error)(message);
        if (stack !== undefined) error.stack = stack;
        return (this.seen[slot] = error);
      }
      case "P":
        return this.register(Object(this.read(v)) as object);
      default:
        throw new Error(`Stored session: unknown tag ${JSON.stringify(record[TAG])}.`);
    }
  }

  private register<T>(value: T): T {
    this.seen.push(value);
    return value;
  }

  private readRecord(record: Record<string, unknown>): Record<string, unknown> {
    this.seen.push(record);
    for (const key of Object.keys(record)) {
      const value = this.read(record[key]);
      // An own "__proto__" from JSON.parse stays a property; assigning it would set the prototype.
      if (key === "__proto__") Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
      else record[key] = value;
    }
    return record;
  }
}

function tagged(tag: string, value: string): string {
  return `{"${TAG}":"${tag}","v":${value}}`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
