/** What every widget function shares: its common options and the register-then-emit step. */
import { registerWidget, type Callback, type RegisteredWidget, type WidgetSpec } from "../engine/widgets.ts";
import type { LabelVisibility, TreeNode, WidgetKind, WidgetWireValue } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";

export interface WidgetOptions {
  key?: string;
  help?: string;
  disabled?: boolean;
  label_visibility?: LabelVisibility;
}

export interface OnChange<F extends (...args: any[]) => unknown = (...args: any[]) => unknown> {
  /** Runs before the rerun the change triggers, with `...args` and then `kwargs` (when given). */
  on_change?: F;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
}

export function callbackOf(
  fn: ((...args: any[]) => unknown) | undefined,
  args: unknown[] | undefined,
  kwargs: Record<string, unknown> | undefined,
): Callback | undefined {
  return fn ? { fn, args: args ?? [], ...(kwargs ? { kwargs } : {}) } : undefined;
}

/** The props every widget carries, from its common options. */
export function baseProps(label: string, options: WidgetOptions) {
  return {
    label,
    ...(options.help !== undefined ? { help: options.help } : {}),
    ...(options.disabled ? { disabled: true } : {}),
    ...(options.label_visibility && options.label_visibility !== "visible"
      ? { label_visibility: options.label_visibility }
      : {}),
  };
}

/** Registers the widget with the run, shows it, and returns its value. */
export function showWidget<K extends WidgetKind, V>(dg: DeltaGenerator, spec: WidgetSpec<K, V>, registered?: (registration: RegisteredWidget) => void): V {
  const ctx = dg._context(`st.${spec.kind}`);
  ctx.run.checkpoint();
  const target = dg._target(ctx);
  const registration = registerWidget(ctx.run, spec, ctx.run.containerOf(target), ctx.pageHash);
  registered?.(registration);
  registration.path = ctx.run.emit(target, { kind: spec.kind, props: registration.props } as TreeNode).path;
  return registration.value as V;
}

/** What makes a widget without a key itself: callbacks, `disabled` and the key do not count. */
export function identityOf(label: string, options: object, extra: Record<string, unknown> = {}): unknown {
  const { key, disabled, on_change, on_click, args, kwargs, ...rest } = options as Record<string, unknown>;
  return { label, ...rest, ...extra };
}

/** Option indexes from a browser value (validation has already checked them). */
export function wireIndexes(wire: WidgetWireValue): number[] {
  return Array.isArray(wire) ? wire.filter((v): v is number => typeof v === "number") : [];
}
