import { createMemo, createSignal } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import {
  isBlock,
  type BlockNode,
  type LeafNode,
  type ServerFrame,
  type WidgetKind,
  type WidgetWireValue,
} from "../sessions/protocol.ts";
import type { TreeStore } from "./store.ts";
import type { Send } from "./types.ts";

/**
 * The browser side of `st.form`. A widget whose props carry `form_id` does not send its
 * changes: the form store holds them, per form, until a submit button (or Enter in a text
 * input) sends them all in one `widgets` frame with the button's `true`.
 *
 * Until the session answers, the widget shows the held value: its node is wrapped so that
 * its value props read the held value (`withHeldValue`). A held value yields to the
 * session's as soon as the session changes the widget's value (a script write, the echo
 * of the submitted value). Submitted values stop showing when the run the submit started
 * ends, so a `clear_on_submit` form shows its defaults even when they did not change.
 */

type WidgetNode = LeafNode<WidgetKind>;

interface Held {
  value: WidgetWireValue;
  /** The session's value (see `valueKey`) when the user changed it: the held value shows while it stays so. */
  base: string;
  /** Not sent yet; a submitted value only shows, until its run ends. */
  pending: boolean;
}

interface SubmitButton {
  id: string;
  disabled: () => boolean;
}

/** The node a form widget's component received, back to the session's own (store) node. */
const RAW = Symbol("edgelit.rawNode");

// One app per page, so one form store: `sendWidgetValue` reaches it without a context.
const [held, setHeld] = createStore<Record<string, Record<string, Held>>>({});
const [buttons, setButtons] = createSignal<Record<string, SubmitButton[]>>({});
let tree: TreeStore | undefined;

/** Gives the form store the page's element tree, against which held values are checked. */
export function attachForms(store: TreeStore): void {
  tree = store;
}

/** The form a widget belongs to, if any. */
export function formIdOf(node: { props: object }): string | undefined {
  const formId = (node.props as { form_id?: unknown }).form_id;
  return typeof formId === "string" && formId ? formId : undefined;
}

/** The session's node behind a node given to a component (the same node outside forms). */
export function rawNode<N extends object>(node: N): N {
  return ((node as { [RAW]?: N })[RAW] ?? node) as N;
}

/** Holds a form widget's new value instead of sending it. */
export function holdFormValue(node: WidgetNode, value: WidgetWireValue): void {
  const raw = rawNode(node);
  const formId = formIdOf(raw);
  if (!formId) return;
  setHeld(formId, (form) => ({ ...form, [raw.props.id]: { value, base: valueKey(raw.props), pending: true } }));
}

/**
 * The node a form widget's component gets: the session's node, with the held value (while
 * there is one) in place of the value props. Other nodes pass through unchanged.
 */
export function withHeldValue<N extends object>(node: N): N {
  if (isBlock(node as never) || !formIdOf(node as WidgetNode)) return node;
  const widget = node as unknown as WidgetNode;
  const overrides = createMemo(() => heldProps(widget));
  const props = new Proxy(widget.props, {
    get: (target, key) => {
      const override = overrides();
      return override && key in override ? override[key as string] : Reflect.get(target, key);
    },
  });
  return { kind: widget.kind, props, [RAW]: node } as unknown as N;
}

function heldProps(node: WidgetNode): Record<string, unknown> | undefined {
  const formId = formIdOf(node);
  const entry = formId ? held[formId]?.[node.props.id] : undefined;
  if (!entry || entry.base !== valueKey(node.props)) return undefined;
  return propsForWire(node.props, entry.value);
}

/** A held wire value as the props it stands for, whatever the widget kind. */
function propsForWire(props: object, value: WidgetWireValue): Record<string, unknown> {
  const list = Array.isArray(value) ? value : value === null ? [] : [value];
  if ("indexes" in props) return { indexes: list };
  if ("index" in props) return { index: value };
  if ("value" in props) return { value: Array.isArray((props as { value: unknown }).value) ? list : value };
  return {};
}

/** The value props of a widget, as a string that changes when the session changes them. */
function valueKey(props: object): string {
  const { value, index, indexes } = props as { value?: unknown; index?: unknown; indexes?: unknown };
  return JSON.stringify([value, index, indexes]);
}

/** A form submit button registers while it is on the page; Enter submits with the first enabled one. */
export function registerSubmitButton(formId: string, button: SubmitButton): () => void {
  setButtons((all) => ({ ...all, [formId]: [...(all[formId] ?? []), button] }));
  return () =>
    setButtons((all) => {
      const rest = (all[formId] ?? []).filter((b) => b !== button);
      const next = { ...all, [formId]: rest };
      if (rest.length === 0) delete next[formId];
      return next;
    });
}

/** Whether the form has a submit button on the page. */
export function hasSubmitButton(formId: string): boolean {
  return (buttons()[formId]?.length ?? 0) > 0;
}

/** Whether Enter in one of the form's inputs submits it (Streamlit: an enabled first button). */
export function canSubmitWithEnter(formId: string): boolean {
  const first = buttons()[formId]?.[0];
  return first !== undefined && !first.disabled();
}

/**
 * Submits a form: one `widgets` frame with every held value of the form and the submit
 * button's `true`. Without `buttonId`, the first registered button submits (Enter).
 * Returns whether a frame was sent.
 */
export function submitForm(formId: string, send: Send, buttonId?: string): boolean {
  if (buttonId === undefined) {
    if (!canSubmitWithEnter(formId)) return false;
    buttonId = buttons()[formId]![0]!.id;
  }
  const widgets = tree ? widgetsOnPage(tree.state.roots) : undefined;
  const values: { id: string; value: WidgetWireValue }[] = [];
  for (const [id, entry] of Object.entries(held[formId] ?? {})) {
    if (!entry.pending) continue;
    // A widget the session no longer shows, or whose value it changed since, is dropped:
    // one unknown id would make the session refuse the whole submit.
    const node = widgets?.get(id);
    if (widgets && (!node || formIdOf(node) !== formId || valueKey(node.props) !== entry.base)) continue;
    values.push({ id, value: entry.value });
  }
  values.push({ id: buttonId, value: true });
  send({ t: "widgets", values });
  if (!held[formId]) return true;
  setHeld(
    formId,
    produce((form) => {
      for (const id of Object.keys(form)) {
        const entry = form[id]!;
        if (values.some((v) => v.id === id)) entry.pending = false;
        else if (entry.pending) delete form[id];
      }
    }),
  );
  return true;
}

/**
 * Follows the session: a finished run (or a refused frame) ends the display of submitted
 * values; a held value whose widget left the page, or whose value the session changed, goes.
 */
export function formsSawFrame(frame: ServerFrame): void {
  const ended = (frame.t === "run_end" && frame.outcome !== "rerun") || frame.t === "error";
  if (!ended && frame.t !== "snapshot") return;
  if (Object.keys(held).length === 0) return;
  const widgets = tree ? widgetsOnPage(tree.state.roots) : new Map<string, WidgetNode>();
  const next: Record<string, Record<string, Held>> = {};
  for (const [formId, form] of Object.entries(held)) {
    for (const [id, entry] of Object.entries(form ?? {})) {
      const node = widgets.get(id);
      const keep =
        entry.pending && node !== undefined && formIdOf(node) === formId && valueKey(node.props) === entry.base;
      if (keep) (next[formId] ??= {})[id] = { ...entry };
    }
  }
  setHeld(reconcile(next));
}

/** Every widget on the page by id. */
function widgetsOnPage(roots: readonly BlockNode[]): Map<string, WidgetNode> {
  const found = new Map<string, WidgetNode>();
  const visit = (block: BlockNode) => {
    for (const child of block.children) {
      if (isBlock(child)) visit(child);
      else if (typeof (child.props as { id?: unknown }).id === "string") found.set((child.props as { id: string }).id, child as WidgetNode);
    }
  };
  roots.forEach(visit);
  return found;
}
