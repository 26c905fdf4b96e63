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
