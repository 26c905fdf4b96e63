/** Status boxes (success, info, warning, error) and st.exception. */
import { exceptionProps } from "../errors.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { cleanText } from "./text.ts";

export interface AlertOptions {
  icon?: string;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    success(body: unknown, options?: AlertOptions): DeltaGenerator;
    info(body: unknown, options?: AlertOptions): DeltaGenerator;
    warning(body: unknown, options?: AlertOptions): DeltaGenerator;
    error(body: unknown, options?: AlertOptions): DeltaGenerator;
    exception(error: unknown): DeltaGenerator;
  }
}

function alertProps(body: unknown, options: AlertOptions) {
  return { body: cleanText(body), ...(options.icon !== undefined ? { icon: options.icon } : {}) };
}

export const alertMethods = {
  success(this: DeltaGenerator, body: unknown, options: AlertOptions = {}): DeltaGenerator {
    return this._leaf("success", alertProps(body, options));
  },
  info(this: DeltaGenerator, body: unknown, options: AlertOptions = {}): DeltaGenerator {
    return this._leaf("info", alertProps(body, options));
  },
  warning(this: DeltaGenerator, body: unknown, options: AlertOptions = {}): DeltaGenerator {
    return this._leaf("warning", alertProps(body, options));
  },
  error(this: DeltaGenerator, body: unknown, options: AlertOptions = {}): DeltaGenerator {
    return this._leaf("error", alertProps(body, options));
  },
  exception(this: DeltaGenerator, error: unknown): DeltaGenerator {
    return this._leaf("exception", exceptionProps(error));
  },
};
