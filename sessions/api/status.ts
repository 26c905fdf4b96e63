/** Elements that show progress while a script works: progress, spinner, status, toast, balloons, snow. */
import { currentContext } from "../engine/context.ts";
import { StreamlitAPIException } from "../errors.ts";
import type { BlockProps } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { cleanText } from "./text.ts";

export type StatusState = BlockProps["status"]["state"];

/** An `st.status` container: write into it, then `.update()` its label, state or expansion. */
export type StatusContainer = DeltaGenerator & {
  update(changes: { label?: string; state?: StatusState; expanded?: boolean }): void;
};

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** `value`: an integer 0-100 or a float 0.0-1.0. Call `.progress()` on the result to update it. */
    progress(value: number, options?: { text?: string }): DeltaGenerator;
    /** Shows `text` with a spinner while `work` runs, then removes it; returns what `work` returns. */
    spinner<R>(text: string, work: () => R | Promise<R>): Promise<R>;
    status(label: string, options?: { expanded?: boolean; state?: StatusState }): StatusContainer;
    /** A short message in the corner; call `.toast()` on the result to update it in place. */
    toast(body: string, options?: { icon?: string }): DeltaGenerator;
    balloons(): DeltaGenerator;
    snow(): DeltaGenerator;
  }
}

export const statusMethods = {
  progress(this: DeltaGenerator, value: number, options: { text?: string } = {}): DeltaGenerator {
    return this._leaf("progress", { value: progressPercent(value), ...(options.text !== undefined ? { text: cleanText(options.text) } : {}) });
  },

  async spinner<R>(this: DeltaGenerator, text: string, work: () => R | Promise<R>): Promise<R> {
    const ctx = currentContext("st.spinner");
    const target = this._target(ctx);
    const parent = ctx.run.containerOf(target);
    const slot = this._leaf("spinner", { text });
    const index = parent.nextIndex - 1;
    try {
      return await work();
    } finally {
      if (!ctx.run.isFinished) {
        slot.empty();
        // Transient, as in Streamlit: when nothing came after it, the next element takes its place.
        if (!("slot" in target) && parent.nextIndex === index + 1) parent.nextIndex = index;
      }
    }
  },

  status(this: DeltaGenerator, label: string, options: { expanded?: boolean; state?: StatusState } = {}): StatusContainer {
    let props: BlockProps["status"] = { label, state: options.state ?? "running", expanded: options.expanded ?? false };
    const ctx = currentContext("st.status");
    const path = ctx.run.nextPath(this._target(ctx));
    const container = this._block("status", props) as StatusContainer;
    container.update = (changes) => {
      props = { ...props, ...changes };
      const run = currentContext("st.status").run;
      run.checkpoint();
      run.session.put(path, { kind: "status", props, block: true, children: [] });
    };
    return container;
  },

  toast(this: DeltaGenerator, body: string, options: { icon?: string } = {}): DeltaGenerator {
    const nonce = currentContext("st.toast").run.id;
    return this._leaf("toast", { body: cleanText(body), ...(options.icon !== undefined ? { icon: options.icon } : {}), nonce });
  },

  balloons(this: DeltaGenerator): DeltaGenerator {
    return this._leaf("balloons", { nonce: currentContext("st.balloons").run.id });
  },

  snow(this: DeltaGenerator): DeltaGenerator {
    return this._leaf("snow", { nonce: currentContext("st.snow").run.id });
  },
};

function progressPercent(value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new StreamlitAPIException(`Progress Value has invalid type: ${typeof value}`);
  }
  // Streamlit reads integers as percents and floats as fractions; JS has one number type,
  // so 0 < value < 1 (or exactly 0.0/1.0 written as such) cannot be told apart: below 1 is a fraction.
  const percent = Number.isInteger(value) ? value : Math.round(value * 100);
  if (percent < 0 || percent > 100) {
    throw new StreamlitAPIException(`Progress Value has invalid value [0, 100]: ${value}`);
  }
  return percent;
}
