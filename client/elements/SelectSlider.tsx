import { createUniqueId, Index, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import { createThumbs, hiddenLabel, sendWidgetValue } from "../widget.ts";
import { WidgetLabel } from "./parts.tsx";

/**
 * `st.select_slider`: a slider over option indexes, showing the options' labels. Like
 * Streamlit, it is an `stSlider` in the DOM. Dragging moves it locally; the value is sent
 * on release: an index, or [low, high] for a range.
 */
export function SelectSlider(props: LeafElementProps<"select_slider">): JSX.Element {
  const inputId = createUniqueId();
  const p = () => props.node.props;
  const thumbs = createThumbs(() => p().value);

  const last = () => Math.max(0, p().options.length - 1);
  const values = thumbs.values;
  const isRange = () => p().value.length === 2;
  const percent = (index: number) => (last() === 0 ? 0 : (index / last()) * 100);
  const label = (index: number) => p().options[index] ?? "";

  /** Moves thumb `thumb` without letting the two thumbs cross. */
  const moved = (thumb: number, index: number): number[] => {
    if (!isRange()) return [index];
    const [low = index, high = index] = values();
    return thumb === 0 ? [Math.min(index, high), high] : [low, Math.max(index, low)];
  };
  const release = (next: number[]) => {
    thumbs.sent(next);
    sendWidgetValue(props, isRange() ? next : (next[0] ?? 0));
  };
  const fill = () => {
    const [low = 0, high = low] = values();
    return isRange() ? [percent(low), percent(high)] : [0, percent(low)];
  };

  return (
    <div class="stSlider stSelectSlider" data-testid="stSlider">
      <WidgetLabel label={p().label} for={inputId} help={p().help} visibility={p().label_visibility} />
      <div
        class="slider"
        classList={{ disabled: p().disabled }}
        style={{ "--slider-low": `${fill()[0]}%`, "--slider-high": `${fill()[1]}%` }}
      >
        <div class="slider-values">
          <Index each={values()}>
            {(index) => (
              <span class="slider-thumb-value" data-testid="stSliderThumbValue" style={{ left: `${percent(index())}%` }}>
                {label(index())}
              </span>
            )}
          </Index>
        </div>
        <div class="slider-track">
          <Index each={values()}>
            {(index, thumb) => (
              <input
                id={thumb === 0 ? inputId : undefined}
                type="range"
                role="slider"
                min={0}
                max={last()}
                step={1}
                value={index()}
                disabled={p().disabled}
                aria-label={hiddenLabel(p()) ?? (isRange() ? `${p().label} ${thumb === 0 ? "low" : "high"}` : undefined)}
                aria-valuetext={label(index())}
                onInput={(event) => {
                  const next = moved(thumb, Number(event.currentTarget.value));
                  // Solid skips rewriting an unchanged value, so undo a crossing thumb here.
                  event.currentTarget.value = String(next[thumb] ?? index());
                  thumbs.move(next);
                }}
                onChange={(event) => release(moved(thumb, Number(event.currentTarget.value)))}
              />
            )}
          </Index>
        </div>
        <div class="slider-ticks" data-testid="stSliderTickBar">
          <span data-testid="stSliderTickBarMin">{label(0)}</span>
          <span data-testid="stSliderTickBarMax">{label(last())}</span>
        </div>
      </div>
    </div>
  );
}
