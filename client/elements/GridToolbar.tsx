import { onCleanup, onMount, Show, type JSX } from "solid-js";

/** The toolbar over a grid (Streamlit's element toolbar): shown on hover, or while it is in use. */
export function GridToolbar(props: {
  searchOpen: boolean;
  fullscreen: boolean;
  canAddRow: boolean;
  canDeleteRows: boolean;
  onSearch: () => void;
  onDownload: () => void;
  onFullscreen: () => void;
  onAddRow: () => void;
  onDeleteRows: () => void;
  /** The search field, shown left of the buttons while search is open. */
  children?: JSX.Element;
}): JSX.Element {
  return (
    <div class="stElementToolbar grid-toolbar" data-testid="stElementToolbar" role="toolbar" aria-label="Table actions">
      {props.children}
      <Show when={props.canAddRow}>
        <ToolbarButton label="Add row" onClick={props.onAddRow} icon={<path d="M12 5v14M5 12h14" />} />
      </Show>
      <Show when={props.canDeleteRows}>
        <ToolbarButton label="Delete rows" onClick={props.onDeleteRows} icon={<path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />} />
      </Show>
      <ToolbarButton label="Download as CSV" onClick={props.onDownload} icon={<path d="M12 4v11m0 0-4-4m4 4 4-4M5 20h14" />} />
      <ToolbarButton label="Search" pressed={props.searchOpen} onClick={props.onSearch} icon={<path d="M11 18a7 7 0 1 1 0-14 7 7 0 0 1 0 14Zm5-2 4 4" />} />
      <ToolbarButton
        label={props.fullscreen ? "Close fullscreen" : "Fullscreen"}
        onClick={props.onFullscreen}
        icon={props.fullscreen ? <path d="M9 4v5H4m11-5v5h5M9 20v-5H4m11 5v-5h5" /> : <path d="M4 9V4h5m6 0h5v5M4 15v5h5m6 0h5v-5" />}
      />
    </div>
  );
}

function ToolbarButton(props: { label: string; icon: JSX.Element; pressed?: boolean; onClick: () => void }): JSX.Element {
  return (
    <button
      type="button"
      class="grid-toolbar-button"
      data-testid="stElementToolbarButton"
      aria-label={props.label}
      title={props.label}
      aria-pressed={props.pressed === undefined ? undefined : props.pressed}
      onClick={(event) => {
        event.stopPropagation();
        props.onClick();
      }}
    >
      <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
        {props.icon}
      </svg>
    </button>
  );
}

/** A column's header menu: sort ascending or descending. Closes on a choice, a click elsewhere, or Escape. */
export function ColumnMenu(props: { left: number; top: number; sorted: false | "asc" | "desc"; onSort: (desc: boolean) => void; onClose: () => void }): JSX.Element {
  let menu: HTMLDivElement | undefined;
  onMount(() => {
    const onDown = (event: MouseEvent) => !menu?.contains(event.target as Node) && props.onClose();
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && props.onClose();
    // Listen from the next tick: the click that opened the menu must not close it.
    const timer = setTimeout(() => document.addEventListener("mousedown", onDown));
    document.addEventListener("keydown", onKey);
    menu?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    onCleanup(() => {
      clearTimeout(timer);
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    });
  });
  return (
    <div ref={menu} class="grid-column-menu" data-testid="stDataFrameColumnMenu" role="menu" style={{ left: `${props.left}px`, top: `${props.top}px` }}>
      <button type="button" role="menuitem" classList={{ active: props.sorted === "asc" }} onClick={() => props.onSort(false)}>
        ↑ Sort ascending
      </button>
      <button type="button" role="menuitem" classList={{ active: props.sorted === "desc" }} onClick={() => props.onSort(true)}>
        ↓ Sort descending
      </button>
    </div>
  );
}
