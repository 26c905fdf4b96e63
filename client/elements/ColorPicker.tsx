import { createUniqueId, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import { hiddenLabel, sendWidgetValue } from "../widget.ts";
import { WidgetLabel } from "./parts.tsx";

/** `st.color_picker`: the browser's own colour picker behind a swatch; sends "#rrggbb" when it closes. */
export function ColorPicker(props: LeafElementProps<"color_picker">): JSX.Element {
  const inputId = createUniqueId();
  const p = () => props.node.props;
  return (
    <div class="stColorPicker" data-testid="stColorPicker">
      <WidgetLabel label={p().label} for={inputId} help={p().help} visibility={p().label_visibility} />
      <div class="color-picker-block" classList={{ disabled: p().disabled }} data-testid="stColorPickerBlock">
        <input
          id={inputId}
          type="color"
          value={p().value}
          disabled={p().disabled}
          aria-label={hiddenLabel(p())}
          onChange={(event) => {
            const color = event.currentTarget.value.toLowerCase();
            if (color !== p().value) sendWidgetValue(props, color);
          }}
        />
      </div>
    </div>
  );
}
