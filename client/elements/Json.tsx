import { createSignal, For, Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";

/** Entries a container shows before "more": a 100,000-item array renders 100 rows until asked. */
const PAGE = 100;

/** `st.json`: a pretty-printed tree; levels past `expanded` start collapsed to one line. */
export function Json(props: LeafElementProps<"json">): JSX.Element {
  const parsed = () => {
    try {
      return { ok: true as const, value: JSON.parse(props.node.props.body) as unknown };
    } catch {
      return { ok: false as const };
    }
  };
  const openDepth = () => {
    const { expanded } = props.node.props;
    return expanded === true ? Infinity : expanded === false ? 0 : expanded;
  };
  return (
    <div class="stJson" data-testid="stJson">
      <Show when={parsed()} keyed fallback={null}>
        {(result) =>
          result.ok ? <JsonValue value={result.value} depth={0} openDepth={openDepth()} /> : <pre>{props.node.props.body}</pre>
        }
      </Show>
    </div>
  );
}

function JsonValue(props: { value: unknown; depth: number; openDepth: number; name?: string }): JSX.Element {
  const key = () => (props.name === undefined ? null : <span class="json-key">{JSON.stringify(props.name)}: </span>);
  if (props.value === null || typeof props.value !== "object") {
    return (
      <div class="json-line">
        {key()}
        <span class={`json-${props.value === null ? "null" : typeof props.value}`}>{JSON.stringify(props.value)}</span>
      </div>
    );
  }
  const isArray = Array.isArray(props.value);
  const value = props.value as Record<string, unknown>;
  const names = isArray ? null : Object.keys(value);
  const size = isArray ? (value as unknown as unknown[]).length : names!.length;
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  // A collapsed node renders no children: only what the viewer opens is built.
  const [expanded, setExpanded] = createSignal(props.depth < props.openDepth);
  const [shown, setShown] = createSignal(PAGE);
  const entries = () => Array.from({ length: Math.min(size, shown()) }, (_, i) => (isArray ? ([undefined, (value as unknown as unknown[])[i]] as const) : ([names![i]!, value[names![i]!]] as const)));
  return (
    <details class="json-node" open={expanded()} onToggle={(event) => setExpanded(event.currentTarget.open)}>
      <summary>
        {key()}
        {open}
        <Show when={!expanded()}>
          <span class="json-preview">{preview(props.value)}</span>
        </Show>
      </summary>
      <Show when={expanded()}>
        <div class="json-children">
          <For each={entries()}>{([name, child]) => <JsonValue value={child} depth={props.depth + 1} openDepth={props.openDepth} name={name} />}</For>
          <Show when={size > shown()}>
            <button type="button" class="json-more" onClick={() => setShown(shown() * 10)}>
              … {size - shown()} more
            </button>
          </Show>
        </div>
        <div class="json-close">{close}</div>
      </Show>
    </details>
  );
}

/** A one-line preview of a collapsed value, built only as far as 80 characters reach. */
function preview(value: unknown): string {
  let text = "";
  const limit = 80;
  const write = (part: string) => {
    text += part;
    return text.length < limit;
  };
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v !== "object") return write(JSON.stringify(v) ?? "null");
    if (Array.isArray(v)) {
      if (!write("[")) return false;
      for (let i = 0; i < v.length; i++) if ((i > 0 && !write(",")) || !walk(v[i])) return false;
      return write("]");
    }
    if (!write("{")) return false;
    let first = true;
    for (const [k, child] of Object.entries(v)) {
      if ((!first && !write(",")) || !write(`${JSON.stringify(k)}:`) || !walk(child)) return false;
      first = false;
    }
    return write("}");
  };
  const complete = walk(value);
  const body = text.slice(1);
  return complete && body.length <= limit ? body : `${body.slice(0, limit - 2)}…`;
}
