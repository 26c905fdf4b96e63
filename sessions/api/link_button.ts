/** st.link_button: a button that opens a URL in a new tab; it sends nothing back to the session. */
import { StreamlitAPIException, StreamlitValueError } from "../errors.ts";
import type { ButtonType } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";

export interface LinkButtonOptions {
  help?: string;
  type?: ButtonType;
  icon?: string;
  disabled?: boolean;
  use_container_width?: boolean;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** A link styled as a button. Only http(s), mailto and tel URLs and paths are allowed: apps share the platform's origin. */
    link_button(label: string, url: string, options?: LinkButtonOptions): DeltaGenerator;
  }
}

const BUTTON_TYPES: readonly string[] = ["primary", "secondary", "tertiary"];
/** Schemes that would run code or load content in the platform's origin. */
const UNSAFE_URL = /^\s*(?:javascript|data|vbscript|blob|file):/i;

export const linkButtonMethods = {
  link_button(this: DeltaGenerator, label: string, url: string, options: LinkButtonOptions = {}): DeltaGenerator {
    const type = options.type ?? "secondary";
    if (!BUTTON_TYPES.includes(type)) throw new StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"]);
    if (typeof url !== "string" || UNSAFE_URL.test(url.replace(/[\u0000-\u001f]/g, ""))) {
      throw new StreamlitAPIException(`st.link_button cannot open ${JSON.stringify(String(url).slice(0, 60))}: use an http(s), mailto or tel URL, or a path.`);
    }
    return this._leaf("link_button", {
      label: String(label),
      url,
      type,
      ...(options.help !== undefined ? { help: options.help } : {}),
      ...(options.disabled ? { disabled: true } : {}),
      ...(options.icon ? { icon: options.icon } : {}),
      ...(options.use_container_width ? { use_container_width: true } : {}),
    });
  },
};
