/**
 * Every chart (`st.line_chart`, `st.bar_chart`, ..., `st.vega_lite_chart`, `st.altair_chart`):
 * a Vega-Lite spec compiled and drawn with Vega, its data the element's table (the spec's
 * dataset "data"). Loaded on demand as its own chunk. The page's CSP has no 'unsafe-eval', so
 * Vega's expressions run through vega-interpreter, never through `new Function`. Rows added with
 * `.add_rows()` are inserted into the live view, so the chart grows instead of redrawing.
 */
import { createEffect, createSignal, on, onCleanup, onMount, Show, type JSX } from "solid-js";
import { unwrap } from "solid-js/store";
import { changeset, parse, truthy, View, type Spec } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { expressionInterpreter } from "vega-interpreter";
import type { WireCell, WireTable } from "../../sessions/protocol.ts";
import type { LeafElementProps } from "../types.ts";
import { plainConfig, readTheme, resolveNamedColors, streamlitConfig } from "./chartTheme.ts";
import "./VegaChart.css";

/** The dataset the session's table fills (sessions/api/charts.ts names it so). */
const DATA = "data";
/** Streamlit's name for the index as a field of a `st.vega_lite_chart`'s rows. */
const INDEX_FIELD = "(index)";
/** A built-in chart's height when the script gives none: Vega-Lite's continuous height in Streamlit's theme. */
const DEFAULT_HEIGHT = 350;
const BOTTOM_PADDING = 20;

type Row = Record<string, unknown>;

/** Rows `from` to the end of a table, as objects keyed by column (plus the index for a spec the user wrote). */
export function tableRows(table: WireTable, from = 0, withIndex = false): Row[] {
  const count = table.data[0]?.length ?? table.index_data?.length ?? 0;
  const numeric = table.columns.map((c) => c.type === "number" || c.type === "integer" || c.type === "datetime" || c.type === "date");
  const rows: Row[] = [];
  for (let r = from; r < count; r++) {
    const row: Row = {};
    if (withIndex) row[INDEX_FIELD] = table.index_data ? cell(table.index_data[r] ?? null, true) : r;
    for (let c = 0; c < table.columns.length; c++) row[table.columns[c]!.name] = cell(table.data[c]?.[r] ?? null, numeric[c]!);
    rows.push(row);
  }
  return rows;
}

/** A wire cell as Vega wants it: datetimes stay epoch milliseconds, "inf" in a number column is Infinity. */
function cell(value: WireCell, numeric: boolean): unknown {
  if (numeric && typeof value === "string") return value === "inf" ? Infinity : value === "-inf" ? -Infinity : value;
  return value;
}

/** What a drawn view holds, to tell an append (add_rows) from new data. */
interface Shown {
  view: View;
  hasData: boolean;
  rows: number;
  columns: string[];
  /** The first and last rows inserted, to check that new data starts with them. */
  first?: WireCell[];
  last?: WireCell[];
}

export function VegaChart(props: LeafElementProps<"vega_lite_chart">): JSX.Element {
  let root!: HTMLDivElement;
  let target!: HTMLDivElement;
  const [error, setError] = createSignal<string | null>(null);
  const [containerWidth, setContainerWidth] = createSignal(0);
  const [themeTick, setThemeTick] = createSignal(0);
  let shown: Shown | undefined;
  let building = 0;

  const p = () => props.node.props;
  const stretch = () => p().width === "stretch" || p().use_container_width === true;

  onMount(() => {
    setContainerWidth(Math.floor(root.clientWidth));
    const resize = new ResizeObserver(() => {
      const width = Math.floor(root.clientWidth);
      if (width > 0 && width !== containerWidth()) setContainerWidth(width);
    });
    resize.observe(root);
    // The viewer switching light/dark (client/theme.ts rewrites <html>'s variables) redraws in the new colours.
    const themeChange = new MutationObserver(() => setThemeTick((t) => t + 1));
    themeChange.observe(document.documentElement, { attributes: true, attributeFilter: ["style", "data-st-theme", "class"] });
    const scheme = matchMedia("(prefers-color-scheme: dark)");
    const onScheme = () => setThemeTick((t) => t + 1);
    scheme.addEventListener("change", onScheme);
    onCleanup(() => {
      resize.disconnect();
      themeChange.disconnect();
      scheme.removeEventListener("change", onScheme);
      shown?.view.finalize();
      shown = undefined;
    });
  });

  /** Draws the chart anew: the spec, its look, its size or the theme changed. */
  const build = async (): Promise<void> => {
    const ticket = ++building;
    const { spec: specText, theme, chart_type, width, height } = p();
    const table = unwrap(p().table);
    try {
      const theme_ = readTheme(root);
      let spec = JSON.parse(specText) as Record<string, unknown>;
      if (typeof spec !== "object" || spec === null || Array.isArray(spec)) throw new Error("The chart's spec is not a Vega-Lite spec object.");
      spec = resolveNamedColors(spec, theme_) as Record<string, unknown>;
      const usermetaTheme = (spec.usermeta as { embedOptions?: { theme?: unknown } } | undefined)?.embedOptions?.theme;
      spec.config = theme === null && usermetaTheme !== "streamlit" ? plainConfig(theme_, spec.config) : streamlitConfig(theme_, spec.config);
      const available = containerWidth() || root.clientWidth;
      const fixed = typeof width === "number" ? Math.min(width, available || width) : undefined;
      const chartWidth = stretch() ? available : fixed;
      if (chartWidth) {
        spec.width = chartWidth;
        if (Array.isArray(spec.vconcat)) for (const child of spec.vconcat as Row[]) child.width = chartWidth;
      }
      if (height !== undefined) spec.height = height;
      else if (chart_type && spec.height === undefined) spec.height = DEFAULT_HEIGHT;
      const padding = (typeof spec.padding === "object" && spec.padding !== null ? spec.padding : typeof spec.padding === "number" ? { top: spec.padding, left: spec.padding, right: spec.padding, bottom: spec.padding } : {}) as Row;
      if (padding.bottom === undefined) padding.bottom = BOTTOM_PADDING;
      spec.padding = padding;

      const vega = compile(spec as unknown as TopLevelSpec).spec as Spec;
      const runtime = parse(vega, undefined, { ast: true });
      if (ticket !== building) return;
      shown?.view.finalize();
      shown = undefined;
      target.replaceChildren();
      const view = new View(runtime, { expr: expressionInterpreter, renderer: "svg", container: target, hover: true });
      const hasData = (vega.data ?? []).some((d) => d.name === DATA);
      const next: Shown = { view, hasData, rows: 0, columns: [] };
      insertRows(next, table, true);
      shown = next;
      await view.runAsync();
      if (ticket === building) setError(null);
    } catch (e) {
      if (ticket !== building) return;
      shown?.view.finalize();
      shown = undefined;
      target.replaceChildren();
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  /** Puts the table's rows into the view: only the new ones when the table grew by an append. */
  const insertRows = (state: Shown, table: WireTable, fresh: boolean): void => {
    if (!state.hasData) return;
    const withIndex = !p().chart_type;
    const count = table.data[0]?.length ?? 0;
    const columns = table.columns.map((c) => c.name);
    const row = (r: number) => table.data.map((column) => column[r] ?? null);
    const appended =
      !fresh &&
      count >= state.rows &&
      state.rows > 0 &&
      sameCells(columns, state.columns) &&
      sameCells(row(0), state.first) &&
      sameCells(row(state.rows - 1), state.last);
    if (fresh || state.rows === 0) {
      if (!fresh) state.view.change(DATA, changeset().remove(truthy).insert(tableRows(table, 0, withIndex)));
      else state.view.insert(DATA, tableRows(table, 0, withIndex));
    } else if (appended) {
      if (count > state.rows) state.view.insert(DATA, tableRows(table, state.rows, withIndex));
    } else {
      state.view.change(DATA, changeset().remove(truthy).insert(tableRows(table, 0, withIndex)));
    }
    state.rows = count;
    state.columns = columns;
    state.first = count > 0 ? row(0) : undefined;
    state.last = count > 0 ? row(count - 1) : undefined;
  };

  // A new view when the spec, the look or the size changes.
  createEffect(
    on(
      () => [p().spec, p().theme, p().chart_type, p().width, p().height, p().use_container_width, themeTick(), stretch() || typeof p().width === "number" ? containerWidth() : 0],
      () => void build(),
    ),
  );

  // New rows with the same spec: into the live view (add_rows grows it, new data replaces it).
  createEffect(
    on(
      () => p().table.id,
      () => {
        const state = shown;
        if (!state) return;
        try {
          insertRows(state, unwrap(p().table), false);
          void state.view.runAsync();
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        }
      },
      { defer: true },
    ),
  );

  return (
    <div ref={root} class="stVegaLiteChart" classList={{ stretch: stretch() }} data-testid="stVegaLiteChart">
      <Show when={error()}>
        {(message) => (
          <div class="stAlert chart-error" data-testid="stAlert">
            <div class="alert alert-error" data-testid="stAlertContainer" data-kind="error" role="alert">
              <div class="alert-content" data-testid="stAlertContentError">
                <strong>This chart could not be drawn.</strong> {message()}
              </div>
            </div>
          </div>
        )}
      </Show>
      <div ref={target} class="chart-view" />
    </div>
  );
}

function sameCells(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  return true;
}
