/** Widgets over a list of options (select_slider, pills, segmented_control): labels and lookups. */

/** The label the browser shows for each option. */
export function optionLabels<T>(options: readonly T[], formatFunc: ((option: T) => unknown) | undefined): string[] {
  return options.map((option) => String((formatFunc ?? String)(option)));
}

/** Index of `value` among the options (objects compare by their JSON), or -1. */
export function indexOfOption<T>(options: readonly T[], value: unknown): number {
  const index = options.findIndex((option) => option === value);
  if (index >= 0 || typeof value !== "object" || value === null) return index;
  const json = JSON.stringify(value);
  return options.findIndex((option) => typeof option === "object" && option !== null && JSON.stringify(option) === json);
}

/** An option index the browser may send for a list of `count` options. */
export function isOptionIndex(value: unknown, count: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < count;
}
