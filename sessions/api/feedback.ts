/** st.feedback: thumbs, faces or stars; the index of the one chosen, or null. */
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import { StreamlitValueError, StreamlitValueOutOfRangeError } from "../errors.ts";
import type { LeafProps } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { isOptionIndex } from "./options.ts";
import { callbackOf, identityOf, showWidget, type OnChange } from "./widget.ts";

export type FeedbackKind = LeafProps["feedback"]["options"];

export interface FeedbackOptions extends OnChange {
  key?: string;
  /** The index selected at first, or null (default) for none. */
  default?: number | null;
  disabled?: boolean;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** Thumbs: 1 is thumbs up, 0 thumbs down. Faces and stars: 0 (worst) to 4 (best). Null until chosen. */
    feedback(options?: "thumbs", settings?: FeedbackOptions): 0 | 1 | null;
    feedback(options: "faces" | "stars", settings?: FeedbackOptions): 0 | 1 | 2 | 3 | 4 | null;
  }
}

const OPTION_COUNT: Record<FeedbackKind, number> = { thumbs: 2, faces: 5, stars: 5 };

defineWidgetKind({
  kind: "feedback",
  validate: (wire, props) => {
    const count = OPTION_COUNT[props.options];
    return wire === null || isOptionIndex(wire, count) ? null : `Expected an index below ${count}, or null.`;
  },
});

export const feedbackMethods = {
  feedback(this: DeltaGenerator, options: FeedbackKind = "thumbs", settings: FeedbackOptions = {}): any {
    if (!Object.hasOwn(OPTION_COUNT, options)) throw new StreamlitValueError("options", ["'thumbs'", "'faces'", "'stars'"]);
    const count = OPTION_COUNT[options];
    const initial = settings.default ?? null;
    if (initial !== null && !isOptionIndex(initial, count)) throw new StreamlitValueOutOfRangeError("default", initial, 0, count - 1);
    return showWidget(this, {
      kind: "feedback",
      key: settings.key,
      identity: identityOf("", settings, { options }),
      defaultValue: initial,
      props: (wire) => ({
        label: "",
        ...(settings.disabled ? { disabled: true } : {}),
        options,
        index: typeof wire === "number" ? wire : null,
      }),
      toWire: (value) =>
        value === null || isOptionIndex(value, count) ? value : invalidStateValue("st.feedback", value, `expected an index below ${count}, or null`),
      fromWire: (wire) => (typeof wire === "number" ? wire : null),
      callback: callbackOf(settings.on_change, settings.args, settings.kwargs),
    });
  },
};
