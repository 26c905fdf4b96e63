import { For, type JSX } from "solid-js";
import type { LeafProps } from "../../sessions/protocol.ts";
import type { LeafElementProps } from "../types.ts";
import { sendWidgetValue } from "../widget.ts";

type FeedbackKind = LeafProps["feedback"]["options"];

/** The buttons of each kind, in screen order: their value and how they read. Thumbs show up first. */
const OPTIONS: Record<FeedbackKind, { value: number; label: string }[]> = {
  thumbs: [
    { value: 1, label: "Thumbs up" },
    { value: 0, label: "Thumbs down" },
  ],
  faces: ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"].map((label, value) => ({ value, label })),
  stars: [0, 1, 2, 3, 4].map((value) => ({ value, label: `${value + 1} out of 5 stars` })),
};

// Drawn here rather than taken from an icon font, which the first page load does without.
const THUMB_UP = "M2 10h3.5v11H2zm5.5 11V9.6l4.6-6.1c.9-1.1 2.7-.4 2.5 1l-.6 4.5h5.4c1.3 0 2.2 1.2 1.9 2.4l-1.9 7.3A3 3 0 0 1 16.5 21z";
/** A five-pointed star in a 24×24 box. */
const STAR_POINTS = Array.from({ length: 10 }, (_, i) => {
  const radius = i % 2 === 0 ? 10 : 4.2;
  const angle = (Math.PI / 5) * i - Math.PI / 2;
  return `${(12 + radius * Math.cos(angle)).toFixed(2)},${(12.8 + radius * Math.sin(angle)).toFixed(2)}`;
}).join(" ");

function FeedbackIcon(props: { kind: FeedbackKind; value: number }): JSX.Element {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      {props.kind === "stars" ? (
        <polygon class="feedback-star" points={STAR_POINTS} />
      ) : props.kind === "thumbs" ? (
        <path fill="currentColor" d={THUMB_UP} transform={props.value === 0 ? "rotate(180 12 12)" : undefined} />
      ) : (
        <g fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round">
          <circle cx="12" cy="12" r="9.2" />
          <circle cx="8.8" cy="9.8" r="0.6" fill="currentColor" />
          <circle cx="15.2" cy="9.8" r="0.6" fill="currentColor" />
          {/* The mouth bends from a frown (0) to a broad smile (4). */}
          <path d={`M8 15.4Q12 ${15.4 + (props.value - 2) * 1.6} 16 15.4`} />
        </g>
      )}
    </svg>
  );
}

/**
 * `st.feedback`: thumbs, faces or stars as a radio group. Clicking the chosen one clears
 * it; stars fill up to the chosen one. Sends the option's index, or null.
 */
export function Feedback(props: LeafElementProps<"feedback">): JSX.Element {
  const p = () => props.node.props;
  const options = () => OPTIONS[p().options] ?? OPTIONS.thumbs;
  const shownActive = (value: number) => p().index !== null && (p().options === "stars" ? value <= p().index! : value === p().index);
  const choose = (value: number) => sendWidgetValue(props, p().index === value ? null : value);
  const buttons: HTMLButtonElement[] = [];
  const onKeyDown = (event: KeyboardEvent, position: number) => {
    const count = options().length;
    const step = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    buttons[(position + step + count) % count]?.focus();
  };
  return (
    <div class="stFeedback" data-testid="stFeedback">
      <div class={`feedback feedback-${p().options}`} role="radiogroup" aria-label="Feedback rating">
        <For each={options()}>
          {(option, position) => (
            <button
              ref={(el) => (buttons[position()] = el)}
              type="button"
              role="radio"
              class="feedback-button"
              classList={{ active: shownActive(option.value) }}
              data-testid={shownActive(option.value) ? "stFeedbackButtonActive" : "stFeedbackButton"}
              aria-checked={p().index === option.value}
              aria-label={option.label}
              tabindex={p().index === option.value || (p().index === null && position() === 0) ? 0 : -1}
              disabled={p().disabled}
              onClick={() => choose(option.value)}
              onKeyDown={(event) => onKeyDown(event, position())}
            >
              <FeedbackIcon kind={p().options} value={option.value} />
            </button>
          )}
        </For>
      </div>
    </div>
  );
}
