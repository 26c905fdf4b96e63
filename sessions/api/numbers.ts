/** Shared rules of number widgets: integer or float, defaults, and range checks. */
import { StreamlitAPIException } from "../errors.ts";

/** Integer widgets unless a given number or the format says otherwise (JS has one number type). */
export function isIntegerWidget(values: (number | null | undefined)[], format?: string): boolean {
  if (format !== undefined && /%[^%]*[eEfFgG]/.test(format)) return false;
  return values.every((v) => v === undefined || v === null || Number.isInteger(v));
}

export function checkInRange(what: string, value: number, min: number | undefined, max: number | undefined): void {
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    throw new StreamlitAPIException(
      `The ${what} ${value} must lie between the \`min_value\` of ${min ?? "-inf"} and the \`max_value\` of ${max ?? "inf"}, inclusively.`,
    );
  }
}

/** Why `value` does not fit [min, max] with integer-ness `int`, or null. */
export function numberMismatch(value: unknown, min: number | undefined, max: number | undefined, int: boolean): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "Expected a finite number.";
  if (int && !Number.isInteger(value)) return `Expected an integer, got ${value}.`;
  if (min !== undefined && value < min) return `${value} is less than min_value ${min}.`;
  if (max !== undefined && value > max) return `${value} is greater than max_value ${max}.`;
  return null;
}
