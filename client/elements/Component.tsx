/**
 * Custom components (client side of sessions/api/components.ts), each in a sandboxed iframe of an
 * opaque origin (edge/components.ts):
 *
 * - `IFrame`: components.html (its HTML posted into the platform's html frame) and components.iframe;
 * - `ComponentInstance`: a declared component's front end, spoken to in Streamlit's component
 *   protocol (streamlit-component-lib): it says componentReady, gets `streamlit:render` with its
 *   args, tables (Arrow), disabled and theme, and sends setComponentValue and setFrameHeight.
 *
 * New args re-render the same frame (no reload, no blinking); a new widget id (a new key) or front
 * end mounts a new one. Messages are taken only from the element's own frame (components/frames.ts).
 */
import { createEffect, createMemo, createSignal, on, onCleanup, onMount, Show, type JSX } from "solid-js";
import { COMPONENT_FRAME_PATH, COMPONENT_SANDBOX, MAX_CLIENT_FRAME_BYTES, type ComponentValue, type LeafProps } from "../../sessions/protocol.ts";
import { ownFrame, sandboxFor } from "../components/frames.ts";
import { themeType } from "../theme.ts";
import { useTree } from "../tree.tsx";
import type { LeafElementProps } from "../types.ts";
import { sendWidgetValue } from "../widget.ts";

/** `components.html` and `components.iframe`. */
export function IFrame(props: LeafElementProps<"iframe">): JSX.Element {
  const p = () => props.node.props;
  // New HTML is a new document, as a new srcdoc is in Streamlit.
  return (
    <Show when={p().html ?? p().src} keyed>
      {(_content) => <FrameOf props={p()} />}
    </Show>
  );
}

function FrameOf(props: { props: LeafProps["iframe"] }): JSX.Element {
  const p = () => props.props;
  let frame!: HTMLIFrameElement;
  const html = p().html;
  const src = html !== undefined ? COMPONENT_FRAME_PATH : p().src!;
  const sandbox = html !== undefined ? COMPONENT_SANDBOX : sandboxFor(src, COMPONENT_SANDBOX);
  if (html !== undefined) {
    listenTo(
      () => frame,
      (data) => {
        if (!isMessage(data, "edgelit:htmlFrameReady")) return dropped("the html frame", data);
        frame.contentWindow?.postMessage({ type: "edgelit:html", html, base: `${location.origin}/` }, "*");
      },
    );
  }
  return (
    <div class="stIFrame-container element-container">
      <iframe
        ref={frame}
        class="stIFrame"
        data-testid="stIFrame"
        title="st.iframe"
        src={src}
        sandbox={sandbox}
        allow="clipboard-write; fullscreen"
        referrerPolicy="no-referrer"
        width={p().width ?? "100%"}
        height={p().height}
        scrolling={p().scrolling ? "auto" : "no"}
        tabIndex={p().tab_index}
        style={{ border: "none", display: "block", width: p().width === undefined ? "100%" : `${p().width}px`, height: `${p().height}px` }}
      />
    </div>
  );
}

/** A declared component's instance. */
export function ComponentInstance(props: LeafElementProps<"component_instance">): JSX.Element {
  const p = () => props.node.props;
  const identity = createMemo(() => `${p().id}\u0000${p().folder ?? ""}\u0000${p().url ?? ""}`);
  return (
    <Show when={identity()} keyed>
      {(_identity) => <ComponentFrame {...props} />}
    </Show>
  );
}

function ComponentFrame(props: LeafElementProps<"component_instance">): JSX.Element {
  const tree = useTree();
  const p = () => props.node.props;
  const [height, setHeight] = createSignal(0);
  const [ready, setReady] = createSignal(false);
  const [theme, setTheme] = createSignal(readTheme());
  let frame!: HTMLIFrameElement;
  const first = p();
  const src = frameUrl(first);
  const sandbox = first.folder !== undefined ? COMPONENT_SANDBOX : sandboxFor(src, COMPONENT_SANDBOX);
  const label = `the component "${first.component_name}"`;

  const onMessage = (data: unknown) => {
    if (!isStreamlitMessage(data)) return dropped(label, data);
    switch (data.type) {
      case "streamlit:componentReady":
        setReady(true);
        void render();
        return;
      case "streamlit:setFrameHeight": {
        const h = (data as { height?: unknown }).height;
        if (typeof h === "number" && Number.isFinite(h) && h >= 0) setHeight(Math.min(Math.ceil(h), 100_000));
        else dropped(label, data);
        return;
      }
      case "streamlit:setComponentValue":
        void sendValue(data as { value?: unknown; dataType?: unknown });
        return;
      default:
        dropped(label, data);
    }
  };

  async function sendValue(data: { value?: unknown; dataType?: unknown }): Promise<void> {
    let value: ComponentValue;
    try {
      value = await componentValue(data.value, data.dataType);
    } catch (error) {
      refuse(`${label} sent a value that cannot be sent: ${(error as Error).message}`);
      return;
    }
    const text = JSON.stringify(value);
    // The session refuses larger frames; say so here instead of losing the value silently.
    if (new TextEncoder().encode(text).length > MAX_CLIENT_FRAME_BYTES - 512) {
      refuse(`${label} sent a value of more than ${Math.floor(MAX_CLIENT_FRAME_BYTES / 1024)} KB, which the app cannot take.`);
      return;
    }
    sendWidgetValue(props, text);
  }

  const refuse = (message: string) => {
    console.warn(`edgelit: ${message}`);
    tree.toasts.push(message);
  };

  let renders = 0;
  /** Sends the args, tables, disabled and theme; a newer render wins over a slower older one. */
  async function render(): Promise<void> {
    if (!ready() || !frame?.contentWindow) return;
    const mine = ++renders;
    const element = p();
    const args = JSON.parse(element.json_args) as Record<string, unknown>;
    for (const { key, base64 } of element.bytes_args ?? []) args[key] = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    let dfs: { key: string; value: { data: unknown } }[] = [];
    if (element.dataframe_args?.length) {
      const { wireToArrow } = await import("../components/arrow.ts");
      dfs = element.dataframe_args.map(({ key, table }) => ({ key, value: { data: wireToArrow(table) } }));
    }
    if (mine !== renders) return;
    frame.contentWindow?.postMessage({ type: "streamlit:render", args, dfs, disabled: element.disabled === true || !tree.connected(), theme: theme() }, "*");
  }

  // New args or tables, the socket dropping or back, a new theme: the same frame renders again.
  createEffect(on([() => p().json_args, () => p().dataframe_args, () => p().bytes_args, () => p().disabled, tree.connected, theme], () => void render(), { defer: true }));

  // The viewer switching light/dark rewrites <html>'s variables (client/theme.ts).
  const themeChange = new MutationObserver(() => setTheme(readTheme()));
  themeChange.observe(document.documentElement, { attributes: true, attributeFilter: ["style", "data-st-theme", "class"] });
  onCleanup(() => themeChange.disconnect());

  listenTo(() => frame, onMessage);
  return (
    <div class="stCustomComponentV1-container element-container">
      <iframe
        ref={frame}
        class="stCustomComponentV1"
        data-testid="stCustomComponentV1"
        title={first.component_name}
        src={src}
        sandbox={sandbox}
        allow="clipboard-write; fullscreen"
        referrerPolicy="no-referrer"
        width="100%"
        height={height()}
        scrolling="no"
        tabIndex={first.tab_index}
        style={{ border: "none", display: "block", width: "100%", height: `${height()}px`, "color-scheme": "normal" }}
      />
    </div>
  );
}

/** Where the front end is, with Streamlit's `streamlitUrl` (the page's URL) in its query. */
function frameUrl(props: LeafProps["component_instance"]): string {
  const base = props.folder !== undefined ? `${location.origin}/_stcore/component/${encodeURIComponent(props.folder)}/index.html` : props.url!;
  const url = new URL(base, location.href);
  url.searchParams.set("streamlitUrl", location.href);
  return url.href;
}

/** The theme object streamlit-component-lib hands the component (Streamlit's fields). */
function readTheme(): { base: string; primaryColor: string; backgroundColor: string; secondaryBackgroundColor: string; textColor: string; font: string } {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    base: themeType,
    primaryColor: read("--st-primary-color", "#ff4b4b"),
    backgroundColor: read("--st-background-color", "#ffffff"),
    secondaryBackgroundColor: read("--st-secondary-background-color", "#f0f2f6"),
    textColor: read("--st-text-color", "#31333f"),
    font: read("--st-font", "sans-serif"),
  };
}

/** `Streamlit.setComponentValue`'s value in the form the session takes (sessions/protocol.ts, ComponentValue). */
async function componentValue(value: unknown, dataType: unknown): Promise<ComponentValue> {
  if (dataType === "bytes") {
    if (!(value instanceof Uint8Array)) throw new Error("bytes must come as a Uint8Array");
    let binary = "";
    for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
    return { type: "bytes", base64: btoa(binary) };
  }
  if (dataType === "dataframe") {
    const table = value as { data?: unknown } | null;
    if (!table || !(table.data instanceof Uint8Array)) throw new Error("a table must come as ArrowTable.serialize() makes it");
    const { arrowToRows } = await import("../components/arrow.ts");
    return { type: "dataframe", ...arrowToRows({ data: table.data }) };
  }
  if (dataType !== undefined && dataType !== "json") throw new Error(`unknown dataType ${JSON.stringify(dataType)}`);
  const text = JSON.stringify(value === undefined ? null : value);
  if (text === undefined) throw new Error("it is not JSON");
  return { type: "json", value: JSON.parse(text) as unknown };
}

function isStreamlitMessage(data: unknown): data is { isStreamlitMessage: true; type: string } {
  return typeof data === "object" && data !== null && (data as { isStreamlitMessage?: unknown }).isStreamlitMessage === true && typeof (data as { type?: unknown }).type === "string";
}

function isMessage(data: unknown, type: string): boolean {
  return typeof data === "object" && data !== null && (data as { type?: unknown }).type === type;
}

function dropped(who: string, data: unknown): void {
  const type = typeof data === "object" && data !== null ? (data as { type?: unknown }).type : typeof data;
  console.warn(`edgelit: dropped a message of ${who} that the component protocol does not define (${JSON.stringify(type) ?? "?"})`);
}

/** The element hears its frame's messages from when it is on the page until it leaves it. */
function listenTo(frame: () => HTMLIFrameElement | undefined, listener: (data: unknown) => void): void {
  onMount(() => {
    const window = frame()?.contentWindow;
    if (window) onCleanup(ownFrame(window, listener));
  });
}
