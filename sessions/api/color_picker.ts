/** st.color_picker: a colour as a hex string. */
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import { StreamlitAPIException, StreamlitInvalidParameterTypeError } from "../errors.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { baseProps, callbackOf, identityOf, showWidget, type OnChange, type WidgetOptions } from "./widget.ts";

export interface ColorPickerOptions extends WidgetOptions, OnChange {
  /** The colour shown first, "#rrggbb" or "#rgb". Default "#000000". */
  value?: string | null;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /**
     * A colour picker. Returns the colour as a lowercase "#rrggbb" string (a "#rgb" value is
     * expanded), where Streamlit hands back the default exactly as it was written.
     */
    color_picker(label: string, options?: ColorPickerOptions): string;
  }
}

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;
const WIRE_COLOR = /^#[0-9a-fA-F]{6}$/;

defineWidgetKind({
  kind: "color_picker",
  validate: (wire) => (typeof wire === "string" && WIRE_COLOR.test(wire) ? null : 'Expected a colour as "#rrggbb".'),
});

export const colorPickerMethods = {
  color_picker(this: DeltaGenerator, label: string, options: ColorPickerOptions = {}): string {
    const given = options.value ?? "#000000";
    if (typeof given !== "string") {
      throw new StreamlitInvalidParameterTypeError("value", typeof given, ["str"], "Pass a hex string like `'#00FFAA'` or `'#000'`.");
    }
    if (!HEX_COLOR.test(given)) {
      throw new StreamlitAPIException(`'${given}' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.`);
    }
    return showWidget(this, {
      kind: "color_picker",
      key: options.key,
      identity: identityOf(label, options, { value: String(options.value ?? null) }),
      defaultValue: normalizeColor(given),
      props: (wire) => ({ ...baseProps(label, options), value: normalizeColor(String(wire)) }),
      toWire: (value) =>
        typeof value === "string" && HEX_COLOR.test(value) ? normalizeColor(value) : invalidStateValue("st.color_picker", value, "expected a hex colour like '#00FFAA'"),
      fromWire: (wire) => normalizeColor(String(wire)),
      callback: callbackOf(options.on_change, options.args, options.kwargs),
    });
  },
};

/** "#ABC" → "#aabbcc": the one form the browser's colour input takes. */
function normalizeColor(hex: string): string {
  const digits = hex.slice(1).toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits}`;
}
