import { Show, type JSX } from "solid-js";
import { useTree } from "../tree.tsx";
import type { LeafElementProps } from "../types.ts";
import { sendWidgetValue } from "../widget.ts";
import { HelpIcon, MarkdownHtml } from "./parts.tsx";

/**
 * `st.download_button`: a click saves the file (from the session's media store, or made then for
 * deferred data) and, unless `on_click="ignore"`, reruns the app as a button click does.
 */
export function DownloadButton(props: LeafElementProps<"download_button">): JSX.Element {
  const p = () => props.node.props;
  const tree = useTree();
  const url = () => {
    const session = tree.sessionId;
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
          if (!p().ignore_rerun) sendWidgetValue(props, true);
          // A stored file downloads straight from its URL; one made when clicked is fetched first,
          // so that its function's failure shows here instead of as a failed download.
          if (!p().deferred) return save(url(), p().file_name);
          void fetch(url()).then(
            async (response) => {
              if (!response.ok) return void tree.toasts.push(`Download failed: ${await response.text()}`);
              const blobUrl = URL.createObjectURL(await response.blob());
              save(blobUrl, p().file_name);
              setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
            },
            () => tree.toasts.push("Download failed: the app could not be reached."),
          );
        }}
      >
        <Show when={p().icon}>{(icon) => <span class="button-icon">{icon()}</span>}</Show>
        <MarkdownHtml body={p().label} inline />
      </button>
      <HelpIcon help={p().help} />
    </div>
  );
}

/** Has the browser save `href` as `fileName`. */
function save(href: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
}
