import { createEffect, createSignal, onCleanup, Show, type JSX } from "solid-js";
import { BlockChildren } from "../tree.tsx";
import type { BlockElementProps } from "../types.ts";
import { HelpIcon, MarkdownHtml } from "./parts.tsx";

/**
 * `st.popover`: a button that opens a panel with the popover's children. Opening is local
 * to the browser; the children stay mounted while closed, so widgets keep their drafts.
 * A click outside or Escape closes it.
 */
export function Popover(props: BlockElementProps<"popover">): JSX.Element {
  const p = () => props.node.props;
  const [open, setOpen] = createSignal(false);
  let root!: HTMLDivElement;
  let button!: HTMLButtonElement;

  createEffect(() => {
    if (!open()) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.focus();
    };
    document.addEventListener("pointerdown", onPointer, true);
    document.addEventListener("keydown", onKey);
    onCleanup(() => {
      document.removeEventListener("pointerdown", onPointer, true);
      document.removeEventListener("keydown", onKey);
    });
  });
  createEffect(() => p().disabled && setOpen(false));

  return (
    <div ref={root} class="stPopover" classList={{ "full-width": p().use_container_width }} data-testid="stPopover">
      <div class="popover-control">
        <button
          ref={button}
          type="button"
          class="button button-secondary popover-button"
          data-testid="stPopoverButton"
          aria-expanded={open()}
          aria-haspopup="dialog"
          disabled={p().disabled}
          onClick={() => setOpen(!open())}
        >
          <Show when={p().icon}>{(icon) => <span class="button-icon">{icon()}</span>}</Show>
          <MarkdownHtml body={p().label} inline />
          <span class="popover-chevron" classList={{ open: open() }} aria-hidden="true" />
        </button>
        <HelpIcon help={p().help} />
      </div>
      <div class="popover-body" data-testid="stPopoverBody" role="dialog" aria-label={p().label} hidden={!open()}>
        <div class="vertical-block" data-testid="stVerticalBlock">
          <BlockChildren node={props.node} path={props.path} />
        </div>
      </div>
    </div>
  );
}
