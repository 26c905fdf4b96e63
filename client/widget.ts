import { createEffect, createSignal, on, type Accessor } from "solid-js";
import type { WidgetKind, WidgetWireValue } from "../sessions/protocol.ts";
import { formIdOf, holdFormValue, submitForm } from "./forms.ts";
import type { LeafElementProps, Send } from "./types.ts";

/**
 * Sends a widget's new value; a disabled widget sends nothing. Inside a form the value is
 * held instead, and travels with the form's submit (see forms.ts).
 */
export function sendWidgetValue(props: LeafElementProps<WidgetKind>, value: WidgetWireValue): void {
  if (props.node.props.disabled) return;
  if (formIdOf(props.node)) holdFormValue(props.node, value);
  else props.send({ t: "widget", id: props.node.props.id, value });
}

export interface LocalEdit<T> {
  /** What the control shows: the user's draft while editing, else the server's value. */
  draft: Accessor<T>;
  setDraft(value: T): void;
  /** The draft differs from the last value the session knows. */
  dirty: Accessor<boolean>;
  setEditing(editing: boolean): void;
  /** Sends the draft if it changed; returns whether it did. */
  commit(): boolean;
  /** Drops the draft, back to the last value the session knows. */
  reset(): void;
}

/**
 * Local state of a text-like widget. While the user edits, an incoming value equal to the
 * one last sent (the session echoing it back) must not clobber newer typing; a different
 * value (the script changed it) wins.
 */
export function createLocalEdit<T>(serverValue: Accessor<T>, send: (value: T) => void): LocalEdit<T> {
  const [draft, setDraft] = createSignal<T>(serverValue());
  const [committed, setCommitted] = createSignal<T>(serverValue());
  let editing = false;
  createEffect(
    on(
      serverValue,
      (value) => {
        if (editing && value === committed()) return;
        setCommitted(() => value);
        setDraft(() => value);
      },
      { defer: true },
    ),
  );
  return {
    draft,
    setDraft: (value) => setDraft(() => value),
    dirty: () => draft() !== committed(),
    setEditing: (value) => void (editing = value),
    commit() {
      const value = draft();
      if (value === committed()) return false;
      setCommitted(() => value);
      send(value);
      return true;
    },
    reset: () => setDraft(() => committed()),
  };
}

/** The control's accessible name when its visible label is hidden or collapsed. */
export function hiddenLabel(props: { label: string; label_visibility?: string }): string | undefined {
  return props.label_visibility && props.label_visibility !== "visible" ? props.label : undefined;
}

export interface Thumbs {
  /** What the thumbs show: the user's values while moved or on their way, else the server's. */
  values: Accessor<number[]>;
  /** The user moves a thumb (not sent yet). */
  move(values: number[]): void;
  /** The user let go: `values` are sent. */
  sent(values: number[]): void;
}

/**
 * A slider's thumbs. Each key press sends its value, and the session answers each in turn:
 * while a later value is on its way, the answer to an earlier one is stale and must not
 * pull the thumb back (the next key press would start from it and one press be lost).
 * Any other value from the session (the script set it) wins.
 */
export function createThumbs(serverValue: Accessor<readonly number[]>): Thumbs {
  const [moved, setMoved] = createSignal<number[] | null>(null);
  let onTheirWay: string[] = [];
  createEffect(
    on(
      () => serverValue().join(),
      (value) => {
        const i = onTheirWay.indexOf(value);
        if (i >= 0 && i < onTheirWay.length - 1) return void onTheirWay.splice(0, i + 1);
        onTheirWay = [];
        setMoved(null);
      },
      { defer: true },
    ),
  );
  return {
    values: () => moved() ?? [...serverValue()],
    move: setMoved,
    sent(values) {
      setMoved(values);
      onTheirWay.push(values.join());
    },
  };
}

/**
 * The event handlers every typed-into widget shares: draft while typing, apply on `isApplyKey`
 * (which also submits the widget's form) or when focus leaves. `apply` sends the draft if it
 * changed; with `holdInForm`, inside a form every keystroke goes to the form's held values.
 */
export function typingHandlers(
  props: { node: LeafElementProps["node"]; send: Send },
  edit: LocalEdit<string>,
  setFocused: (focused: boolean) => void,
  apply: () => void,
  isApplyKey: (event: KeyboardEvent) => boolean,
  holdInForm: boolean,
) {
  return {
    onInput(event: { currentTarget: { value: string } }) {
      edit.setDraft(event.currentTarget.value);
      if (holdInForm && formIdOf(props.node)) apply();
    },
    onKeyDown(event: KeyboardEvent) {
      if (!isApplyKey(event)) return;
      apply();
      const form = formIdOf(props.node);
      if (form) submitForm(form, props.send);
    },
    onFocus() {
      edit.setEditing(true);
      setFocused(true);
    },
    onBlur() {
      edit.setEditing(false);
      setFocused(false);
      apply();
    },
  };
}
