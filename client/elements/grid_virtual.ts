/**
 * The grid's virtualization: TanStack Virtual over rows and over the columns that are not
 * pinned, in one scroll element. A million 35px rows are taller than a browser lets an element
 * be (Chrome stops near 33.5M px), so past MAX_SCROLL_HEIGHT the virtualizer keeps working in
 * the table's own pixels while the scrollbar moves through a shorter, scaled range.
 */
import { createVirtualizer, elementScroll, observeElementOffset, type Virtualizer } from "@tanstack/solid-virtual";
import { createEffect, createSignal, on, onCleanup, onMount, type Accessor } from "solid-js";

export const MAX_SCROLL_HEIGHT = 10_000_000;

export interface GridVirtual {
  rows: Virtualizer<HTMLDivElement, HTMLDivElement>;
  columns: Virtualizer<HTMLDivElement, HTMLDivElement>;
  /** The content's height in the page: the table's, or the scaled range past the cap. */
  contentHeight: Accessor<number>;
  /** Where a row that starts at `start` (table pixels, header included) sits in the body. */
  rowTop(start: number): number;
  /** Room left of the first column rendered (the columns scrolled past). */
  leftPad: Accessor<number>;
  onScroll(event: { currentTarget: HTMLDivElement }): void;
}

export function createGridVirtual(options: {
  scroller: () => HTMLDivElement | undefined;
  rowCount: Accessor<number>;
  rowHeight: number;
  headerHeight: number;
  columnWidths: Accessor<number[]>;
  /** Width of what stays put on the left (row selector, pinned columns). */
  pinnedWidth: Accessor<number>;
}): GridVirtual {
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewport, setViewport] = createSignal(400);
  const tableHeight = () => options.headerHeight + options.rowCount() * options.rowHeight;
  const contentHeight = () => Math.min(tableHeight(), MAX_SCROLL_HEIGHT);
  /** Table pixels per scrolled pixel: 1 until the table outgrows the cap. */
  const scale = () => {
    const table = tableHeight();
    const content = contentHeight();
    const vp = viewport();
    return table <= content || content <= vp ? 1 : (table - vp) / (content - vp);
  };
  const rows = createVirtualizer<HTMLDivElement, HTMLDivElement>({
    get count() {
      return options.rowCount();
    },
    getScrollElement: () => options.scroller() ?? null,
    estimateSize: () => options.rowHeight,
    overscan: 6,
    scrollMargin: options.headerHeight,
    observeElementOffset: (instance, cb) => observeElementOffset(instance, (offset, scrolling) => cb(offset * scale(), scrolling)),
    scrollToFn: (offset, scrollOptions, instance) => elementScroll(offset / scale(), scrollOptions, instance),
  });
  const columns = createVirtualizer<HTMLDivElement, HTMLDivElement>({
    horizontal: true,
    get count() {
      return options.columnWidths().length;
    },
    getScrollElement: () => options.scroller() ?? null,
    estimateSize: (i) => options.columnWidths()[i] ?? 100,
    overscan: 2,
    get scrollMargin() {
      return options.pinnedWidth();
    },
  });
  // A resized column moves every column after it.
  createEffect(on(options.columnWidths, () => columns.measure(), { defer: true }));
  onMount(() => {
    const scroller = options.scroller();
    if (!scroller) return;
    const observer = new ResizeObserver(() => setViewport(scroller.clientHeight));
    observer.observe(scroller);
    onCleanup(() => observer.disconnect());
  });
  return {
    rows,
    columns,
    contentHeight,
    rowTop: (start) => start - scrollTop() * (scale() - 1) - options.headerHeight,
    leftPad: () => {
      const first = columns.getVirtualItems()[0];
      return first ? first.start - options.pinnedWidth() : 0;
    },
    onScroll: (event) => setScrollTop(event.currentTarget.scrollTop),
  };
}
