/** A test's end of a session socket, opened through the real Worker. */
import { SELF } from "cloudflare:test";
import type { ClientFrame, ServerFrame } from "../../sessions/protocol.ts";

export interface TestSocket {
  frames: ServerFrame[];
  /** Raw sizes of each message received, in bytes. */
  sizes: number[];
  send(frame: ClientFrame | string | ArrayBuffer): void;
  /** The session closed the socket. */
  readonly closed: boolean;
  /** Waits for a frame matching `predicate` among those not yet consumed. */
  next<F extends ServerFrame>(predicate: (frame: ServerFrame) => frame is F, timeoutMs?: number): Promise<F>;
  next(predicate: (frame: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
  close(): void;
}

export function randomSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Opens a session's socket as a browser would; `headers` adds what it would send too (its cookies),
 * `query` what the client tells about itself (`tz=...&theme=dark`, see client/socket.ts).
 */
export async function openSession(slug: string, sessionId = randomSessionId(), headers: Record<string, string> = {}, query = ""): Promise<TestSocket> {
  const response = await SELF.fetch(`https://${slug}.edgelit.test/_stcore/stream/${sessionId}${query ? `?${query}` : ""}`, {
    headers: { ...headers, Upgrade: "websocket" },
  });
  const ws = response.webSocket;
  if (!ws) throw new Error(`No WebSocket: ${response.status} ${await response.text()}`);
  ws.accept();
  const frames: ServerFrame[] = [];
  const sizes: number[] = [];
  let consumed = 0;
  const waiters = new Set<() => void>();
  let closed = false;
  ws.addEventListener("close", () => (closed = true));
  ws.addEventListener("message", (event) => {
    const text = event.data as string;
    sizes.push(new TextEncoder().encode(text).length);
    frames.push(...(JSON.parse(text) as ServerFrame[]));
    for (const wake of waiters) wake();
  });
  return {
    frames,
    sizes,
    send(frame) {
      ws.send(typeof frame === "string" || frame instanceof ArrayBuffer ? frame : JSON.stringify(frame));
    },
    get closed() {
      return closed;
    },
    next(predicate: (frame: ServerFrame) => boolean, timeoutMs = 5000): Promise<any> {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (let i = consumed; i < frames.length; i++) {
            if (predicate(frames[i]!)) {
              consumed = i + 1;
              waiters.delete(check);
              clearTimeout(timer);
              resolve(frames[i]);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames.slice(consumed)).slice(0, 500)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      ws.close(1000, "test done");
    },
  };
}

export const isRunEnd = (frame: ServerFrame): frame is Extract<ServerFrame, { t: "run_end" }> => frame.t === "run_end";
export const isSnapshot = (frame: ServerFrame): frame is Extract<ServerFrame, { t: "snapshot" }> => frame.t === "snapshot";
export const isError = (frame: ServerFrame): frame is Extract<ServerFrame, { t: "error" }> => frame.t === "error";
