import { Show, type JSX } from "solid-js";
import { activeSession } from "../socket.ts";
import type { LeafElementProps } from "../types.ts";
import { sendWidgetValue } from "../widget.ts";
import { HelpIcon, MarkdownHtml } from "./parts.tsx";

/**
 * `st.download_button`: a click saves the file (from the session's media store, or made then for
 * deferred data) and, unless `on_click="ignore"`, reruns the app as a button click does.
 */
export function DownloadButton(props: LeafElementProps<"download_button">): JSX.Element {
  const p = () => props.node.props;
  const url = () => {
    const session = activeSession();
    return p().media_id ? `/_stcore/media/${session}/${p().media_id}` : `/_stcore/download/${session}/${encodeURIComponent(p().id)}`;
  };
  return (
    <div class="stDownloadButton" data-testid="stDownloadButton" classList={{ "full-width": p().use_container_width }}>
      <button
        type="button"
        class={`button button-${p().type}`}
        data-testid={`stBaseButton-${p().type}`}
        disabled={p().disabled}
        onClick={() => {
          const link = document.createElement("a");
          link.href = url();
          link.download = p().file_name;
          link.rel = "noopener";
          document.body.appendChild(link);
          link.click();
          link.remove();
          if (!p().ignore_rerun) sendWidgetValue(props, true);
        }}
      >
        <Show when={p().icon}>{(icon) => <span class="button-icon">{icon()}</span>}</Show>
        <MarkdownHtml body={p().label} inline />
      </button>
      <HelpIcon help={p().help} />
    </div>
  );
}
