/** Widget ids: derived from kind and key, or kind and parameters, like Streamlit's. */

export function widgetId(kind: string, key: string | undefined, identity: unknown, pageHash = ""): string {
  const basis = (key === undefined ? `${kind}\u0000${stableJson(identity)}` : `${kind}\u0000key\u0000${key}`) + `\u0000${pageHash}`;
  return `${kind}-${hash64(basis)}`;
}

/** Two 32-bit FNV-1a hashes with different offsets: a 64-bit id without a crypto import. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "function") return `fn:${v.name}`;
    if (typeof v === "bigint") return v.toString();
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)));
    }
    return v;
  }) ?? "undefined";
}
