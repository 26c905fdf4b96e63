import { For, Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import "./Image.css";

/** `st.image`: a row of images, each with its caption under it. */
export function Image(props: LeafElementProps<"image">): JSX.Element {
  const width = () => props.node.props.width;
  return (
    <div class="stImageList" classList={{ stretch: width() === "stretch" }}>
      <For each={props.node.props.images}>
        {(image) => (
          <div class="stImage" data-testid="stImage">
            <img
              src={safeSrc(image.url)}
              alt={image.caption ?? ""}
              style={typeof width() === "number" ? { width: `${width() as number}px` } : undefined}
            />
            <Show when={image.caption}>
              <div class="stImageCaption" data-testid="stImageCaption">
                {image.caption}
              </div>
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}

/** Apps share the platform's origin: web URLs, paths and data:image only. */
function safeSrc(url: string): string | undefined {
  try {
    const parsed = new URL(url, document.baseURI);
    return ["http:", "https:"].includes(parsed.protocol) || /^data:image\//i.test(url.trim()) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
