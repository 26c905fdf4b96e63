/**
 * Who may talk to the page through postMessage: only a frame an element made, and each one only
 * to its element. Every component frame runs in an opaque origin, so its messages say "null" as
 * their origin; the frame's window (`event.source`) is what tells them apart. A message from any
 * other window that looks like a component's is dropped and logged.
 */
type Listener = (data: unknown) => void;

const owners = new Map<MessageEventSource, Listener>();
let listening = false;

/** The element that made `frame` hears its messages until the returned function is called. */
export function ownFrame(frame: Window, listener: Listener): () => void {
  if (!listening) {
    addEventListener("message", route);
    listening = true;
  }
  owners.set(frame, listener);
  return () => {
    if (owners.get(frame) === listener) owners.delete(frame);
  };
}

function route(event: MessageEvent): void {
  const listener = event.source ? owners.get(event.source) : undefined;
  if (listener) {
    listener(event.data);
    return;
  }
  const data = event.data as { isStreamlitMessage?: unknown; type?: unknown } | null;
  if (data && typeof data === "object" && (data.isStreamlitMessage === true || (typeof data.type === "string" && data.type.startsWith("edgelit:")))) {
    console.warn(`edgelit: dropped a "${String(data.type)}" message from a window that is no element's frame (origin ${event.origin})`);
  }
}

/** Cross-origin pages keep their own origin in their frame; a page of the app's own origin never does. */
export function sandboxFor(src: string, sandbox: string): string {
  let origin: string;
  try {
    origin = new URL(src, location.href).origin;
  } catch {
    return sandbox;
  }
  return origin !== "null" && origin !== location.origin ? `${sandbox} allow-same-origin` : sandbox;
}
