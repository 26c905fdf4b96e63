import { createEffect, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";

/**
 * `st.balloons` and `st.snow`, loaded on first use. Each new `nonce` plays the animation
 * once, over the page (it never takes clicks), in its own layer: it finishes even when
 * the element leaves the page, and leaves nothing behind.
 */
export function Balloons(props: LeafElementProps<"balloons">): JSX.Element {
  createEffect(() => celebrate("balloons", props.node.props.nonce));
  return null;
}

export function Snow(props: LeafElementProps<"snow">): JSX.Element {
  createEffect(() => celebrate("snow", props.node.props.nonce));
  return null;
}

const DURATION_MS = 3000;
const EFFECTS = {
  balloons: { testid: "stBalloons", className: "stBalloons", count: 24 },
  snow: { testid: "stSnow", className: "stSnow", count: 60 },
} as const;
const BALLOON_COLORS = ["#ff4b4b", "#ffa421", "#ffe312", "#21c354", "#1c83e1", "#803df5", "#ff8ec8"];

/** A balloon drawn in SVG (no emoji font needed): body, knot, highlight and string. */
function balloon(color: string): string {
  return (
    `<svg viewBox="0 0 40 72" width="1em" height="1.8em">` +
    `<path d="M20 70q-5-10 0-22" stroke="#8a8d99" stroke-width="1" fill="none"/>` +
    `<path d="M16.5 48h7l-3.5-5z" fill="${color}"/>` +
    `<ellipse cx="20" cy="22" rx="17" ry="21" fill="${color}"/>` +
    `<ellipse cx="13" cy="13" rx="4" ry="6.5" fill="#fff" opacity=".35"/></svg>`
  );
}

/** Nonces already played, so a remounted element (or a snapshot) does not replay them. */
const played = new Set<string>();

function celebrate(kind: keyof typeof EFFECTS, nonce: number): void {
  const key = `${kind}:${nonce}`;
  if (played.has(key)) return;
  played.add(key);
  injectStyle();
  const effect = EFFECTS[kind];
  const layer = document.createElement("div");
  layer.className = `celebration ${effect.className}`;
  layer.dataset.testid = effect.testid;
  layer.setAttribute("aria-hidden", "true");
  for (let i = 0; i < effect.count; i++) {
    const item = document.createElement("span");
    item.className = "celebration-item";
    if (kind === "balloons") item.innerHTML = balloon(BALLOON_COLORS[i % BALLOON_COLORS.length]!);
    else item.textContent = "❄";
    const size = kind === "balloons" ? 2.5 + Math.random() * 2 : 0.75 + Math.random() * 1.25;
    // Each item ends within DURATION_MS: its delay plus its own run.
    const run = kind === "balloons" ? 1400 + Math.random() * 900 : 1800 + Math.random() * 900;
    const delay = Math.random() * (DURATION_MS - run);
    item.style.cssText =
      `left:${(Math.random() * 96).toFixed(1)}%;font-size:${size.toFixed(2)}rem;` +
      `animation-duration:${run.toFixed(0)}ms;animation-delay:${delay.toFixed(0)}ms;` +
      `--drift:${((Math.random() - 0.5) * 12).toFixed(1)}vw`;
    layer.append(item);
  }
  document.body.append(layer);
  setTimeout(() => layer.remove(), DURATION_MS + 100);
}

let styled = false;
function injectStyle(): void {
  if (styled) return;
  styled = true;
  const style = document.createElement("style");
  style.textContent = `
.celebration{position:fixed;inset:0;z-index:1000;overflow:hidden;pointer-events:none}
.celebration-item{position:absolute;line-height:1;will-change:transform;animation-timing-function:linear;animation-fill-mode:both}
.stBalloons .celebration-item{bottom:0;animation-name:st-balloon-rise;animation-timing-function:ease-in}
.stSnow .celebration-item{top:0;color:#a7d7f9;text-shadow:0 0 2px #5ba4d8;animation-name:st-snow-fall}
@keyframes st-balloon-rise{from{transform:translate(0,110%)}to{transform:translate(var(--drift),-110vh)}}
@keyframes st-snow-fall{from{transform:translate(0,-110%) rotate(0)}to{transform:translate(var(--drift),105vh) rotate(180deg)}}`;
  document.head.append(style);
}
