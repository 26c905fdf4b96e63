import { createUniqueId, Index, type JSX } from "solid-js";
import { formatNumber } from "../format.ts";
import type { LeafElementProps } from "../types.ts";
import { createThumbs, hiddenLabel, sendWidgetValue } from "../widget.ts";
import { WidgetLabel } from "./parts.tsx";

/**
 * `st.slider`: one thumb, or two for a range. Dragging only moves it locally; the value
 * is sent on release, as a number (one thumb) or [low, high] (a range).
 */
export function Slider(props: LeafElementProps<"slider">): JSX.Element {
  const inputId = createUniqueId();
  const p = () => props.node.props;
  const thumbs = createThumbs(() => p().value);

  const values = thumbs.values;
  const isRange = () => p().value.length === 2;
  const percent = (value: number) => (p().max === p().min ? 0 : ((value - p().min) / (p().max - p().min)) * 100);
  const label = (value: number) => formatNumber(value, p().format, p().int);

  /** Moves thumb `thumb` without letting the two thumbs cross. */
  const moved = (thumb: number, value: number): number[] => {
    if (!isRange()) return [value];
    const [low = value, high = value] = values();
    return thumb === 0 ? [Math.min(value, high), high] : [low, Math.max(value, low)];
  };
  const release = (next: number[]) => {
    thumbs.sent(next);
    sendWidgetValue(props, isRange() ? next : (next[0] ?? p().min));
  };
  const fill = () => {
    const [low = p().min, high = low] = values();
    return isRange() ? [percent(low), percent(high)] : [0, percent(low)];
  };

  return (
    <div class="stSlider" data-testid="stSlider">
      <WidgetLabel label={p().label} for={inputId} help={p().help} visibility={p().label_visibility} />
      <div
        class="slider"
        classList={{ disabled: p().disabled }}
        style={{
          "--slider-low": `${fill()[0]}%`,
          "--slider-high": `${fill()[1]}%`,
        }}
      >
        <div class="slider-values">
          <Index each={values()}>
            {(value) => (
              <span class="slider-thumb-value" data-testid="stSliderThumbValue" style={{ left: `${percent(value())}%` }}>
                {label(value())}
              </span>
            )}
          </Index>
        </div>
        <div class="slider-track">
          <Index each={values()}>
            {(value, thumb) => (
              <input
                id={thumb === 0 ? inputId : undefined}
                type="range"
                role="slider"
                min={p().min}
                max={p().max}
                step={p().step}
                value={value()}
                disabled={p().disabled}
                aria-label={hiddenLabel(p()) ?? (isRange() ? `${p().label} ${thumb === 0 ? "low" : "high"}` : undefined)}
                aria-valuetext={label(value())}
                onInput={(event) => {
                  const next = moved(thumb, Number(event.currentTarget.value));
                  // Solid skips rewriting an unchanged value, so undo a crossing thumb here.
                  event.currentTarget.value = String(next[thumb] ?? value());
                  thumbs.move(next);
                }}
                onChange={(event) => release(moved(thumb, Number(event.currentTarget.value)))}
              />
            )}
          </Index>
        </div>
        <div class="slider-ticks" data-testid="stSliderTickBar">
          <span data-testid="stSliderTickBarMin">{label(p().min)}</span>
          <span data-testid="stSliderTickBarMax">{label(p().max)}</span>
        </div>
      </div>
    </div>
  );
}
