/**
 * st.date_input and st.time_input. Dates travel and come back as ISO strings ("2026-11-25"),
 * times as "HH:MM" ("HH:MM:SS" when the step is not whole minutes): plain, serialisable
 * values instead of Python's date and time objects. "today" and "now" are the browser's
 * (its time zone, from `st.context.timezone`), or UTC before a browser has connected.
 */
import { currentContext } from "../engine/context.ts";
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import {
  StreamlitInvalidMinMaxError,
  StreamlitInvalidParameterTypeError,
  StreamlitValueAboveMaxError,
  StreamlitValueBelowMinError,
  StreamlitValueError,
  StreamlitValueOutOfRangeError,
} from "../errors.ts";
import type { LeafProps, WidgetWireValue } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { baseProps, callbackOf, identityOf, showWidget, type OnChange, type WidgetOptions } from "./widget.ts";

/** A date: a `Date` (its UTC day), an ISO date or date-time string, or "today". */
export type DateLike = Date | string;
/** A range date input's value: nothing chosen yet, only its start, or both ends. */
export type DateRange = [] | [string] | [string, string];

export interface DateInputOptions extends WidgetOptions, OnChange {
  /** The date shown first (default "today"), a list of 0 to 2 dates for a range, or null for none. */
  value?: DateLike | readonly DateLike[] | null;
  /** Default: ten years before the value (or today). */
  min_value?: DateLike | null;
  /** Default: ten years after the value (or today). */
  max_value?: DateLike | null;
  /** How the browser shows dates: "YYYY/MM/DD" (default), "DD/MM/YYYY", "MM-DD-YYYY", ... */
  format?: string;
}

export interface TimeInputOptions extends WidgetOptions, OnChange {
  /** The time shown first: "now" (default, the browser's wall clock), "HH:MM[:SS]", a `Date` (its UTC time), or null for none. */
  value?: "now" | string | Date | null;
  /** Seconds between the times offered, 1 to 23 hours' worth. Default 900 (15 minutes). */
  step?: number;
}

type DateInputReturn<O> = O extends { value: infer V }
  ? V extends readonly unknown[]
    ? DateRange
    : null extends V
      ? string | null
      : string
  : string;
type TimeInputReturn<O> = O extends { value: infer V } ? (null extends V ? string | null : string) : string;

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /**
     * A date picker. Returns an ISO date string ("2026-11-25"); with a list as `value`, the
     * range as `[start, end]` (`[start]` or `[]` while incomplete); with `value: null`, null
     * until a date is picked.
     */
    date_input<O extends DateInputOptions>(label: string, options?: O): DateInputReturn<O>;
    /** A time picker. Returns "HH:MM" ("HH:MM:SS" when `step` is not whole minutes); null only with `value: null`. */
    time_input<O extends TimeInputOptions>(label: string, options?: O): TimeInputReturn<O>;
  }
}

const DATE_FORMATS = ["YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY.MM.DD", "DD.MM.YYYY", "MM.DD.YYYY", "YYYY-MM-DD", "DD-MM-YYYY", "MM-DD-YYYY"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_TIME_STEP = 900;
const MAX_TIME_STEP = 23 * 3600;

defineWidgetKind({ kind: "date_input", validate: dateMismatch });

defineWidgetKind({
  kind: "time_input",
  validate: (wire, props) => {
    if (wire === null) return props.clearable ? null : "This time input cannot be empty.";
    const withSeconds = props.step % 60 !== 0;
    if (typeof wire !== "string" || parseTime(wire, withSeconds) === null) {
      return withSeconds ? 'Expected a time as "HH:MM:SS".' : 'Expected a time as "HH:MM".';
    }
    return null;
  },
});

export const dateTimeMethods = {
  date_input(this: DeltaGenerator, label: string, options: DateInputOptions = {}): any {
    const given = options.value === undefined ? "today" : options.value;
    const format = options.format ?? "YYYY/MM/DD";
    if (typeof format !== "string" || !DATE_FORMATS.includes(format)) {
      throw new StreamlitValueError("format", DATE_FORMATS.map((f) => `'${f}'`), `Provided value: '${String(format)}'.`);
    }
    const isRange = Array.isArray(given);
    let dates: string[] | null = null;
    if (isRange) {
      if (given.length > 2) {
        throw new StreamlitInvalidParameterTypeError("value", "array", ["date", "datetime", "sequence of 0 to 2 date or datetime values"]);
      }
      dates = given.map((d) => toIsoDate(d, "value"));
    } else if (given !== null) {
      dates = [toIsoDate(given as DateLike, "value")];
    }
    const today = browserToday();
    const min = options.min_value == null ? addYears(dates?.[0] ?? today, -10) : toIsoDate(options.min_value, "min_value");
    const max = options.max_value == null ? addYears(dates?.[dates.length - 1] ?? today, 10) : toIsoDate(options.max_value, "max_value");
    if (given === "today" && dates) dates = [dates[0]! < min ? min : dates[0]! > max ? max : dates[0]!];
    if (min > max) throw new StreamlitInvalidMinMaxError(min, max);
    if (dates && dates.length > 0) {
      if (dates[0]! < min) throw new StreamlitValueBelowMinError(dates[0], min);
      if (dates[dates.length - 1]! > max) throw new StreamlitValueAboveMaxError(dates[dates.length - 1], max);
    }
    const clearable = dates === null || dates.length === 0;
    const props = (wire: WidgetWireValue): Omit<LeafProps["date_input"], "id"> => ({
      ...baseProps(label, options),
      value: Array.isArray(wire) ? (wire as string[]) : [],
      is_range: isRange,
      min,
      max,
      format,
      ...(clearable ? { clearable: true } : {}),
    });
    const toWire = (value: unknown): WidgetWireValue => {
      const values = value === null ? [] : Array.isArray(value) ? value : [value];
      if (isRange !== Array.isArray(value) && value !== null) {
        return invalidStateValue("st.date_input", value, isRange ? "expected a list of 0 to 2 dates" : "expected one date");
      }
      let wire: string[];
      try {
        wire = values.map((d) => toIsoDate(d as DateLike, "value"));
      } catch {
        return invalidStateValue("st.date_input", value, "expected dates (a Date or an ISO date string)");
      }
      const problem = dateMismatch(wire, { ...props(wire), id: "" });
      return problem === null ? wire : invalidStateValue("st.date_input", value, problem);
    };
    return showWidget(this, {
      kind: "date_input",
      key: options.key,
      identity: identityOf(label, options, {
        value: given === "today" ? null : dates,
        min_value: options.min_value == null ? null : toIsoDate(options.min_value, "min_value"),
        max_value: options.max_value == null ? null : toIsoDate(options.max_value, "max_value"),
        format,
      }),
      defaultValue: dates === null ? null : isRange ? dates : dates[0]!,
      props,
      toWire,
      fromWire: (wire) => {
        const values = Array.isArray(wire) ? (wire as string[]) : [];
        return isRange ? [...values] : (values[0] ?? null);
      },
      callback: callbackOf(options.on_change, options.args, options.kwargs),
    });
  },

  time_input(this: DeltaGenerator, label: string, options: TimeInputOptions = {}): any {
    const step = options.step ?? DEFAULT_TIME_STEP;
    if (typeof step !== "number" || !Number.isInteger(step)) {
      throw new StreamlitInvalidParameterTypeError("step", typeof step === "number" ? "float" : typeof step, ["int", "timedelta"]);
    }
    if (step < 1 || step > MAX_TIME_STEP) throw new StreamlitValueOutOfRangeError("step", `${step} seconds`, "1 second", "23 hours");
    const withSeconds = step % 60 !== 0;
    const given = options.value === undefined ? "now" : options.value;
    const initial = given === null ? null : toTimeString(given, withSeconds, "value");
    const clearable = initial === null;
    return showWidget(this, {
      kind: "time_input",
      key: options.key,
      identity: identityOf(label, options, { value: given instanceof Date ? initial : given, step }),
      defaultValue: initial,
      props: (wire) => ({
        ...baseProps(label, options),
        value: typeof wire === "string" ? wire : null,
        step,
        ...(clearable ? { clearable: true } : {}),
      }),
      toWire: (value) => {
        if (value === null) return clearable ? null : invalidStateValue("st.time_input", value, "this time input cannot be empty");
        try {
          return toTimeString(value as string | Date, withSeconds, "value");
        } catch {
          return invalidStateValue("st.time_input", value, 'expected a time as "HH:MM" or a Date');
        }
      },
      fromWire: (wire) => (typeof wire === "string" ? wire : null),
      callback: callbackOf(options.on_change, options.args, options.kwargs),
    });
  },
};

/** Why `wire` cannot be the dates of a date input with these props, or null. */
function dateMismatch(wire: WidgetWireValue, props: LeafProps["date_input"]): string | null {
  if (!Array.isArray(wire) || !wire.every((d): d is string => typeof d === "string")) return "Expected an array of ISO dates.";
  const least = props.clearable ? 0 : 1;
  if (wire.length < least || wire.length > (props.is_range ? 2 : 1)) {
    return props.is_range ? `Expected ${least} to 2 ISO dates.` : props.clearable ? "Expected one ISO date, or none." : "Expected one ISO date.";
  }
  for (const date of wire) {
    if (!isIsoDate(date)) return `${JSON.stringify(date.slice(0, 40))} is not an ISO date (YYYY-MM-DD).`;
    if (date < props.min) return `${date} is before min_value ${props.min}.`;
    if (date > props.max) return `${date} is after max_value ${props.max}.`;
  }
  return wire.length === 2 && wire[0]! > wire[1]! ? "The range starts after it ends." : null;
}

/** The browser's wall clock now (its time zone from `st.context`), or UTC before a browser connected. */
function browserNow(): { date: string; parts: [number, number, number] } {
  const zone = currentContext("st.date_input").run.session.contextForScript().timezone;
  const now = new Date();
  if (zone) {
    try {
      const fields = Object.fromEntries(
        new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
          .formatToParts(now)
          .map((part) => [part.type, part.value]),
      );
      return { date: `${fields.year}-${fields.month}-${fields.day}`, parts: [Number(fields.hour), Number(fields.minute), Number(fields.second)] };
    } catch {
      // An unknown zone name: fall back to UTC.
    }
  }
  return { date: now.toISOString().slice(0, 10), parts: [now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds()] };
}

function browserToday(): string {
  return browserNow().date;
}

function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The ISO date of a `Date` (UTC), "today", or an ISO date or date-time string. */
function toIsoDate(value: DateLike, parameter: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new StreamlitInvalidParameterTypeError(parameter, "Invalid Date", ["date", "datetime", "ISO string", '"today"']);
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (value === "today") return browserToday();
  if (typeof value === "string") {
    const datePart = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim())?.[1];
    if (datePart && isIsoDate(datePart)) return datePart;
  }
  throw new StreamlitInvalidParameterTypeError(parameter, value === null ? "None" : typeof value, ["date", "datetime", "ISO string", '"today"']);
}

/** Moves a date by whole years, clamped to years 1 to 9999; February 29 becomes the 28th in other years. */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = y + years;
  if (year > 9999) return "9999-12-31";
  if (year < 1) return "0001-01-01";
  return isoDate(year, m, Math.min(d, daysInMonth(year, m)));
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "HH:MM" or "HH:MM:SS" from "now", a `Date`, or a time or date-time string; throws when it is none of them. */
function toTimeString(value: string | Date, withSeconds: boolean, parameter: string): string {
  let parts: [number, number, number] | null = null;
  if (value === "now") {
    parts = browserNow().parts;
  } else if (value instanceof Date && !Number.isNaN(value.getTime())) {
    parts = [value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds()];
  } else if (typeof value === "string") {
    const timePart = /^(?:\d{4}-\d{2}-\d{2}[T ])?(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim())?.[1];
    parts = timePart ? parseTime(timePart, timePart.length > 5) : null;
  }
  if (!parts) throw new StreamlitInvalidParameterTypeError(parameter, value instanceof Date ? "Invalid Date" : typeof value, ["datetime", "time", "ISO string"]);
  const [h, m, s] = parts;
  const pad = (n: number) => String(n).padStart(2, "0");
  return withSeconds ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(h)}:${pad(m)}`;
}

/** Hours, minutes and seconds of "HH:MM" (or "HH:MM:SS" when `withSeconds`), or null when it is not one. */
function parseTime(text: string, withSeconds: boolean): [number, number, number] | null {
  const match = (withSeconds ? /^(\d{2}):(\d{2}):(\d{2})$/ : /^(\d{2}):(\d{2})$/).exec(text);
  if (!match) return null;
  const [h, m, s = 0] = match.slice(1).map(Number) as [number, number, number?];
  return h < 24 && m < 60 && s < 60 ? [h, m, s] : null;
}
