/**
 * st.file_uploader and st.download_button under the real platform: uploads go through the app's
 * origin to the session's Durable Object, are checked with the widget, and land in R2 under the
 * app's and the session's own prefix; downloads come back from there.
 */
import { abortAllDurableObjects, env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ServerFrame } from "../../sessions/protocol.ts";
import { elements } from "./page.ts";
import { isError, openSession, randomSessionId, type TestSocket } from "./socket.ts";

const ORIGIN = "https://uploads.edgelit.test";
const completed = (frame: ServerFrame) => frame.t === "run_end" && frame.outcome === undefined;

async function open(sessionId = randomSessionId()): Promise<{ socket: TestSocket; sessionId: string }> {
  const socket = await openSession("uploads", sessionId);
  await socket.next(completed);
  return { socket, sessionId };
}

function uploader(socket: TestSocket, label: string) {
  const found = elements(socket.frames, "file_uploader").find((w) => w.label === label);
  if (!found) throw new Error(`No uploader ${label}`);
  return found;
}

const texts = (socket: TestSocket) => elements(socket.frames, "text").map((t) => t.body);

function upload(sessionId: string, fileId: string, widgetId: string, file: { name: string; type: string; data: string | Uint8Array }, { origin = ORIGIN, host = ORIGIN } = {}): Promise<Response> {
  const form = new FormData();
  form.append("widget_id", widgetId);
  form.append("file", new File([file.data], file.name, { type: file.type }));
  return SELF.fetch(`${host}/_stcore/upload_file/${sessionId}/${fileId}`, { method: "PUT", body: form, headers: { Origin: origin } });
}

const stored = async (prefix: string) => (await env.UPLOADS.list({ prefix })).objects.map((o) => o.key);
/** The uploaded files a session has in the bucket (its downloads are under media/). */
const uploadsOf = async (sessionId: string) => (await stored(`apps/uploads/sessions/${sessionId}/`)).filter((key) => !key.includes("/media/"));

/** Sends the file list as the uploader's value; resolves after the run it triggers. */
async function choose(socket: TestSocket, widgetId: string, files: { file_id: string; name: string; type: string; size: number }[]): Promise<void> {
  socket.send({ t: "widget", id: widgetId, value: JSON.stringify(files) });
  await socket.next(completed);
}

describe("st.file_uploader through the platform", () => {
  it("stores an upload under the app's and session's prefix, and the script reads it", async () => {
    const { socket, sessionId } = await open();
    const csv = uploader(socket, "CSV");
    expect(csv).toMatchObject({ type: [".csv"], multiple: false, max_upload_size_mb: 1, value: "[]" });
    const response = await upload(sessionId, "file-0001", csv.id, { name: "data.csv", type: "text/csv", data: "a,b\n1,2\n" });
    expect(response.status).toBe(204);
    expect(await uploadsOf(sessionId)).toEqual([`apps/uploads/sessions/${sessionId}/file-0001`]);
    await choose(socket, csv.id, [{ file_id: "file-0001", name: "data.csv", type: "text/csv", size: 8 }]);
    expect(texts(socket)[0]).toBe("csv:data.csv|text/csv|8|a,b\n1,2");

    // Its download, from the session's media store, as an attachment.
    const get = elements(socket.frames, "download_button").find((b) => b.label === "Get")!;
    expect(get).toMatchObject({ file_name: "copy ✓.csv", mime: "text/csv" });
    const file = await SELF.fetch(`${ORIGIN}/_stcore/media/${sessionId}/${get.media_id}`);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe("copy of a,b\n1,2\n");
    expect(file.headers.get("Content-Type")).toBe("text/csv");
    expect(file.headers.get("Content-Disposition")).toBe(`attachment; filename="copy _.csv"; filename*=UTF-8''${encodeURIComponent("copy ✓.csv")}`);
    expect(await stored(`apps/uploads/sessions/${sessionId}/media/`)).toContain(`apps/uploads/sessions/${sessionId}/media/${get.media_id}`);
    // Another session's id does not reach it.
    expect((await SELF.fetch(`${ORIGIN}/_stcore/media/${randomSessionId()}/${get.media_id}`)).status).toBe(404);

    // A click on the button reruns the app (true for that run).
    socket.send({ t: "widget", id: get.id, value: true });
    await socket.next(completed);
    expect(texts(socket).at(-1)).toBe("clicked:true");

    // Deferred data is made when clicked.
    const later = elements(socket.frames, "download_button").find((b) => b.label === "Later")!;
    expect(later.deferred).toBe(true);
    const made = await SELF.fetch(`${ORIGIN}/_stcore/download/${sessionId}/${encodeURIComponent(later.id)}`);
    expect(await made.text()).toBe("made at click, data.csv");
    expect(made.headers.get("Content-Disposition")).toMatch(/^attachment; filename="later.txt"/);

    // The file's x: the value first, then the file, which leaves the bucket.
    await choose(socket, csv.id, []);
    expect(texts(socket)[0]).toBe("csv:none");
    const removed = await SELF.fetch(`${ORIGIN}/_stcore/upload_file/${sessionId}/file-0001`, { method: "DELETE", headers: { Origin: ORIGIN } });
    expect(removed.status).toBe(204);
    expect(await stored(`apps/uploads/sessions/${sessionId}/file-`)).toEqual([]);
    // A file it removed cannot come back as a value.
    socket.send({ t: "widget", id: csv.id, value: JSON.stringify([{ file_id: "file-0001", name: "data.csv", type: "text/csv", size: 8 }]) });
    expect(await socket.next(isError)).toMatchObject({ code: "invalid_value" });
    socket.close();
  });

  it("refuses a file over server.maxUploadSize with 413, and stores nothing", async () => {
    const { socket, sessionId } = await open();
    const big = new Uint8Array(1024 * 1024 + 200 * 1024);
    const response = await upload(sessionId, "file-big01", uploader(socket, "Many").id, { name: "big.bin", type: "application/octet-stream", data: big });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/File too large: this app accepts uploads of at most 1 MB \(server.maxUploadSize\)/);
    // Just over the limit, within the multipart allowance: the session's own check refuses it.
    const barely = await upload(sessionId, "file-big02", uploader(socket, "Many").id, { name: "big.bin", type: "application/octet-stream", data: new Uint8Array(1024 * 1024 + 1) });
    expect(barely.status).toBe(413);
    expect(await uploadsOf(sessionId)).toEqual([]);
    socket.close();
  });

  it("refuses a type the widget does not accept, and a widget that is no file uploader of the session", async () => {
    const { socket, sessionId } = await open();
    const wrongType = await upload(sessionId, "file-txt01", uploader(socket, "CSV").id, { name: "notes.txt", type: "text/plain", data: "hi" });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.text()).toBe("notes.txt: files of this type are not allowed here. Allowed: .csv.");
    const button = elements(socket.frames, "button")[0]!;
    const notUploader = await upload(sessionId, "file-btn01", button.id, { name: "a.csv", type: "text/csv", data: "a" });
    expect(notUploader.status).toBe(400);
    expect(await notUploader.text()).toMatch(/^No file uploader with id/);
    const unknown = await upload(sessionId, "file-unk01", "no-such-widget", { name: "a.csv", type: "text/csv", data: "a" });
    expect(unknown.status).toBe(400);
    expect(await uploadsOf(sessionId)).toEqual([]);
    // Any type goes to the uploader without `type`, several at once.
    const many = uploader(socket, "Many");
    expect((await upload(sessionId, "file-any01", many.id, { name: "a.txt", type: "text/plain", data: "a" })).status).toBe(204);
    expect((await upload(sessionId, "file-any02", many.id, { name: "b.png", type: "image/png", data: "b" })).status).toBe(204);
    await choose(socket, many.id, [
      { file_id: "file-any01", name: "a.txt", type: "text/plain", size: 1 },
      { file_id: "file-any02", name: "b.png", type: "image/png", size: 1 },
    ]);
    expect(texts(socket)[1]).toBe("many:a.txt,b.png");
    socket.close();
  });

  it("refuses an upload for an unknown session, another app's session, or from another app's origin", async () => {
    const { socket, sessionId } = await open();
    const csv = uploader(socket, "CSV").id;
    const file = { name: "a.csv", type: "text/csv", data: "a" };
    // A session id nobody opened.
    const nobody = randomSessionId();
    const unknown = await upload(nobody, "file-x0001", csv, file);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/No such session of this app/);
    // This session's id, on another app's origin: that app has no such session.
    const elsewhere = await upload(sessionId, "file-x0002", csv, file, { host: "https://hello.edgelit.test", origin: "https://hello.edgelit.test" });
    expect(elsewhere.status).toBe(404);
    // Another app's page uploading to this app's session.
    const crossOrigin = await upload(sessionId, "file-x0003", csv, file, { origin: "https://hello.edgelit.test" });
    expect(crossOrigin.status).toBe(403);
    // A hello session's id on this app's origin.
    const hello = await openSession("hello");
    await hello.next(completed);
    hello.close();
    expect(await stored(`apps/uploads/sessions/${nobody}/`)).toEqual([]);
    expect(await stored(`apps/hello/`)).toEqual([]);
    expect(await uploadsOf(sessionId)).toEqual([]);
    // A bad file id, and an upload without a size.
    expect((await upload(sessionId, "..%2F..%2Fx", csv, file)).status).toBe(400);
    socket.close();
  });

  it("refuses a widget value naming another session's file with an invalid_value error frame", async () => {
    const a = await open();
    const b = await open();
    const csvA = uploader(a.socket, "CSV").id;
    expect((await upload(a.sessionId, "file-aaaa1", csvA, { name: "secret.csv", type: "text/csv", data: "secret" })).status).toBe(204);
    const forged = [{ file_id: "file-aaaa1", name: "secret.csv", type: "text/csv", size: 6 }];
    b.socket.send({ t: "widget", id: uploader(b.socket, "CSV").id, value: JSON.stringify(forged) });
    const refusal = await b.socket.next(isError);
    expect(refusal).toMatchObject({ code: "invalid_value", message: expect.stringMatching(/was not uploaded to this widget in this session/) });
    expect(texts(b.socket)[0]).toBe("csv:none");
    // The other session still has its file.
    await choose(a.socket, csvA, forged);
    expect(texts(a.socket)[0]).toBe("csv:secret.csv|text/csv|6|secret");
    a.socket.close();
    b.socket.close();
  });

  it("keeps the file through a reload and an eviction of the session's Durable Object", async () => {
    const { socket, sessionId } = await open();
    const csv = uploader(socket, "CSV").id;
    expect((await upload(sessionId, "file-keep1", csv, { name: "k.csv", type: "text/csv", data: "kept" })).status).toBe(204);
    await choose(socket, csv, [{ file_id: "file-keep1", name: "k.csv", type: "text/csv", size: 4 }]);
    socket.close();
    const again = await openSession("uploads", sessionId);
    await again.next(completed);
    expect(texts(again)[0]).toBe("csv:k.csv|text/csv|4|kept");
    expect(JSON.parse(uploader(again, "CSV").value)).toEqual([{ file_id: "file-keep1", name: "k.csv", type: "text/csv", size: 4 }]);
    again.close();

    // After an eviction (the Durable Object and its isolate start afresh from storage): the same.
    await abortAllDurableObjects();
    const restored = await openSession("uploads", sessionId);
    await restored.next(completed);
    expect(texts(restored)[0]).toBe("csv:k.csv|text/csv|4|kept");
    // The restored session still knows the file is its own: the same value is good, another upload's name is not.
    restored.send({ t: "widget", id: csv, value: JSON.stringify([{ file_id: "file-keep1", name: "k.csv", type: "text/csv", size: 4 }]) });
    await restored.next(completed);
    restored.send({ t: "widget", id: csv, value: JSON.stringify([{ file_id: "file-nope1", name: "k.csv", type: "text/csv", size: 4 }]) });
    expect(await restored.next(isError)).toMatchObject({ code: "invalid_value" });
    restored.close();
  });
});
