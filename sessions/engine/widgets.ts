/**
 * The steps every widget takes: compute its id, check it is unique, resolve its value
 * (session state, then the browser's last value, then its default), register it for
 * the browser's events, and hand back the value.
 */
import {
  DuplicateWidgetID,
  DuplicateWidgetKey,
  StreamlitAPIException,
  StreamlitInvalidFormCallbackError,
  StreamlitValueAssignmentNotAllowedError,
} from "../errors.ts";
import type { DeltaPath, LeafProps, WidgetKind, WidgetWireValue } from "../protocol.ts";
import type { Container } from "./tree.ts";
import { widgetId } from "./ids.ts";
import type { ScriptRun } from "./run.ts";

export type Callback = { fn: (...args: any[]) => unknown; args: unknown[]; kwargs?: Record<string, unknown> };

/** Browser-side values of a widget kind, checked against the widget's props. */
export interface WidgetKindDef<K extends WidgetKind = WidgetKind> {
  kind: K;
  /** Why `wire` cannot be a value of a widget with these props, or null when it can. */
  validate(wire: WidgetWireValue, props: LeafProps[K]): string | null;
}

const widgetKinds = new Map<WidgetKind, WidgetKindDef<any>>();

export function defineWidgetKind<K extends WidgetKind>(def: WidgetKindDef<K>): WidgetKindDef<K> {
  widgetKinds.set(def.kind, def);
  return def;
}

/** Checks a value the browser sent for a widget. */
export function validateBrowserValue(kind: WidgetKind, wire: WidgetWireValue, props: LeafProps[WidgetKind]): string | null {
  if (props.disabled) return `Widget "${props.label}" is disabled.`;
  return wireMismatch(kind, wire, props);
}

function wireMismatch(kind: WidgetKind, wire: WidgetWireValue, props: LeafProps[WidgetKind]): string | null {
  const def = widgetKinds.get(kind);
  if (!def) return `Widget kind ${kind} accepts no values.`;
  return def.validate(wire, props);
}

export type WidgetProps<K extends WidgetKind> = Omit<LeafProps[K], "id">;

export interface WidgetSpec<K extends WidgetKind, V> {
  kind: K;
  key?: string | undefined;
  /** What makes a widget without a key itself: its label, options, bounds... */
  identity: unknown;
  defaultValue: V;
  /** The widget's props, showing `wire` as its value. */
  props(wire: WidgetWireValue): WidgetProps<K>;
  /** The browser form of a value; throws when a value from session state does not fit. */
  toWire(value: V): WidgetWireValue;
  fromWire(wire: WidgetWireValue): V;
  callback?: Callback | undefined;
  /** Buttons: true only for the run the click triggers. */
  trigger?: boolean;
  /**
   * A value that lasts one run, like `st.chat_input`'s message: after the run, the widget
   * falls back to this browser value (the engine's `trigger` handles only `true`).
   */
  triggerReset?: WidgetWireValue;
}

/** A widget as the last run created it: what the browser's events are checked and applied against. */
export interface RegisteredWidget {
  id: string;
  kind: WidgetKind;
  props: LeafProps[WidgetKind];
  key?: string | undefined;
  trigger?: boolean | undefined;
  callback?: Callback | undefined;
  /** The value the script got in the run that created the widget. */
  value: unknown;
  /** Where it is on the page (set once it is shown). */
  path?: DeltaPath;
  defaultWire: WidgetWireValue;
  formId?: string | undefined;
  fragmentId?: string | undefined;
  /** A form submit button whose click clears this form afterwards. */
  clearsForm?: string | undefined;
  fromWire(wire: WidgetWireValue): unknown;
  /** Throws when the value does not fit the widget. */
  toWire(value: unknown): WidgetWireValue;
  propsFor(wire: WidgetWireValue): LeafProps[WidgetKind];
}

export function registerWidget<K extends WidgetKind, V>(run: ScriptRun, spec: WidgetSpec<K, V>, container: Container, pageHash = ""): RegisteredWidget {
  const id = widgetId(spec.kind, spec.key, spec.identity, pageHash);
  if (spec.key !== undefined) {
    if (run.widgetKeys.has(spec.key)) throw new DuplicateWidgetKey(spec.key);
  }
  if (run.widgets.has(id)) throw new DuplicateWidgetID(spec.kind);
  if (container.formId !== undefined && spec.callback && spec.kind !== "form_submit_button") {
    throw new StreamlitInvalidFormCallbackError();
  }

  const state = run.session.state;
  const propsFor = (wire: WidgetWireValue) =>
    ({ ...spec.props(wire), id, ...(container.formId !== undefined ? { form_id: container.formId } : {}) }) as LeafProps[K];
  const defaultWire = spec.toWire(spec.defaultValue);
  let wire: WidgetWireValue | undefined;
  let shown: WidgetWireValue | undefined;
  const claimed = spec.key === undefined ? { found: false as const } : state.claimUserValue(spec.key);
  if (claimed.found) {
    if (spec.trigger || spec.triggerReset !== undefined) throw new StreamlitValueAssignmentNotAllowedError(spec.key!);
    if (spec.defaultValue !== null && spec.defaultValue !== undefined) warnDuplicatedValue(run, spec.key!);
    wire = spec.toWire(claimed.value as V);
  } else {
    const previous = state.widget(id);
    if (previous && wireMismatch(spec.kind, previous.wire, propsFor(previous.wire)) === null) {
      wire = previous.wire;
      shown = previous.shown;
    }
  }
  // Not `??=`: null is a value (a cleared feedback or time input), only undefined means none.
  if (wire === undefined) wire = defaultWire;
  const value = spec.fromWire(wire);
  const props = propsFor(shown ?? wire);

  state.setWidget(id, {
    wire,
    value,
    key: spec.key,
    ...(shown !== undefined ? { shown } : {}),
    ...(spec.trigger ? { trigger: wire === true } : {}),
    ...(spec.triggerReset !== undefined ? { reset: { wire: spec.triggerReset, value: spec.fromWire(spec.triggerReset) } } : {}),
  });
  if (spec.key !== undefined) {
    run.widgetKeys.add(spec.key);
    state.markInstantiated(spec.key);
  }
  const registration: RegisteredWidget = {
    id,
    kind: spec.kind,
    props,
    key: spec.key,
    trigger: spec.trigger,
    callback: spec.callback,
    value,
    defaultWire,
    formId: container.formId,
    fragmentId: container.fragmentId,
    clearsForm: spec.kind === "form_submit_button" && container.formId !== undefined && run.forms.get(container.formId)?.clearOnSubmit ? container.formId : undefined,
    fromWire: spec.fromWire,
    toWire: spec.toWire as (value: unknown) => WidgetWireValue,
    propsFor,
  };
  run.widgets.set(id, registration);
  return registration;
}

/** Streamlit logs this once: a widget given both a default value and a session-state value. */
function warnDuplicatedValue(run: ScriptRun, key: string): void {
  if (run.session.warnedDuplicatedValue) return;
  run.session.warnedDuplicatedValue = true;
  console.warn(`The widget with key "${key}" was created with a default value but also had its value set via the Session State API.`);
}

/** Throws the error Streamlit gives for a session-state value a widget cannot show. */
export function invalidStateValue(kind: string, value: unknown, why: string): never {
  throw new StreamlitAPIException(`Invalid value ${JSON.stringify(value)} for ${kind}: ${why}`);
}
