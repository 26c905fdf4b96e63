/**
 * A session Durable Object is named after its app and the tab's session id, so that no
 * session id can reach another app's session.
 */

/** 32 random bytes as base64url (43 characters) from the client; accept 22 to 64 such characters. */
const SESSION_ID = /^[A-Za-z0-9_-]{22,64}$/;

export const sessionName = {
  isValidId(id: string): boolean {
    return SESSION_ID.test(id);
  },
  /** A new session id: 32 random bytes, base64url (the client's for a tab, the Worker's for a page it paints). */
  newId(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  },
  of(slug: string, sessionId: string): string {
    return `${slug}~${sessionId}`;
  },
  parse(name: string): { slug: string; sessionId: string } {
    const at = name.indexOf("~");
    return { slug: name.slice(0, at), sessionId: name.slice(at + 1) };
  },
};
