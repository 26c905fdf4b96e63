import { For, Match, Show, Switch, type JSX } from "solid-js";
import type { WireCell } from "../../sessions/protocol.ts";
import type { GridColumn } from "../data/columns.ts";
import { displayText, formatNumber } from "../data/format.ts";

/**
 * What a grid cell shows for its column's kind (`st.column_config`): text, a checkbox, a link,
 * a progress bar, an image, chips for a list, a sparkline for a list of numbers. `undefined`
 * is a row still on its way from the session.
 */
export function CellContent(props: { column: GridColumn; cell: WireCell | undefined; onToggle?: (() => void) | undefined }): JSX.Element {
  const kind = () => props.column.kind;
  const options = () => props.column.config?.options ?? {};
  return (
    <Switch fallback={<span class="cell-text">{displayText(props.cell, props.column.wire, props.column.config)}</span>}>
      <Match when={props.cell === undefined}>
        <span class="cell-loading" />
      </Match>
      <Match when={props.cell === null && kind() !== "checkbox"}>
        <span class="cell-none">None</span>
      </Match>
      <Match when={kind() === "checkbox"}>
        <input
          type="checkbox"
          class="cell-checkbox"
          checked={props.cell === true}
          disabled={!props.onToggle}
          tabindex="-1"
          aria-label={props.column.label || props.column.name}
          onClick={(event) => {
            event.preventDefault();
            props.onToggle?.();
          }}
        />
      </Match>
      <Match when={kind() === "link" && typeof props.cell === "string"}>
        <a class="cell-link" href={safeUrl(props.cell as string)} target="_blank" rel="noopener noreferrer" onClick={(event) => event.stopPropagation()}>
          {linkText(props.cell as string, options().display_text)}
        </a>
      </Match>
      <Match when={kind() === "progress" && typeof props.cell === "number"}>
        <Progress value={props.cell as number} min={numberOr(options().min_value, 0)} max={numberOr(options().max_value, 100)} format={typeof options().format === "string" ? (options().format as string) : undefined} />
      </Match>
      <Match when={kind() === "image" && typeof props.cell === "string"}>
        <img class="cell-image" src={safeUrl(props.cell as string)} alt="" loading="lazy" />
      </Match>
      <Match when={kind() === "list"}>
        <span class="cell-chips">
          <For each={listOf(props.cell)}>{(item) => <span class="cell-chip">{typeof item === "string" ? item : JSON.stringify(item)}</span>}</For>
        </span>
      </Match>
      <Match when={kind() === "line_chart" || kind() === "bar_chart" || kind() === "area_chart"}>
        <Sparkline values={listOf(props.cell).map(Number)} kind={kind() as "line_chart"} min={options().y_min} max={options().y_max} />
      </Match>
    </Switch>
  );
}

function Progress(props: { value: number; min: number; max: number; format: string | undefined }): JSX.Element {
  const fraction = () => (props.max === props.min ? 0 : Math.min(1, Math.max(0, (props.value - props.min) / (props.max - props.min))));
  return (
    <span class="cell-progress" role="progressbar" aria-valuenow={props.value} aria-valuemin={props.min} aria-valuemax={props.max}>
      <span class="cell-progress-track">
        <span class="cell-progress-bar" style={{ width: `${fraction() * 100}%` }} />
      </span>
      <span class="cell-progress-text">{props.format ? formatNumber(props.value, props.format) : String(Number(props.value.toFixed(2)))}</span>
    </span>
  );
}

/** A tiny chart of a list of numbers, scaled to y_min / y_max or to its own range. */
function Sparkline(props: { values: number[]; kind: "line_chart" | "bar_chart" | "area_chart"; min: WireCell | undefined; max: WireCell | undefined }): JSX.Element {
  const W = 100;
  const H = 24;
  const finite = () => props.values.filter(Number.isFinite);
  const lo = () => (typeof props.min === "number" ? props.min : Math.min(0, ...finite()));
  const hi = () => (typeof props.max === "number" ? props.max : Math.max(...finite(), lo() + 1));
  const y = (v: number) => H - 1 - ((Math.min(hi(), Math.max(lo(), v)) - lo()) / (hi() - lo() || 1)) * (H - 2);
  const x = (i: number) => (props.values.length <= 1 ? W / 2 : (i / (props.values.length - 1)) * W);
  const line = () => props.values.map((v, i) => `${x(i).toFixed(1)},${y(Number.isFinite(v) ? v : lo()).toFixed(1)}`).join(" ");
  return (
    <svg class="cell-sparkline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={props.values.join(", ")}>
      <Show
        when={props.kind === "bar_chart"}
        fallback={
          <>
            <Show when={props.kind === "area_chart"}>
              <polygon points={`0,${H} ${line()} ${W},${H}`} class="spark-area" />
            </Show>
            <polyline points={line()} class="spark-line" fill="none" vector-effect="non-scaling-stroke" />
          </>
        }
      >
        <For each={props.values}>
          {(v, i) => {
            const w = W / Math.max(1, props.values.length);
            return <rect class="spark-bar" x={i() * w + w * 0.1} width={w * 0.8} y={y(v)} height={Math.max(0, H - y(v))} />;
          }}
        </For>
      </Show>
    </svg>
  );
}

function listOf(cell: WireCell | undefined): WireCell[] {
  if (Array.isArray(cell)) return cell;
  if (typeof cell === "string" && cell.startsWith("[")) {
    try {
      const parsed = JSON.parse(cell) as unknown;
      if (Array.isArray(parsed)) return parsed as WireCell[];
    } catch {
      // shown as one item below
    }
  }
  return cell === null || cell === undefined ? [] : [cell];
}

/** A link's text: `display_text`, or its first capture group matched against the URL (Streamlit's regex form). */
function linkText(url: string, display: WireCell | undefined): string {
  if (typeof display !== "string") return url;
  if (display.includes("(")) {
    try {
      const match = new RegExp(display).exec(url);
      if (match?.[1] !== undefined) return match[1];
    } catch {
      // not a regex: the text itself
    }
  }
  return display;
}

/** Only web links and data images, never javascript: URLs from a table's cells. */
function safeUrl(url: string): string {
  return /^(https?:|mailto:|data:image\/|\/|\.|#)/i.test(url.trim()) || !/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) ? url : "about:blank";
}

function numberOr(value: WireCell | undefined, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}
