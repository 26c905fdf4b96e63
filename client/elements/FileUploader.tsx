import { createSignal, For, Show, type JSX } from "solid-js";
import { typeAccepted } from "../../sessions/engine/files.ts";
import { useTree } from "../tree.tsx";
import type { LeafElementProps } from "../types.ts";
import { sendWidgetValue } from "../widget.ts";
import { WidgetLabel } from "./parts.tsx";
import "./FileUploader.css";

interface FileEntry {
  file_id: string;
  name: string;
  type: string;
  size: number;
}

/** A file the browser did not (or could not) upload, with why. */
interface Problem {
  key: string;
  name: string;
  size: number;
  message: string;
}

/**
 * `st.file_uploader`: Streamlit's dropzone. Each file picked or dropped is checked (type, size)
 * before it goes up; each goes up on its own (PUT /_stcore/upload_file/<session>/<file id>), and
 * then the list of files is the widget's value. A file's x removes it from the value, then from
 * the session.
 */
export function FileUploader(props: LeafElementProps<"file_uploader">): JSX.Element {
  const p = () => props.node.props;
  const tree = useTree();
  let input: HTMLInputElement | undefined;
  const [uploading, setUploading] = createSignal<{ key: string; name: string; size: number }[]>([]);
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [dragging, setDragging] = createSignal(false);
  const files = (): FileEntry[] => {
    try {
      const list = JSON.parse(p().value) as FileEntry[];
      return Array.isArray(list) ? list : [];
    } catch {
      return [];
    }
  };
  const limitBytes = () => p().max_upload_size_mb * 1024 * 1024;

  async function take(picked: File[]): Promise<void> {
    if (p().disabled || picked.length === 0) return;
    const chosen = p().multiple ? picked : picked.slice(0, 1);
    const refused: Problem[] = [];
    const accepted: File[] = [];
    for (const file of chosen) {
      const key = crypto.randomUUID();
      if (!typeAccepted(p().type, file.name, file.type)) refused.push({ key, name: file.name, size: file.size, message: `${extensionOf(file.name) || "This type of file"} files are not allowed.` });
      else if (file.size > limitBytes()) refused.push({ key, name: file.name, size: file.size, message: `File must be ${p().max_upload_size_mb}MB or smaller.` });
      else accepted.push(file);
    }
    setProblems(p().multiple ? [...problems(), ...refused] : refused);
    if (accepted.length === 0) return;
    const sessionId = tree.sessionId;
    const started = accepted.map((file) => ({ file, key: crypto.randomUUID() as string }));
    setUploading([...uploading(), ...started.map(({ file, key }) => ({ key, name: file.name, size: file.size }))]);
    const results = await Promise.all(
      started.map(async ({ file, key }): Promise<FileEntry | Problem> => {
        const form = new FormData();
        form.append("widget_id", p().id);
        form.append("file", file, file.name);
        try {
          const response = await fetch(`/_stcore/upload_file/${sessionId}/${key}`, { method: "PUT", body: form });
          if (!response.ok) return { key, name: file.name, size: file.size, message: (await response.text()) || `Upload failed (${response.status}).` };
          return { file_id: key, name: file.name, type: file.type || "application/octet-stream", size: file.size };
        } catch {
          return { key, name: file.name, size: file.size, message: "Upload failed: the app could not be reached." };
        }
      }),
    );
    const keys = new Set(started.map((s) => s.key));
    setUploading(uploading().filter((u) => !keys.has(u.key)));
    const uploaded = results.filter((r): r is FileEntry => "file_id" in r);
    setProblems([...problems(), ...results.filter((r): r is Problem => "message" in r)]);
    if (uploaded.length === 0) return;
    const before = files();
    const next = p().multiple ? [...before, ...uploaded] : uploaded;
    sendWidgetValue(props, JSON.stringify(next));
    // A single file's uploader replaces its file: the old one goes.
    if (!p().multiple) for (const old of before) void removeFromSession(sessionId, old.file_id);
  }

  function remove(fileId: string): void {
    if (p().disabled) return;
    sendWidgetValue(props, JSON.stringify(files().filter((f) => f.file_id !== fileId)));
    void removeFromSession(tree.sessionId, fileId);
  }

  const accept = () => p().type?.join(",");
  return (
    <div class="stFileUploader" data-testid="stFileUploader">
      <WidgetLabel label={p().label} help={p().help} visibility={p().label_visibility} />
      <section
        class="file-dropzone"
        classList={{ dragging: dragging(), disabled: p().disabled }}
        data-testid="stFileUploaderDropzone"
        tabindex="0"
        aria-label={p().label}
        onDragOver={(event) => {
          event.preventDefault();
          if (!p().disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void take([...(event.dataTransfer?.files ?? [])]);
        }}
      >
        <input
          ref={input}
          type="file"
          data-testid="stFileUploaderDropzoneInput"
          class="file-input"
          accept={accept()}
          multiple={p().multiple}
          disabled={p().disabled}
          onChange={(event) => {
            const picked = [...(event.currentTarget.files ?? [])];
            event.currentTarget.value = "";
            void take(picked);
          }}
        />
        <div class="file-dropzone-instructions" data-testid="stFileUploaderDropzoneInstructions">
          <span class="file-dropzone-icon" aria-hidden="true">☁</span>
          <div>
            <span>Drag and drop {p().multiple ? "files" : "file"} here</span>
            <small>
              Limit {p().max_upload_size_mb}MB per file
              <Show when={p().type}>{(types) => <> • {types().map((t) => t.replace(/^\./, "").toUpperCase()).join(", ")}</>}</Show>
            </small>
          </div>
        </div>
        <button type="button" class="button button-secondary" data-testid="stBaseButton-secondary" disabled={p().disabled} onClick={() => input?.click()}>
          Browse files
        </button>
      </section>
      <ul class="file-list" data-testid="stFileUploaderFileList">
        <For each={files()}>
          {(file) => (
            <li class="file-item" data-testid="stFileUploaderFile">
              <span class="file-icon" aria-hidden="true">📄</span>
              <span class="file-name" data-testid="stFileUploaderFileName" title={file.name}>
                {file.name}
              </span>
              <small class="file-size">{formatSize(file.size)}</small>
              <button type="button" class="file-delete" data-testid="stFileUploaderDeleteBtn" aria-label={`Remove ${file.name}`} disabled={p().disabled} onClick={() => remove(file.file_id)}>
                ✕
              </button>
            </li>
          )}
        </For>
        <For each={uploading()}>
          {(file) => (
            <li class="file-item uploading" data-testid="stFileUploaderFile">
              <span class="file-icon" aria-hidden="true">⏳</span>
              <span class="file-name">{file.name}</span>
              <small class="file-size">{formatSize(file.size)}</small>
            </li>
          )}
        </For>
        <For each={problems()}>
          {(problem) => (
            <li class="file-item error" data-testid="stFileUploaderFile">
              <span class="file-icon" aria-hidden="true">⚠</span>
              <span class="file-name" title={problem.name}>
                {problem.name}
              </span>
              <small class="file-error" data-testid="stFileUploaderFileErrorMessage">
                {problem.message}
              </small>
              <button type="button" class="file-delete" data-testid="stFileUploaderDeleteBtn" aria-label={`Dismiss ${problem.name}`} onClick={() => setProblems(problems().filter((x) => x.key !== problem.key))}>
                ✕
              </button>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

async function removeFromSession(sessionId: string, fileId: string): Promise<void> {
  try {
    await fetch(`/_stcore/upload_file/${sessionId}/${fileId}`, { method: "DELETE" });
  } catch {
    // The session forgets it with the session; nothing names it any more.
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** Streamlit's sizes: "1.2KB", "3.4MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)}${units[unit]}`;
}
