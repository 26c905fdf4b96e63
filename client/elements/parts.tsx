import { Show, type JSX } from "solid-js";
import type { LabelVisibility } from "../../sessions/protocol.ts";
import { renderMarkdown } from "../markdown.ts";

/** Sanitised markdown as HTML; `inline` renders without a wrapping paragraph. */
export function MarkdownHtml(props: {
  body: string;
  unsafeHtml?: boolean;
  inline?: boolean;
  class?: string;
  testid?: string;
}): JSX.Element {
  const html = () => renderMarkdown(props.body, { unsafeHtml: props.unsafeHtml, inline: props.inline });
  return props.inline ? (
    <span class={props.class} data-testid={props.testid} innerHTML={html()} />
  ) : (
    <div class={props.class} data-testid={props.testid ?? "stMarkdownContainer"} innerHTML={html()} />
  );
}

/**
 * The "?" icon showing an element's help on hover or focus. Its glyph and tooltip are CSS
 * generated content, so the help text stays out of the label's and heading's text.
 */
export function HelpIcon(props: { help: string | undefined }): JSX.Element {
  return (
    <Show when={props.help}>
      {(help) => (
        <span
          class="help-icon"
          data-testid="stTooltipIcon"
          tabindex="0"
          role="img"
          aria-label={help()}
          data-tooltip={help()}
        />
      )}
    </Show>
  );
}

/** A widget's label: "hidden" keeps its space, "collapsed" removes it. */
export function WidgetLabel(props: {
  label: string;
  for?: string;
  help?: string;
  visibility?: LabelVisibility;
}): JSX.Element {
  return (
    <Show when={props.visibility !== "collapsed"}>
      <div class="widget-label" data-testid="stWidgetLabel" data-visibility={props.visibility ?? "visible"}>
        <label for={props.for}>
          <MarkdownHtml body={props.label} inline />
        </label>
        <HelpIcon help={props.help} />
      </div>
    </Show>
  );
}

/** The hint under a text-like input that its edit is not applied yet. */
export function InputInstructions(props: { show: boolean; text: string }): JSX.Element {
  return (
    <Show when={props.show}>
      <div class="input-instructions" data-testid="InputInstructions">
        {props.text}
      </div>
    </Show>
  );
}
