/**
 * Browser mode: reads the page a browser shows into the normalised form both sides are
 * compared in (README.md, "Browser mode"). The same function reads Streamlit's page and
 * Edgelit's: only `data-testid`s, tags, form state and text are used, never classes.
 *
 * `readPage` runs inside the page (`page.evaluate(readPage)`), so it is self-contained: no
 * imports, no module-level values. The DOM types it needs are declared below, because the
 * root tsconfig has no DOM library (it is the Workers runtime's).
 */

export type BrowserNode =
  /** form, expander (with `label`, and `state` for st.status), columns, column, container, tabs, chat_message (with `name`) */
  | { kind: string; label?: string; state?: string; name?: string; children: BrowserNode[] }
  /** an input widget, a button or a progress bar */
  | { kind: string; label: string; value?: unknown; disabled?: boolean; options?: string[] }
  | { kind: "exception"; error: string; message: string }
  /** any other element: the text it shows */
  | { kind: string; value?: string };

export interface BrowserPage {
  main: BrowserNode[];
  sidebar: BrowserNode[];
  /** Chat inputs pinned to the bottom of the page (Streamlit's `stBottom`), when there are any. */
  bottom?: BrowserNode[];
  /** The text of each toast seen since the step began (a toast may leave before the step ends). */
  toasts: string[];
  /** Element containers that show nothing (st.toast's, st.balloons', or one still loading): not compared. */
  blank: number;
}

interface DomNode {
  nodeType: number;
  textContent: string | null;
}
interface DomElement extends DomNode {
  tagName: string;
  childNodes: Iterable<DomNode>;
  parentElement: DomElement | null;
  firstElementChild: DomElement | null;
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}
interface FormElement extends DomElement {
  value: string;
  checked: boolean;
  disabled: boolean;
  selectedOptions?: Iterable<DomElement>;
}

/** Toasts seen during the current step, and those reported in earlier steps (kept in the page). */
interface ToastLog {
  step: Map<DomElement, string>;
  reported: WeakSet<DomElement>;
}

/** Ends a step: the toasts it saw are not reported again while they stay on screen. */
export function endStep(): void {
  const page = globalThis as unknown as { __conformanceToasts?: ToastLog };
  const log = page.__conformanceToasts;
  if (!log) return;
  for (const toast of log.step.keys()) log.reported.add(toast);
  log.step.clear();
}

export function readPage(): BrowserPage {
  const doc = (globalThis as unknown as { document: DomElement }).document;
  const tid = (name: string) => `[data-testid="${name}"]`;
  const CONTAINER = `${tid("stElementContainer")}, ${tid("stLayoutWrapper")}`;
  const VERTICAL = tid("stVerticalBlock");
  // Leaf elements, by the data-testid of their outermost element.
  const LEAVES: Record<string, string> = {
    stException: "exception",
    stAlert: "alert",
    stHeading: "heading",
    stMarkdown: "markdown",
    stButton: "button",
    stFormSubmitButton: "form_submit_button",
    stTextInput: "text_input",
    stNumberInput: "number_input",
    stTextArea: "text_area",
    stSlider: "slider",
    stSelectbox: "selectbox",
    stCheckbox: "checkbox",
    stRadio: "radio",
    stProgress: "progress",
    stEmpty: "empty",
    stChatInput: "chat_input",
  };
  const BLOCKS: Record<string, string> = {
    stForm: "form",
    stExpander: "expander",
    stHorizontalBlock: "columns",
    stTabs: "tabs",
    stChatMessage: "chat_message",
    stVerticalBlock: "container",
  };
  // Not text: icons (Streamlit's material icons are ligature text), heading anchors, tracebacks.
  const SKIP = [
    "svg",
    "style",
    "script",
    "template",
    '[data-testid^="stIcon"]',
    '[data-testid^="stExpanderIcon"]',
    tid("stHeaderActionElements"),
    tid("stExceptionTraceback"),
    "h1 > a, h2 > a, h3 > a, h4 > a, h5 > a, h6 > a",
  ].join(", ");
  const BLOCK_TAGS = new Set(["P", "DIV", "LI", "UL", "OL", "PRE", "BR", "H1", "H2", "H3", "H4", "H5", "H6", "TR", "TABLE", "BLOCKQUOTE", "HR"]);
  // How Python shows a scalar that st.write puts in backticks, as JavaScript spells it.
  const SCALARS: Record<string, string> = { True: "true", False: "false", None: "null" };

  /** Visible text: block elements break lines, runs of spaces collapse, code scalars are JS's. */
  function textOf(root: DomElement | null): string {
    if (!root) return "";
    let out = "";
    const walk = (node: DomNode) => {
      if (node.nodeType === 3) {
        out += node.textContent ?? "";
        return;
      }
      if (node.nodeType !== 1) return;
      const el = node as DomElement;
      if (el.matches(SKIP)) return;
      if (el.tagName === "CODE" && (el.textContent ?? "") in SCALARS) {
        out += SCALARS[el.textContent ?? ""];
        return;
      }
      const block = BLOCK_TAGS.has(el.tagName);
      if (block) out += "\n";
      for (const child of el.childNodes) walk(child);
      if (block) out += "\n";
    };
    walk(root);
    return out
      .split("\n")
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter((line) => line !== "")
      .join("\n");
  }

  /** The first element under `root` (or `root` itself) whose data-testid is one of `names`. */
  function firstOf(root: DomElement, names: Record<string, string>): [DomElement, string] | null {
    const selector = Object.keys(names).map(tid).join(", ");
    const el = root.matches(selector) ? root : root.querySelector(selector);
    return el ? [el, names[el.getAttribute("data-testid") ?? ""]!] : null;
  }

  /** The element containers and layout wrappers that are `block`'s own children. */
  function childrenOf(block: DomElement | null): BrowserNode[] {
    if (!block) return [];
    const nodes: BrowserNode[] = [];
    for (const el of block.querySelectorAll(CONTAINER)) {
      if (el.parentElement?.closest(`${CONTAINER}, ${VERTICAL}`) !== block) continue;
      const node = el.matches(tid("stLayoutWrapper")) ? blockNode(el) : leafNode(el);
      if (node) nodes.push(node);
    }
    return nodes;
  }

  function blockNode(wrapper: DomElement): BrowserNode | null {
    const found = firstOf(wrapper, BLOCKS);
    if (!found) return null;
    const [el, kind] = found;
    const inner = (root: DomElement) => (root.matches(VERTICAL) ? root : root.querySelector(VERTICAL));
    if (kind === "columns") {
      const columns = [...el.querySelectorAll(tid("stColumn"))].filter((c) => c.parentElement?.closest(tid("stHorizontalBlock")) === el);
      return { kind, children: columns.map((c) => ({ kind: "column", children: childrenOf(inner(c)) })) };
    }
    if (kind === "expander") {
      const summary = el.querySelector("summary");
      const icon = el.querySelector('[data-testid^="stExpanderIcon"]')?.getAttribute("data-testid");
      const state = icon ? { stExpanderIconCheck: "complete", stExpanderIconSpinner: "running", stExpanderIconError: "error" }[icon] : undefined;
      const details = el.querySelector(tid("stExpanderDetails"));
      return { kind, label: textOf(summary), ...(state ? { state } : {}), children: childrenOf(details && inner(details)) };
    }
    if (kind === "chat_message") {
      // The author's name is only in the content's accessible name: "Chat message from <name>".
      const content = el.querySelector(tid("stChatMessageContent"));
      const name = (content?.getAttribute("aria-label") ?? "").replace(/^Chat message from /, "");
      return { kind, name, children: childrenOf(content && inner(content)) };
    }
    return { kind, children: childrenOf(inner(el)) };
  }

  function field(el: DomElement, selector: string): FormElement | null {
    return el.querySelector(selector) as FormElement | null;
  }

  function leafNode(container: DomElement): BrowserNode | null {
    const found = firstOf(container, LEAVES);
    if (!found) {
      // An element that shows nothing here (st.toast, st.balloons) or one this reader does not know.
      const text = textOf(container);
      if (!text) blank++;
      return text ? { kind: "unknown", value: text } : null;
    }
    const [el, kind] = found;
    const label = () => textOf(el.querySelector(tid("stWidgetLabel")));
    const disabled = () => field(el, "input, textarea, select, button")?.disabled ?? false;
    switch (kind) {
      case "heading": {
        const heading = el.querySelector("h1, h2, h3, h4, h5, h6");
        const level = { H1: "title", H2: "header", H3: "subheader" }[heading?.tagName ?? ""] ?? heading?.tagName.toLowerCase() ?? "heading";
        return { kind: level, value: textOf(heading ?? el) };
      }
      case "alert": {
        const content = el.querySelector('[data-testid^="stAlertContent"]')?.getAttribute("data-testid") ?? "stAlertContent";
        return { kind: content.slice("stAlertContent".length).toLowerCase() || "alert", value: textOf(el) };
      }
      case "exception": {
        // "<type>: <message>": the type is the box's first innermost element (Streamlit's
        // `<span>`, or the `<strong>` of its markdown; Edgelit's `<strong>`); the colon may be CSS.
        const box = el.querySelector(tid("stExceptionMessage")) ?? el;
        let first = box.firstElementChild;
        while (first?.firstElementChild) first = first.firstElementChild;
        const type = textOf(first);
        const text = textOf(box).replace(/\n/g, " ");
        const message = (text.startsWith(type) ? text.slice(type.length) : text).replace(/^\s*:\s*/, "");
        // Streamlit names its own errors with their module (streamlit.errors.X): the class name is compared.
        return { kind, error: type.split(".").pop()!, message };
      }
      case "button":
      case "form_submit_button":
        return { kind, label: textOf(el.querySelector("button")), disabled: disabled() };
      case "text_input":
      case "number_input":
        return { kind, label: label(), value: field(el, "input")?.value ?? null, disabled: disabled() };
      case "text_area":
        return { kind, label: label(), value: field(el, "textarea")?.value ?? null, disabled: disabled() };
      case "chat_input":
        return { kind, label: "", value: field(el, "textarea")?.value ?? null, disabled: disabled() };
      case "checkbox":
        return { kind, label: label(), value: field(el, 'input[type="checkbox"]')?.checked ?? null, disabled: disabled() };
      case "slider": {
        const thumbs = [...el.querySelectorAll(tid("stSliderThumbValue"))].map((thumb) => textOf(thumb));
        return { kind, label: label(), value: thumbs.length === 1 ? thumbs[0] : thumbs, disabled: disabled() };
      }
      case "selectbox": {
        const select = field(el, "select");
        const value = select ? [...(select.selectedOptions ?? [])].map((o) => textOf(o))[0] ?? null : field(el, "input")?.value ?? null;
        return { kind, label: label(), value, disabled: disabled() };
      }
      case "radio": {
        const options = [...el.querySelectorAll('[role="radiogroup"] label')];
        const chosen = options.find((option) => (option.querySelector("input") as FormElement | null)?.checked);
        return { kind, label: label(), value: chosen ? textOf(chosen) : null, disabled: disabled(), options: options.map((o) => textOf(o)) };
      }
      case "progress": {
        const bar = el.querySelector('[role="progressbar"]');
        return { kind, label: textOf(el), value: Number(bar?.getAttribute("aria-valuenow") ?? NaN) };
      }
      case "empty":
        return { kind };
      default:
        return { kind, value: textOf(el) };
    }
  }

  const root = (section: string) => doc.querySelector(tid(section))?.querySelector(VERTICAL) ?? null;
  let blank = 0;
  // Streamlit's main section is `stMain`, or `stAppScrollToBottomContainer` in a chat app: its block container is the same.
  const main = childrenOf(root("stMainBlockContainer"));
  const sidebar = childrenOf(root("stSidebar"));
  // Streamlit pins a chat input written straight into the main area in `stBottom`; Edgelit keeps it last in main.
  const bottom = [...childrenOf(root("stBottomBlockContainer")), ...main.filter((node) => node.kind === "chat_input")];
  const inMain = main.filter((node) => node.kind !== "chat_input");
  const page = globalThis as unknown as { __conformanceToasts?: ToastLog };
  const log = (page.__conformanceToasts ??= { step: new Map(), reported: new WeakSet() });
  for (const toast of doc.querySelectorAll(tid("stToast"))) {
    const text = textOf(toast.querySelector(tid("stToastText")) ?? toast);
    if (!log.reported.has(toast) && text) log.step.set(toast, text);
  }
  return { main: inMain, sidebar, ...(bottom.length > 0 ? { bottom } : {}), toasts: [...log.step.values()], blank };
}
