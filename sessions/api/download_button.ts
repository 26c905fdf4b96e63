/**
 * st.download_button: a button that downloads a file, kept in the session's media store; a
 * click reruns the app (on_click "rerun", the default), runs a callback, or does nothing more
 * ("ignore"). `data` may be a function (possibly async) or a Blob: then it is made when clicked,
 * as Streamlit's deferred data.
 */
import { defineWidgetKind } from "../engine/widgets.ts";
import { StreamlitAPIException } from "../errors.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { baseProps, callbackOf, identityOf, showWidget, type WidgetOptions } from "./widget.ts";
import { mediaId, type MediaMeta } from "../engine/files.ts";

/** What `.arrayBuffer()` gives: a Blob, a File, a Response. */
export interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>;
  type?: string;
}

export type DownloadBytes = string | Uint8Array | ArrayBuffer | ArrayBufferView | BlobLike;
export type DownloadData = DownloadBytes | (() => DownloadBytes | Promise<DownloadBytes>);

export interface DownloadButtonOptions extends WidgetOptions {
  file_name?: string;
  /** The file's MIME type: "text/plain" for text and "application/octet-stream" for bytes when unset. */
  mime?: string;
  on_click?: "rerun" | "ignore" | ((...args: any[]) => unknown);
  args?: unknown[];
  kwargs?: Record<string, unknown>;
  type?: "primary" | "secondary" | "tertiary";
  icon?: string;
  use_container_width?: boolean;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** A download button: true on the run its click triggers. */
    download_button(label: string, data: DownloadData, options?: DownloadButtonOptions): boolean;
  }
}

defineWidgetKind({
  kind: "download_button",
  validate: (wire, props) => (props.ignore_rerun ? "This download button does not rerun the app." : wire === true ? null : "A download button can only be clicked (value true)."),
});

export const downloadButtonMethods = {
  download_button(this: DeltaGenerator, label: string, data: DownloadData, options: DownloadButtonOptions = {}): boolean {
    const ctx = this._context("st.download_button");
    if (ctx.run.containerOf(this._target(ctx)).formId !== undefined) {
      throw new StreamlitAPIException("`st.download_button()` can't be used in an `st.form()`.");
    }
    const session = ctx.run.session;
    const onClick = options.on_click;
    if (onClick !== undefined && onClick !== "rerun" && onClick !== "ignore" && typeof onClick !== "function") {
      throw new StreamlitAPIException(`on_click must be "rerun", "ignore" or a callable, not ${JSON.stringify(onClick)}.`);
    }
    const deferred = typeof data === "function" || isBlobLike(data);
    const bytes = deferred ? null : toBytes(data as DownloadBytes);
    const meta: MediaMeta = {
      mime: options.mime ?? (typeof data === "string" ? "text/plain" : isBlobLike(data) && data.type ? data.type : "application/octet-stream"),
      file_name: options.file_name ?? defaultFileName(options.mime ?? (typeof data === "string" ? "text/plain" : "")),
    };
    let media: string | undefined;
    if (bytes) {
      media = mediaId(bytes, meta);
      session.storeMedia(media, bytes, meta);
    }
    const registered = showWidget(this, {
      kind: "download_button",
      key: options.key,
      identity: identityOf(label, options, { file_name: options.file_name ?? null, mime: options.mime ?? null, on_click: typeof onClick === "string" ? onClick : null }),
      defaultValue: false,
      trigger: true,
      props: () => ({
        ...baseProps(label, options),
        type: options.type ?? "secondary",
        ...(options.icon !== undefined ? { icon: options.icon } : {}),
        ...(options.use_container_width ? { use_container_width: true } : {}),
        file_name: meta.file_name,
        mime: meta.mime,
        ...(media ? { media_id: media } : { deferred: true }),
        ...(onClick === "ignore" ? { ignore_rerun: true } : {}),
      }),
      toWire: (value) => value,
      fromWire: (wire) => wire === true,
      callback: callbackOf(typeof onClick === "function" ? onClick : undefined, options.args, options.kwargs),
    }, (registration) => {
      if (deferred) session.deferDownload(registration.id, () => resolveDownloadData(data), meta);
    });
    return registered;
  },
};

/** Makes a deferred download's bytes (at click time). */
export async function resolveDownloadData(data: DownloadData): Promise<Uint8Array> {
  const value = typeof data === "function" ? await data() : data;
  if (typeof value === "function") throw new StreamlitAPIException("A download button's data function must return the data, not another function.");
  if (isBlobLike(value)) return new Uint8Array(await value.arrayBuffer());
  return toBytes(value);
}

function isBlobLike(data: unknown): data is BlobLike {
  return typeof data === "object" && data !== null && !ArrayBuffer.isView(data) && !(data instanceof ArrayBuffer) && typeof (data as BlobLike).arrayBuffer === "function";
}

function toBytes(data: DownloadBytes): Uint8Array {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new StreamlitAPIException(`Invalid binary data format: ${data === null ? "null" : typeof data}. Pass a string, bytes (Uint8Array, ArrayBuffer), a Blob or a function returning one.`);
}

function defaultFileName(mime: string): string {
  return mime === "text/plain" ? "download.txt" : mime === "text/csv" ? "download.csv" : "download";
}
