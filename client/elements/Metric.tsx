import { Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import { HelpIcon, MarkdownHtml } from "./parts.tsx";

/**
 * `st.metric`: a label, a big value and, when given, the delta with an arrow. A leading "-"
 * makes the delta a decrease; "normal" shows increases green, "inverse" red, "off" gray.
 */
export function Metric(props: LeafElementProps<"metric">): JSX.Element {
  const p = () => props.node.props;
  const direction = () => {
    const delta = p().delta?.trim() ?? "";
    return delta === "" || delta === "0" ? "none" : delta.startsWith("-") ? "down" : "up";
  };
  const color = () => {
    if (direction() === "none" || p().delta_color === "off") return "gray";
    const good = (direction() === "up") === (p().delta_color === "normal");
    return good ? "green" : "red";
  };
  return (
    <div class="stMetric" classList={{ "metric-border": p().border }} data-testid="stMetric">
      <div class="metric-label" data-testid="stMetricLabel" data-visibility={p().label_visibility ?? "visible"}>
        <MarkdownHtml body={p().label} inline />
        <HelpIcon help={p().help} />
      </div>
      <div class="metric-value" data-testid="stMetricValue">
        {p().value}
      </div>
      <Show when={p().chart_data}>{(data) => <Sparkline data={data()} type={p().chart_type ?? "line"} color={color()} />}</Show>
      <Show when={p().delta}>
        {(delta) => (
          <div class={`metric-delta metric-delta-${color()}`} data-testid="stMetricDelta">
            <Show when={direction() !== "none"}>
              <svg
                class="metric-delta-icon"
                data-testid={direction() === "up" ? "stMetricDeltaIcon-Up" : "stMetricDeltaIcon-Down"}
                viewBox="0 0 24 24"
                width="18"
                height="18"
                aria-hidden="true"
              >
                <path fill="currentColor" d={direction() === "up" ? "M4 12l1.4 1.4L11 7.8V20h2V7.8l5.6 5.6L20 12l-8-8z" : "M20 12l-1.4-1.4-5.6 5.6V4h-2v12.2l-5.6-5.6L4 12l8 8z"} />
              </svg>
            </Show>
            <span>{delta()}</span>
          </div>
        )}
      </Show>
    </div>
  );
}

/** `st.metric(chart_data=...)`: a small line, area or bar chart in the delta's colour, drawn as SVG. */
function Sparkline(props: { data: (number | null)[]; type: "line" | "bar" | "area"; color: string }): JSX.Element {
  const width = 200;
  const height = 40;
  const geometry = () => {
    const values = props.data.map((v) => v ?? Number.NaN);
    const finite = values.filter(Number.isFinite);
    const min = Math.min(0, ...finite);
    const max = Math.max(...finite, min + 1e-9);
    const y = (v: number) => height - ((v - min) / (max - min)) * height;
    const x = (i: number) => (values.length <= 1 ? width / 2 : (i / (values.length - 1)) * width);
    const points = values.map((v, i) => (Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : null)).filter((p): p is string => p !== null);
    const barWidth = width / Math.max(1, values.length);
    const bars = values.map((v, i) => (Number.isFinite(v) ? { x: i * barWidth + barWidth * 0.1, y: y(Math.max(v, 0)), w: barWidth * 0.8, h: Math.abs(y(v) - y(0)) } : null));
    return { points, bars, zero: y(0) };
  };
  return (
    <svg class={`metric-chart metric-delta-${props.color}`} data-testid="stMetricChart" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" width="100%" height={height} aria-hidden="true">
      <Show
        when={props.type === "bar"}
        fallback={
          <>
            <Show when={props.type === "area"}>
              <polygon fill="currentColor" fill-opacity="0.2" points={`0,${geometry().zero} ${geometry().points.join(" ")} ${width},${geometry().zero}`} />
            </Show>
            <polyline fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke" points={geometry().points.join(" ")} />
          </>
        }
      >
        {geometry().bars.map((bar) => (bar ? <rect fill="currentColor" x={bar.x} y={bar.y} width={bar.w} height={bar.h} /> : null))}
      </Show>
    </svg>
  );
}

/** `st.badge`: Streamlit renders it as markdown, a coloured `stMarkdownBadge` span. */
export function Badge(props: LeafElementProps<"badge">): JSX.Element {
  const p = () => props.node.props;
  return (
    <div class="stMarkdown" data-testid="stMarkdown">
      <div data-testid="stMarkdownContainer">
        <p>
          <span class={`stMarkdownBadge stColor-${p().color} stColor-${p().color}-background`}>
            <Show when={p().icon}>{(icon) => <span class="badge-icon">{icon()}</span>}</Show>
            <MarkdownHtml body={p().label} inline />
          </span>
        </p>
      </div>
    </div>
  );
}
