/**
 * A session's files: what its browser uploaded (`st.file_uploader`) and what it offers for
 * download (`st.download_button`). The bytes live with the platform (R2, under the app's and the
 * session's own prefix, sessions/session.ts); the engine keeps only which file belongs to which
 * widget, and reads or stores bytes through `SessionFiles`. In-process (AppTest, the benchmark)
 * the bytes stay in memory.
 */
import type { LeafProps } from "../protocol.ts";

/** What the session knows of one uploaded file; the browser's widget values are checked against it. */
export interface UploadRecord {
  file_id: string;
  /** The file_uploader it was uploaded for. */
  widget_id: string;
  name: string;
  type: string;
  size: number;
}

/** A file of a widget value, as the browser sends it and the script sees it. */
export interface UploadedFileInfo {
  file_id: string;
  name: string;
  type: string;
  size: number;
}

export interface MediaMeta {
  mime: string;
  file_name: string;
}

/** Where a session's file bytes are: the platform's SessionHost in an app's isolate, memory in-process. */
export interface SessionFiles {
  /** An uploaded file of this session, or null when there is none by that id. */
  readUpload(fileId: string): Promise<ArrayBuffer | null>;
  /** Stores a download's bytes under `id` (a content digest) in the session's media store. */
  putMedia(id: string, bytes: ArrayBuffer, meta: MediaMeta): Promise<void>;
}

/** A file id: what the browser names an upload by (a UUID, say). */
export const FILE_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** A media id: a content digest (`mediaId`). */
export const MEDIA_ID = /^[a-z0-9]{8,40}$/;

/** The in-process store: AppTest's uploads and downloads. */
export class MemorySessionFiles implements SessionFiles {
  readonly uploads = new Map<string, ArrayBuffer>();
  readonly media = new Map<string, { bytes: ArrayBuffer; meta: MediaMeta }>();

  async readUpload(fileId: string): Promise<ArrayBuffer | null> {
    const bytes = this.uploads.get(fileId);
    return bytes ? bytes.slice(0) : null;
  }

  async putMedia(id: string, bytes: ArrayBuffer, meta: MediaMeta): Promise<void> {
    this.media.set(id, { bytes: bytes.slice(0), meta: { ...meta } });
  }
}

/**
 * Streamlit's `type` option: extensions ("csv", ".CSV" → ".csv"; "jpg" also allows ".jpeg" and
 * the other way round) and, where an entry has a "/", MIME types ("text/csv", "image/*").
 */
export function normalizeTypes(type: string | readonly string[] | null | undefined): string[] | undefined {
  if (type === null || type === undefined) return undefined;
  const list = typeof type === "string" ? [type] : [...type];
  const out = new Set<string>();
  for (const entry of list) {
    if (typeof entry !== "string" || entry.trim() === "") continue;
    const t = entry.trim().toLowerCase();
    if (t.includes("/")) {
      out.add(t);
      continue;
    }
    const ext = t.startsWith(".") ? t : `.${t}`;
    out.add(ext);
    if (ext === ".jpg") out.add(".jpeg");
    if (ext === ".jpeg") out.add(".jpg");
  }
  return out.size > 0 ? [...out] : undefined;
}

/** Whether a file of this name and MIME type is one the widget accepts. */
export function typeAccepted(types: readonly string[] | undefined, name: string, mime: string): boolean {
  if (!types || types.length === 0) return true;
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf(".");
  const ext = dot >= 0 ? lower.slice(dot) : "";
  const type = mime.toLowerCase().split(";")[0]!.trim();
  return types.some((t) => {
    if (!t.includes("/")) return ext === t;
    if (t.endsWith("/*")) return type.startsWith(t.slice(0, -1));
    return type === t;
  });
}

/** Why an upload cannot be a file of this widget, or null when it can (the browser checks the same before uploading). */
export function uploadRefusal(props: LeafProps["file_uploader"], file: { name: string; type: string; size: number }): string | null {
  if (props.disabled) return `The file uploader "${props.label}" is disabled.`;
  if (!typeAccepted(props.type, file.name, file.type)) {
    return `${file.name}: files of this type are not allowed here. Allowed: ${(props.type ?? []).join(", ")}.`;
  }
  const limit = props.max_upload_size_mb * 1024 * 1024;
  if (file.size > limit) return `${file.name}: the file is larger than the limit of ${props.max_upload_size_mb} MB.`;
  return null;
}

/** A content digest of a download and how it is offered (name, type): its media id. Not cryptographic. */
export function mediaId(bytes: Uint8Array, meta: MediaMeta): string {
  let a = 0x811c9dc5 ^ bytes.length;
  let b = 0x01000193;
  let c = 0x9e3779b9;
  for (let i = 0; i < bytes.length; i++) {
    const x = bytes[i]!;
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    c = Math.imul(c ^ x, 0x85ebca6b) + i;
  }
  const tail = `\u0000${meta.mime}\u0000${meta.file_name}`;
  for (let i = 0; i < tail.length; i++) {
    const x = tail.charCodeAt(i);
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    c = Math.imul(c ^ x, 0x85ebca6b);
  }
  const part = (n: number) => (n >>> 0).toString(36).padStart(7, "0");
  return `${part(a)}${part(b)}${part(c)}${bytes.length.toString(36)}`;
}

/** The files of a file_uploader's wire value, or why it is not one. */
export function parseFileList(wire: unknown): UploadedFileInfo[] | string {
  if (typeof wire !== "string") return "Expected the list of files as JSON text.";
  let data: unknown;
  try {
    data = JSON.parse(wire);
  } catch {
    return "Expected the list of files as JSON text.";
  }
  if (!Array.isArray(data)) return "Expected a list of files.";
  const files: UploadedFileInfo[] = [];
  for (const item of data) {
    const f = item as Record<string, unknown>;
    if (typeof f !== "object" || f === null || typeof f.file_id !== "string" || !FILE_ID.test(f.file_id) || typeof f.name !== "string" || typeof f.type !== "string" || !Number.isSafeInteger(f.size) || (f.size as number) < 0) {
      return "Each file is {file_id, name, type, size}.";
    }
    files.push({ file_id: f.file_id, name: f.name, type: f.type, size: f.size as number });
  }
  return files;
}
