/** Layout: st.container, st.columns, st.tabs, st.expander and st.empty. */
import { StreamlitAPIException } from "../errors.ts";
import type { DeltaGenerator } from "./delta_generator.ts";

export interface ContainerOptions {
  border?: boolean;
  height?: number;
}
export interface ColumnsOptions {
  gap?: "small" | "medium" | "large";
  vertical_alignment?: "top" | "center" | "bottom";
}

/** `columns(3)` gives exactly three columns, so `const [a, b, c] = st.columns(3)` needs no checks. */
type Repeat<T, N extends number, Acc extends T[] = []> = number extends N
  ? T[]
  : Acc["length"] extends N
    ? Acc
    : Repeat<T, N, [...Acc, T]>;
type Each<L extends readonly unknown[], T> = { -readonly [I in keyof L]: T };

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    container(options?: ContainerOptions): DeltaGenerator;
    /** `spec`: a number of equal columns, or their relative widths. */
    columns<const S extends number | readonly number[]>(
      spec: S,
      options?: ColumnsOptions,
    ): S extends number ? Repeat<DeltaGenerator, S> : S extends readonly number[] ? Each<S, DeltaGenerator> : never;
    tabs<const L extends readonly string[]>(labels: L): Each<L, DeltaGenerator>;
    expander(label: string, options?: { expanded?: boolean; icon?: string }): DeltaGenerator;
    /** A single-element slot: each write replaces what it shows. */
    empty(): DeltaGenerator;
  }
}

export const layoutMethods = {
  container(this: DeltaGenerator, options: ContainerOptions = {}): DeltaGenerator {
    return this._block("vertical", {
      ...(options.border ? { border: true } : {}),
      ...(options.height !== undefined ? { height: options.height } : {}),
    });
  },
  columns(this: DeltaGenerator, spec: number | readonly number[], options: ColumnsOptions = {}): any {
    const weights = typeof spec === "number" ? Array.from({ length: spec }, () => 1) : [...spec];
    if (weights.length === 0 || weights.some((w) => !(typeof w === "number" && w > 0))) {
      throw new StreamlitAPIException(
        "The input argument to st.columns must be either a positive integer or a list of positive numeric weights.",
      );
    }
    const row = this._block("horizontal", { gap: options.gap ?? "small" });
    return weights.map((weight) =>
      row._block("column", {
        weight,
        ...(options.vertical_alignment ? { vertical_alignment: options.vertical_alignment } : {}),
      }),
    );
  },
  tabs(this: DeltaGenerator, labels: readonly string[]): any {
    if (labels.length === 0) throw new StreamlitAPIException("The input argument to st.tabs must contain at least one tab label.");
    const tabs = this._block("tabs", { labels: [...labels] });
    return labels.map((label) => tabs._block("tab", { label }));
  },
  expander(this: DeltaGenerator, label: string, options: { expanded?: boolean; icon?: string } = {}): DeltaGenerator {
    return this._block("expander", {
      label,
      expanded: options.expanded ?? false,
      ...(options.icon !== undefined ? { icon: options.icon } : {}),
    });
  },
  empty(this: DeltaGenerator): DeltaGenerator {
    return this._leaf("empty", {});
  },
};
