/**
 * Session state: the values the script stores under its own keys, and the value of every
 * widget, reachable through `st.session_state[key]` when the widget has a key.
 */
import { StreamlitAPIException, StreamlitWidgetAlreadyInstantiatedError } from "../errors.ts";
import type { WidgetWireValue } from "../protocol.ts";

export interface WidgetValue {
  /** The value as the browser sends it (selections as option indexes); what is persisted. */
  wire: WidgetWireValue;
  /** The value as the script sees it. */
  value: unknown;
  key?: string;
  /**
   * What the browser shows when it differs from `wire`: a form cleared on submit shows its
   * defaults, while the script keeps seeing the submitted values until the next submit.
   */
  shown?: WidgetWireValue;
  /** A button: true for the one run its click triggers. */
  trigger?: boolean;
  /** A value that lasts one run (st.chat_input's message): what the widget holds after that run. */
  reset?: { wire: WidgetWireValue; value: unknown };
}

export interface SessionStateSnapshot {
  user: [string, unknown][];
  widgets: [string, WidgetValue][];
}

export class SessionState {
  private readonly user = new Map<string, unknown>();
  private readonly widgets = new Map<string, WidgetValue>();
  private readonly keyToId = new Map<string, string>();
  /** Keyed widgets created in the run in progress: their keys can no longer be set. */
  private readonly instantiatedKeys = new Set<string>();
  /** Keys set since the run in progress started (Streamlit's "new" session state values). */
  private readonly fresh = new Set<string>();

  static restore(snapshot: SessionStateSnapshot): SessionState {
    const state = new SessionState();
    for (const [key, value] of snapshot.user) state.user.set(key, value);
    for (const [id, widget] of snapshot.widgets) {
      state.widgets.set(id, widget);
      if (widget.key !== undefined) state.keyToId.set(widget.key, id);
    }
    return state;
  }

  snapshot(): SessionStateSnapshot {
    return { user: [...this.user], widgets: [...this.widgets] };
  }

  // ---- the script's view: st.session_state ----

  has(key: string): boolean {
    return this.user.has(key) || this.widgetForKey(key) !== undefined;
  }

  get(key: string): unknown {
    if (this.user.has(key)) return this.user.get(key);
    const widget = this.widgetForKey(key);
    if (widget) return widget.value;
    throw new StreamlitAPIException(
      `st.session_state has no key "${key}". Did you forget to initialize it? ` +
        `More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization`,
    );
  }

  set(key: string, value: unknown): void {
    if (this.instantiatedKeys.has(key)) throw new StreamlitWidgetAlreadyInstantiatedError(key);
    // The widget, when next created, takes its value from here (see `claimUserValue`).
    this.user.set(key, value);
    this.fresh.add(key);
  }

  delete(key: string): void {
    if (!this.has(key)) {
      throw new StreamlitAPIException(`st.session_state has no key "${key}".`);
    }
    this.user.delete(key);
    this.fresh.delete(key);
    const id = this.keyToId.get(key);
    if (id !== undefined) {
      this.widgets.delete(id);
      this.keyToId.delete(key);
    }
  }

  keys(): string[] {
    return [...new Set([...this.user.keys(), ...this.keyToId.keys()])];
  }

  toDict(): Record<string, unknown> {
    return Object.fromEntries(this.keys().map((key) => [key, this.get(key)]));
  }

  // ---- the engine's view ----

  widget(id: string): WidgetValue | undefined {
    return this.widgets.get(id);
  }

  /** A value set under `key` that its widget has not taken yet. */
  peekUserValue(key: string): { found: true; value: unknown } | { found: false } {
    return this.user.has(key) ? { found: true, value: this.user.get(key) } : { found: false };
  }

  /** Whether `key` was set since the run in progress started (callbacks included): such a key cannot name a form. */
  isNewValue(key: string): boolean {
    return this.fresh.has(key);
  }

  /** A run starts: what was set before it is no longer new (Streamlit compacts its state here). */
  startRun(): void {
    this.fresh.clear();
  }

  /** A value the script set under a widget's key before creating it; taken once. */
  claimUserValue(key: string): { found: true; value: unknown } | { found: false } {
    if (!this.user.has(key)) return { found: false };
    const value = this.user.get(key);
    this.user.delete(key);
    return { found: true, value };
  }

  setWidget(id: string, widget: WidgetValue): void {
    this.widgets.set(id, widget);
    if (widget.key !== undefined) this.keyToId.set(widget.key, id);
  }

  markInstantiated(key: string): void {
    this.instantiatedKeys.add(key);
  }

  /**
   * After a run: button triggers fall back to false, one-run values to their `reset`, and,
   * when the run reached its end, widgets in its scope (the page, or a fragment's) that it did not create are forgotten
   * (as in Streamlit, their keys leave session state).
   */
  endRun(createdIds: ReadonlySet<string> | null, inScope: (id: string) => boolean = () => true): void {
    this.instantiatedKeys.clear();
    for (const [id, widget] of this.widgets) {
      if (createdIds && !createdIds.has(id) && inScope(id)) {
        this.widgets.delete(id);
        if (widget.key !== undefined && this.keyToId.get(widget.key) === id) this.keyToId.delete(widget.key);
      } else if (widget.trigger) {
        this.widgets.set(id, { ...widget, trigger: false, wire: false, value: false });
      } else if (widget.reset && widget.wire !== widget.reset.wire) {
        this.widgets.set(id, { ...widget, wire: widget.reset.wire, value: widget.reset.value });
      }
    }
  }

  private widgetForKey(key: string): WidgetValue | undefined {
    const id = this.keyToId.get(key);
    return id === undefined ? undefined : this.widgets.get(id);
  }
}
