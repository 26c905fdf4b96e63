/** st.file_uploader: files the viewer uploads, read through the session's own file store. */
import { defineWidgetKind } from "../engine/widgets.ts";
import { normalizeTypes, parseFileList, type SessionFiles, type UploadedFileInfo } from "../engine/files.ts";
import type { AppSession } from "../engine/app_session.ts";
import { StreamlitAPIException, StreamlitValueAssignmentNotAllowedError } from "../errors.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { baseProps, callbackOf, identityOf, showWidget, type OnChange, type WidgetOptions } from "./widget.ts";

export interface FileUploaderOptions extends WidgetOptions, OnChange {
  /** Allowed extensions ("csv", ".txt") or MIME types ("text/csv", "image/*"); any file when unset. */
  type?: string | string[] | null;
  accept_multiple_files?: boolean;
}

/**
 * A file the viewer uploaded (Streamlit's UploadedFile). Its bytes stay with the platform until
 * read; `name`, `type` and `size` are as the browser uploaded it.
 */
export class UploadedFile {
  readonly file_id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  #bytes: Promise<ArrayBuffer> | null = null;
  // Not a property: session state stores the file as its plain fields.
  readonly #files: SessionFiles;

  /** @internal */
  constructor(info: UploadedFileInfo, files: SessionFiles) {
    this.#files = files;
    this.file_id = info.file_id;
    this.name = info.name;
    this.type = info.type;
    this.size = info.size;
  }

  /** The file's bytes (a copy each call). */
  async arrayBuffer(): Promise<ArrayBuffer> {
    this.#bytes ??= this.#files.readUpload(this.file_id).then((bytes) => {
      if (!bytes) throw new StreamlitAPIException(`The uploaded file "${this.name}" is no longer available: it was removed.`);
      return bytes;
    });
    const bytes = await this.#bytes.catch((error: unknown) => {
      this.#bytes = null;
      throw error;
    });
    return bytes.slice(0);
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.arrayBuffer());
  }

  /** Python's `getvalue()`: the file's bytes. */
  getvalue(): Promise<Uint8Array> {
    return this.bytes();
  }

  /** The file as UTF-8 text (a byte-order mark is dropped). */
  async text(): Promise<string> {
    return new TextDecoder("utf-8").decode(await this.arrayBuffer());
  }

  toJSON(): UploadedFileInfo {
    return { file_id: this.file_id, name: this.name, type: this.type, size: this.size };
  }
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /** A file uploader: null (or [] with `accept_multiple_files`) until the viewer uploads. */
    file_uploader(label: string, options?: FileUploaderOptions & { accept_multiple_files?: false }): UploadedFile | null;
    file_uploader(label: string, options: FileUploaderOptions & { accept_multiple_files: true }): UploadedFile[];
    file_uploader(label: string, options?: FileUploaderOptions): UploadedFile | UploadedFile[] | null;
  }
}

defineWidgetKind({
  kind: "file_uploader",
  validate: (wire, props) => {
    const files = parseFileList(wire);
    if (typeof files === "string") return files;
    if (!props.multiple && files.length > 1) return "This file uploader takes one file.";
    if (new Set(files.map((f) => f.file_id)).size !== files.length) return "A file is listed twice.";
    return null;
  },
});

export const fileUploaderMethods = {
  file_uploader(this: DeltaGenerator, label: string, options: FileUploaderOptions = {}): UploadedFile | UploadedFile[] | null {
    const ctx = this._context("st.file_uploader");
    const session = ctx.run.session;
    const types = normalizeTypes(options.type);
    const multiple = options.accept_multiple_files === true;
    const fromWire = (wire: unknown) => {
      const list = parseFileList(wire);
      const files = (typeof list === "string" ? [] : list).map((info) => new UploadedFile(recorded(session, info), session.files));
      return multiple ? files : (files[0] ?? null);
    };
    return showWidget(this, {
      kind: "file_uploader",
      key: options.key,
      identity: identityOf(label, options, { type: types ?? null, accept_multiple_files: multiple }),
      defaultValue: multiple ? [] : null,
      props: (wire) => ({
        ...baseProps(label, options),
        ...(types ? { type: types } : {}),
        multiple,
        max_upload_size_mb: session.maxUploadSizeMb,
        value: typeof wire === "string" ? wire : "[]",
      }),
      toWire: (value) => {
        if (value === null || (Array.isArray(value) && value.length === 0)) return "[]";
        throw new StreamlitValueAssignmentNotAllowedError(options.key ?? label);
      },
      fromWire,
      callback: callbackOf(options.on_change, options.args, options.kwargs),
    });
  },
};

/** The file as the session recorded its upload (the browser's list only names it). */
function recorded(session: AppSession, info: UploadedFileInfo): UploadedFileInfo {
  const record = session.uploads.get(info.file_id);
  return record ? { file_id: record.file_id, name: record.name, type: record.type, size: record.size } : info;
}
