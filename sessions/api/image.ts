/**
 * st.image: one or more images by URL, each with an optional caption. A Worker has no files to
 * read, so a string is always a URL: absolute, or relative to the app's page, like
 * "app/static/cat.png" for a file of the app's static/ folder (server.enableStaticServing).
 */
import { StreamlitAPIException } from "../errors.ts";
import type { DeltaGenerator } from "./delta_generator.ts";

export interface ImageOptions {
  /** One caption, or one per image. */
  caption?: string | string[];
  /** "content" (default: the image's own width, at most the container's), "stretch", or pixels. */
  width?: number | "content" | "stretch";
  /** Deprecated in Streamlit for `width: "stretch"`. */
  use_container_width?: boolean;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** Displays an image, or a row of images, by URL. */
    image(image: string | readonly string[], options?: ImageOptions): DeltaGenerator;
  }
}

/** Schemes that would run code in the platform's origin; data: only for images. */
const UNSAFE_URL = /^(?:javascript|vbscript|blob|file|data(?!:image\/(?:png|jpe?g|gif|webp|avif);))/i;

export const imageMethods = {
  image(this: DeltaGenerator, image: string | readonly string[], options: ImageOptions = {}): DeltaGenerator {
    const urls = typeof image === "string" ? [image] : [...image];
    if (urls.length === 0 || urls.some((url) => typeof url !== "string" || url.trim() === "")) {
      throw new StreamlitAPIException("st.image takes an image URL, or a list of them.");
    }
    for (const url of urls) {
      if (UNSAFE_URL.test(url.replace(/[\u0000-\u0020\u007f]/g, ""))) {
        throw new StreamlitAPIException(`st.image cannot show ${JSON.stringify(url.slice(0, 60))}: use an http(s) URL, a path, or a data:image URL.`);
      }
    }
    const captions = options.caption === undefined ? [] : typeof options.caption === "string" ? urls.map(() => options.caption as string) : [...options.caption];
    if (Array.isArray(options.caption) && captions.length !== urls.length) {
      throw new StreamlitAPIException(`Cannot pair ${captions.length} captions with ${urls.length} images.`);
    }
    const width = options.use_container_width ? "stretch" : (options.width ?? "content");
    if (width !== "content" && width !== "stretch" && !(Number.isInteger(width) && width > 0)) {
      throw new StreamlitAPIException(`Invalid width value: ${JSON.stringify(width)}. Width must be either an integer (pixels), 'stretch', or 'content'.`);
    }
    return this._leaf("image", {
      images: urls.map((url, i) => (captions[i] !== undefined ? { url, caption: String(captions[i]) } : { url })),
      ...(width !== "content" ? { width } : {}),
    });
  },
};
