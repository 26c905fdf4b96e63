/** st.popover: a button that opens a panel holding whatever the script writes into it. */
import { StreamlitMissingRequiredParameterError } from "../errors.ts";
import type { DeltaGenerator } from "./delta_generator.ts";

export interface PopoverOptions {
  help?: string;
  icon?: string;
  disabled?: boolean;
  use_container_width?: boolean;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** A popover: write into the container it returns. Opening and closing it stays in the browser. */
    popover(label: string, options?: PopoverOptions): DeltaGenerator;
  }
}

export const popoverMethods = {
  popover(this: DeltaGenerator, label: string, options: PopoverOptions = {}): DeltaGenerator {
    if (label === null || label === undefined) throw new StreamlitMissingRequiredParameterError("label");
    return this._block("popover", {
      label: String(label),
      ...(options.help !== undefined ? { help: options.help } : {}),
      ...(options.icon ? { icon: options.icon } : {}),
      ...(options.disabled ? { disabled: true } : {}),
      ...(options.use_container_width ? { use_container_width: true } : {}),
    });
  },
};
