/** Small displays: st.metric (a figure and its change) and st.badge (a coloured label). */
import { StreamlitInvalidParameterTypeError, StreamlitValueError } from "../errors.ts";
import type { LabelVisibility, LeafProps } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { toDataTable } from "../data/normalize.ts";
import { cellValue } from "../data/table.ts";

export type MetricValue = number | bigint | string | null | undefined;

export interface MetricOptions {
  /** The change to show under the value; a leading "-" makes it a decrease. */
  delta?: MetricValue;
  /** "normal": increases green, decreases red; "inverse": the other way round; "off": gray. */
  delta_color?: LeafProps["metric"]["delta_color"];
  help?: string;
  label_visibility?: LabelVisibility;
  border?: boolean;
  /** A sparkline under the value: anything st.dataframe takes (its first column), or a list of numbers. */
  chart_data?: unknown;
  chart_type?: "line" | "bar" | "area";
}

export type BadgeColor = "red" | "orange" | "yellow" | "blue" | "green" | "violet" | "gray" | "grey" | "primary";

export interface BadgeOptions {
  icon?: string;
  color?: BadgeColor;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /**
     * A metric: `value` and `delta` show numbers as Python prints them (1e-05, 1e+16) and
     * text as it is; a null value shows "—". JavaScript has one number type, so `1.0` shows "1".
     */
    metric(label: string, value: MetricValue, options?: MetricOptions): DeltaGenerator;
    badge(label: string, options?: BadgeOptions): DeltaGenerator;
  }
}

const DELTA_COLORS = ["normal", "inverse", "off"] as const;
const CHART_TYPES = ["line", "bar", "area"] as const;

/** `chart_data` as numbers: the first column of what st.dataframe would show, each cast to a float. */
function sparkline(options: MetricOptions): Pick<LeafProps["metric"], "chart_data" | "chart_type"> {
  if (options.chart_data === null || options.chart_data === undefined) return {};
  const chartType = options.chart_type ?? "line";
  if (!CHART_TYPES.includes(chartType)) throw new StreamlitValueError("chart_type", CHART_TYPES.map((c) => `'${c}'`));
  const data = options.chart_data instanceof Set ? [...options.chart_data] : options.chart_data;
  const table = toDataTable(data, "st.metric chart_data");
  const first = table.columns[0];
  const values = first ? Array.from({ length: table.rowCount }, (_, r) => toNumber(cellValue(first, r))) : [];
  return { chart_data: values, ...(chartType !== "line" ? { chart_type: chartType } : {}) };
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const x = value instanceof Date ? value.getTime() : Number(value);
  if (Number.isNaN(x)) throw new StreamlitInvalidParameterTypeError("chart_data", typeof value, ["numbers"], "Each value of chart_data must be a number.");
  return Number.isFinite(x) ? x : null;
}
const LABEL_VISIBILITIES = ["visible", "hidden", "collapsed"] as const;
const BADGE_COLORS: readonly string[] = ["red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"];

export const metricMethods = {
  metric(this: DeltaGenerator, label: string, value: MetricValue, options: MetricOptions = {}): DeltaGenerator {
    const deltaColor = options.delta_color ?? "normal";
    if (!DELTA_COLORS.includes(deltaColor)) throw new StreamlitValueError("delta_color", DELTA_COLORS.map((c) => `'${c}'`));
    const visibility = options.label_visibility ?? "visible";
    if (!LABEL_VISIBILITIES.includes(visibility)) throw new StreamlitValueError("label_visibility", LABEL_VISIBILITIES.map((v) => `'${v}'`));
    const delta = options.delta === null || options.delta === undefined || options.delta === "" ? "" : metricText(options.delta, "delta");
    return this._leaf("metric", {
      label: String(label),
      value: value === null || value === undefined ? "—" : metricText(value, "value"),
      ...(delta !== "" ? { delta } : {}),
      delta_color: deltaColor,
      ...(options.help !== undefined ? { help: options.help } : {}),
      ...(visibility !== "visible" ? { label_visibility: visibility } : {}),
      ...(options.border ? { border: true } : {}),
      ...sparkline(options),
    });
  },

  badge(this: DeltaGenerator, label: string, options: BadgeOptions = {}): DeltaGenerator {
    const color = options.color ?? "blue";
    if (!BADGE_COLORS.includes(color)) throw new StreamlitValueError("color", BADGE_COLORS.map((c) => `'${c}'`));
    return this._leaf("badge", {
      label: String(label),
      ...(options.icon ? { icon: options.icon } : {}),
      color: color === "grey" ? "gray" : color,
    });
  },
};

function metricText(value: Exclude<MetricValue, null | undefined>, parameter: string): string {
  if (typeof value === "string") return dedent(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return pythonNumber(value);
  throw new StreamlitInvalidParameterTypeError(parameter, typeof value, ["int", "float", "Decimal", "NumPy number"], "Convert the value to a number type.");
}

/** A number as Python's `str()` prints it: whole numbers as ints, others with Python's exponent rules. */
function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  // JavaScript and Python both print the shortest round-tripping digits; they differ only
  // in when they switch to exponent notation and how they write the exponent.
  const [mantissa, exp] = value.toExponential().split("e") as [string, string];
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return String(value);
}

/** Python's textwrap.dedent: removes the indentation all lines share. */
function dedent(text: string): string {
  const lines = text.split("\n");
  const indents = lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)![0]);
  if (indents.length === 0) return lines.map((line) => (line.trim() === "" ? "" : line)).join("\n");
  let common = indents[0]!;
  for (const indent of indents) while (!indent.startsWith(common)) common = common.slice(0, -1);
  return lines.map((line) => (line.trim() === "" ? "" : line.slice(common.length))).join("\n");
}
