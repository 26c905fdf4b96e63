import { For, Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";

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
  const entries = Object.entries(props.value as object);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  return (
    <details class="json-node" open={props.depth < props.openDepth}>
      <summary>
        {key()}
        {open}
        <span class="json-preview">{preview(props.value)}</span>
      </summary>
      <div class="json-children">
        <For each={entries}>
          {([name, value]) => (
            <JsonValue value={value} depth={props.depth + 1} openDepth={props.openDepth} name={isArray ? undefined : name} />
          )}
        </For>
      </div>
      <div class="json-close">{close}</div>
    </details>
  );
}

function preview(value: unknown): string {
  const text = JSON.stringify(value).slice(1);
  return text.length > 80 ? `${text.slice(0, 78)}…${text[text.length - 1]}` : text;
}
