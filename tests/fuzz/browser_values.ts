/**
 * What a real browser can send as a widget's value, written from the widgets' props as the
 * client shows them (client/elements/), apart from the engine's own checks: the fuzzers' oracle.
 * "unknown" where the answer needs the engine's own parsing (a data editor's edits, a grid's
 * selection, a component's value).
 */
import type { LeafProps, WidgetKind, WidgetWireValue } from "../../sessions/protocol.ts";

export type Verdict = "ok" | "bad" | "unknown";

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isIndex = (v: unknown, count: number): v is number => isInt(v) && v >= 0 && v < count;
const codePoints = (text: string) => [...text].length;

/** Is `value` a value a widget frame can carry at all (the protocol's shapes)? */
export function isWireShape(value: unknown): value is WidgetWireValue {
  if (value === null || typeof value === "boolean" || typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (!Array.isArray(value)) return false;
  return value.every((v) => typeof v === "number" && Number.isFinite(v)) || value.every((v) => typeof v === "string");
}

/**
 * Null is fine from the browser when the widget shows nothing now (it was created empty, or the
 * script emptied it: sending it back changes nothing), or when its user may clear it.
 */
export function nullAllowedNow(kind: WidgetKind, props: LeafProps[WidgetKind]): boolean {
  const p = props as { index?: unknown; value?: unknown; clearable?: boolean };
  if ("clearable" in p && p.clearable) return true;
  if (kind === "selectbox" || kind === "radio") return p.index === null;
  if (kind === "text_input" || kind === "text_area" || kind === "number_input" || kind === "time_input") return p.value === null;
  return kind === "feedback" || kind === "component_instance";
}

/** Null is a value a user can leave a widget at: it started empty (its default), or may be cleared. */
export function nullAllowedEver(props: LeafProps[WidgetKind], defaultWire: WidgetWireValue | undefined, kind: WidgetKind): boolean {
  return defaultWire === null || (props as { clearable?: boolean }).clearable === true || kind === "feedback";
}

/** Could the browser send `wire` for this widget? `nullOk` says whether null is one of its values now. */
export function browserVerdict(kind: WidgetKind, props: LeafProps[WidgetKind], wire: WidgetWireValue, nullOk: boolean): Verdict {
  if (props.disabled) return "bad";
  if (wire === null && kind !== "date_input" && kind !== "component_instance" && kind !== "data_editor" && kind !== "dataframe_selection" && kind !== "file_uploader") {
    return nullOk ? "ok" : "bad";
  }
  const ok = (good: boolean): Verdict => (good ? "ok" : "bad");
  switch (kind) {
    case "button":
    case "form_submit_button":
      return ok(wire === true);
    case "download_button":
      return ok(wire === true && !(props as LeafProps["download_button"]).ignore_rerun);
    case "checkbox":
    case "toggle":
      return ok(typeof wire === "boolean");
    case "text_input":
    case "text_area": {
      const p = props as LeafProps["text_input"];
      return ok(typeof wire === "string" && (p.max_chars === undefined || codePoints(wire) <= p.max_chars));
    }
    case "chat_input": {
      const p = props as LeafProps["chat_input"];
      return ok(typeof wire === "string" && wire.trim() !== "" && (p.max_chars === undefined || codePoints(wire) <= p.max_chars));
    }
    case "number_input": {
      const p = props as LeafProps["number_input"];
      return ok(inBounds(wire, p.min, p.max, p.int));
    }
    case "slider": {
      const p = props as LeafProps["slider"];
      const values = p.value.length === 2 ? (Array.isArray(wire) && wire.length === 2 ? wire : null) : typeof wire === "number" ? [wire] : null;
      return ok(values !== null && values.every((v) => inBounds(v, p.min, p.max, p.int)) && (values.length < 2 || (values[0] as number) <= (values[1] as number)));
    }
    case "selectbox":
    case "radio":
      return ok(isIndex(wire, (props as LeafProps["selectbox"]).options.length));
    case "select_slider": {
      const p = props as LeafProps["select_slider"];
      const count = p.options.length;
      if (p.value.length === 2) return ok(Array.isArray(wire) && wire.length === 2 && isIndex(wire[0], count) && isIndex(wire[1], count) && wire[0] <= wire[1]);
      return ok(isIndex(wire, count));
    }
    case "multiselect":
    case "pills":
    case "segmented_control": {
      const p = props as LeafProps["multiselect"] & Partial<LeafProps["pills"]>;
      if (!Array.isArray(wire) || !wire.every((i) => isIndex(i, p.options.length)) || new Set(wire).size !== wire.length) return "bad";
      if (p.max_selections !== undefined && wire.length > p.max_selections) return "bad";
      return ok(p.selection_mode !== "single" || wire.length <= 1);
    }
    case "feedback":
      return ok(isIndex(wire, (props as LeafProps["feedback"]).options === "thumbs" ? 2 : 5));
    case "color_picker":
      return ok(typeof wire === "string" && /^#[0-9a-fA-F]{6}$/.test(wire));
    case "date_input": {
      const p = props as LeafProps["date_input"];
      if (!Array.isArray(wire) || !wire.every((d): d is string => typeof d === "string" && isIsoDate(d) && d >= p.min && d <= p.max)) return "bad";
      const least = p.clearable ? 0 : 1;
      return ok(wire.length >= least && wire.length <= (p.is_range ? 2 : 1) && (wire.length < 2 || wire[0]! <= wire[1]!));
    }
    case "time_input": {
      const p = props as LeafProps["time_input"];
      const pattern = p.step % 60 !== 0 ? /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/ : /^([01]\d|2[0-3]):[0-5]\d$/;
      return ok(typeof wire === "string" && pattern.test(wire));
    }
    case "file_uploader":
      // Nothing is ever uploaded by the fuzzers: only an empty list is a list of this session's files.
      return ok(wire === "[]");
    case "component_instance":
    case "data_editor":
    case "dataframe_selection":
      return typeof wire === "string" || (kind === "component_instance" && wire === null) ? "unknown" : "bad";
    default:
      return "unknown";
  }
}

function inBounds(value: unknown, min: number | undefined, max: number | undefined, int: boolean): boolean {
  return typeof value === "number" && Number.isFinite(value) && (!int || Number.isInteger(value)) && (min === undefined || value >= min) && (max === undefined || value <= max);
}

function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
