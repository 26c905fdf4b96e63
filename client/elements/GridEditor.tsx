import { For, Match, onMount, Switch, type JSX } from "solid-js";
import type { WireCell } from "../../sessions/protocol.ts";
import type { GridColumn } from "../data/columns.ts";
import { timeValue } from "../data/format.ts";

/**
 * The editor over a data editor's cell, by the column's kind: a number input (min, max, step
 * from column_config), a select of a selectbox column's options, date / time inputs, else text.
 * Enter or leaving commits; Escape cancels; `typed` is the key that started the edit.
 */
export function CellEditor(props: { column: GridColumn; cell: WireCell; typed?: string | undefined; onCommit: (value: WireCell) => void; onCancel: () => void }): JSX.Element {
  let input: HTMLInputElement | HTMLSelectElement | undefined;
  let done = false;
  const options = () => props.column.config?.options ?? {};
  const kind = () => props.column.kind;
  const inputType = () => (kind() === "number" ? "number" : kind() === "date" ? "date" : kind() === "datetime" ? "datetime-local" : kind() === "time" ? "time" : "text");
  const finish = (commit: boolean) => {
    if (done || !input) return;
    done = true;
    if (commit) props.onCommit(parseValue(input.value, props.column));
    else props.onCancel();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      finish(true);
    } else if (event.key === "Escape") {
      event.preventDefault();
      finish(false);
    }
  };
  onMount(() => {
    input?.focus();
    if (input instanceof HTMLInputElement && props.typed === undefined && input.type === "text") input.select();
  });
  const common = {
    class: "cell-editor",
    "data-testid": "stDataFrameCellEditor",
    onKeyDown,
    onBlur: () => finish(true),
    onClick: (event: MouseEvent) => event.stopPropagation(),
    onDblClick: (event: MouseEvent) => event.stopPropagation(),
  };
  return (
    <Switch
      fallback={
        <input
          {...common}
          ref={(el) => (input = el)}
          type={inputType()}
          value={props.typed ?? editText(props.cell, props.column)}
          min={bound(options().min_value, props.column)}
          max={bound(options().max_value, props.column)}
          step={typeof options().step === "number" ? String(options().step) : kind() === "number" ? (props.column.wire.type === "integer" ? "1" : "any") : kind() === "time" || kind() === "datetime" ? "1" : undefined}
          maxLength={typeof options().max_chars === "number" ? (options().max_chars as number) : undefined}
          aria-label={`Edit ${props.column.label || props.column.name}`}
        />
      }
    >
      <Match when={kind() === "selectbox"}>
        <select {...common} ref={(el) => (input = el)} aria-label={`Edit ${props.column.label || props.column.name}`} onChange={() => finish(true)}>
          <option value="" selected={props.cell === null}>
            None
          </option>
          <For each={Array.isArray(options().options) ? (options().options as WireCell[]) : []}>
            {(option) => (
              <option value={String(option)} selected={String(option) === String(props.cell)}>
                {String(option)}
              </option>
            )}
          </For>
        </select>
      </Match>
    </Switch>
  );
}

/** A cell as the editor's input holds it. */
function editText(cell: WireCell, column: GridColumn): string {
  if (cell === null) return "";
  const ms = column.kind === "date" || column.kind === "datetime" || column.kind === "time" ? timeValue(cell, column.wire) : null;
  if (ms !== null) {
    const iso = new Date(ms).toISOString();
    return column.kind === "date" ? iso.slice(0, 10) : column.kind === "time" ? iso.slice(11, 19) : iso.slice(0, 19);
  }
  return typeof cell === "object" ? JSON.stringify(cell) : String(cell);
}

function bound(value: WireCell | undefined, column: GridColumn): string | undefined {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return column.kind === "datetime" ? value.slice(0, 19) : value;
  return undefined;
}

/**
 * The input's text as the edit dict's value: numbers clamped to min/max, integers rounded,
 * selectbox options in their own type, dates as ISO text (edits.ts), an empty field as None.
 */
function parseValue(text: string, column: GridColumn): WireCell {
  const options = column.config?.options ?? {};
  if (text === "" && column.kind !== "text" && column.kind !== "link") return null;
  switch (column.kind) {
    case "number": {
      let x = Number(text);
      if (!Number.isFinite(x)) return null;
      if (typeof options.min_value === "number") x = Math.max(options.min_value, x);
      if (typeof options.max_value === "number") x = Math.min(options.max_value, x);
      return column.wire.type === "integer" && !(typeof options.step === "number" && !Number.isInteger(options.step)) ? Math.round(x) : x;
    }
    case "selectbox": {
      const match = (Array.isArray(options.options) ? options.options : []).find((o) => String(o) === text);
      return match ?? text;
    }
    case "date":
      return text;
    case "datetime":
      return text.length === 16 ? `${text}:00` : text;
    case "time":
      return text.length === 5 ? `${text}:00` : text;
    default:
      return text;
  }
}
