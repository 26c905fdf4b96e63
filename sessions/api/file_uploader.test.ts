import { describe, expect, it } from "vitest";
import st, { type UploadedFile } from "edgelit";
import { AppTest } from "edgelit/testing";

describe("st.file_uploader", () => {
  it("is null until a file is uploaded, then an UploadedFile the script reads", async () => {
    const at = await AppTest.from_function(async () => {
      const file = st.file_uploader("Pick a CSV", { type: ["csv"] });
      if (file === null) return void st.write("nothing yet");
      st.write(`${file.name} ${file.type} ${file.size}`);
      st.code(await file.text());
      st.write(`bytes ${(await file.bytes()).length} ${(await file.arrayBuffer()).byteLength}`);
    }).run();
    expect(at.markdown.map((m) => m.value)).toEqual(["nothing yet"]);
    expect(at.file_uploader[0]!.props).toMatchObject({ label: "Pick a CSV", type: [".csv"], multiple: false, max_upload_size_mb: 200, value: "[]" });
    await at.file_uploader[0]!.upload([{ name: "data.csv", data: "a,b\n1,2\n" }]).run();
    expect(at.exception).toHaveLength(0);
    expect(at.markdown.map((m) => m.value)).toEqual(["data.csv text/csv 8", "bytes 8 8"]);
    expect(at.code[0]!.value).toBe("a,b\n1,2\n");
    expect((at.file_uploader[0]!.value as UploadedFile).name).toBe("data.csv");
    // It stays on the next run, and goes when cleared.
    await at.run();
    expect(at.code[0]!.value).toBe("a,b\n1,2\n");
    await at.file_uploader[0]!.clear().run();
    expect(at.markdown.map((m) => m.value)).toEqual(["nothing yet"]);
  });

  it("gives a list with accept_multiple_files ([] when none), and runs on_change", async () => {
    const at = await AppTest.from_function(() => {
      if (!("changes" in st.session_state)) st.session_state.changes = 0;
      const files = st.file_uploader("Files", {
        accept_multiple_files: true,
        on_change: () => void (st.session_state.changes += 1),
      });
      st.write(`${files.length}: ${files.map((f) => `${f.name}=${f.size}`).join(", ")}`);
    }).run();
    expect(at.markdown[0]!.value).toBe("0:");
    await at.file_uploader[0]!.upload([
      { name: "a.txt", data: "hello" },
      { name: "b.bin", data: new Uint8Array([1, 2, 3]) },
    ]).run();
    expect(at.markdown[0]!.value).toBe("2: a.txt=5, b.bin=3");
    expect(at.session_state.changes).toBe(1);
  });

  it("refuses a type not accepted, or a file over server.maxUploadSize", async () => {
    const at = await AppTest.from_function(() => {
      st.file_uploader("Images", { type: ["png", "image/jpeg"] });
    }, { max_upload_size_mb: 1 }).run();
    expect(at.file_uploader[0]!.props.max_upload_size_mb).toBe(1);
    await expect(at.file_uploader[0]!.upload([{ name: "notes.txt", data: "x" }]).run()).rejects.toThrow(/notes.txt: files of this type are not allowed here/);
    await expect(at.file_uploader[0]!.upload([{ name: "big.png", data: new Uint8Array(1024 * 1024 + 1) }]).run()).rejects.toThrow(/larger than the limit of 1 MB/);
    // A MIME type matches whatever the name; an extension matches case-insensitively.
    await at.file_uploader[0]!.upload([{ name: "photo", type: "image/jpeg", data: "jpg" }]).run();
    await at.file_uploader[0]!.upload([{ name: "PIC.PNG", data: "png" }]).run();
    expect(at.exception).toHaveLength(0);
  });

  it("refuses a browser value naming a file this widget was not given", async () => {
    const at = await AppTest.from_function(() => {
      st.file_uploader("One", { key: "one" });
      st.file_uploader("Two", { key: "two" });
    }).run();
    await at.file_uploader[0]!.upload([{ name: "a.txt", data: "a" }]).run();
    const [one, two] = at.file_uploader;
    const value = one!.props.value;
    expect(JSON.parse(value)).toHaveLength(1);
    // The other widget, naming the first one's file: refused, nothing changes.
    const refusal = at.session.handleFrame({ t: "widget", id: two!.id, value });
    expect(refusal).toMatchObject({ code: "invalid_value", message: expect.stringMatching(/was not uploaded to this widget in this session/) });
    const forged = JSON.stringify([{ file_id: "0123456789abcdef", name: "x", type: "text/plain", size: 1 }]);
    expect(at.session.handleFrame({ t: "widget", id: one!.id, value: forged })).toMatchObject({ code: "invalid_value" });
    expect(at.session.handleFrame({ t: "widget", id: one!.id, value: "not json" })).toMatchObject({ code: "invalid_value" });
  });

  it("cannot be set through session state, as in Streamlit", async () => {
    const at = await AppTest.from_function(() => {
      if (st.session_state.set) st.session_state.up = "x";
      st.file_uploader("Up", { key: "up" });
    }).run();
    at.session_state.set = true;
    await at.run();
    expect(at.exception[0]!.message).toMatch(/cannot be set using `st.session_state`/);
  });

  it("survives a restart of the session: the value and the file records are stored", async () => {
    const at = await AppTest.from_function(async () => {
      const file = st.file_uploader("Up");
      st.write(file ? await file.text() : "none");
    }).run();
    await at.file_uploader[0]!.upload([{ name: "a.txt", data: "kept" }]).run();
    const saved = at.session.toPersisted();
    expect(saved.uploads).toHaveLength(1);
    // Stored as the platform stores it: the widget's value is kept (its UploadedFile has only plain fields).
    const { encodeSession, decodeSession } = await import("../persistence/layout.ts");
    const encoded = encodeSession(saved);
    expect(encoded.dropped).toEqual([]);
    const text = encoded.parts.flat().join("");
    const { AppSession } = await import("../engine/app_session.ts");
    const again = new AppSession({ script: async () => {
      const file = st.file_uploader("Up");
      st.write(file ? await file.text() : "none");
    }, send: () => undefined, restored: decodeSession(text), files: at.files });
    again.requestRerun();
    await again.idle();
    expect(JSON.stringify(again.tree.roots)).toContain("kept");
    // A value naming the restored file is still good.
    const id = at.file_uploader[0]!.id;
    expect(again.queueWidgetValues([{ id, value: at.file_uploader[0]!.props.value }])).toBeNull();
  });
});

describe("st.download_button", () => {
  it("offers text or bytes with a name and type; a click reruns and returns true once", async () => {
    const at = await AppTest.from_function(() => {
      const clicked = st.download_button("Get CSV", "a,b\n1,2\n", { file_name: "out.csv", mime: "text/csv" });
      st.download_button("Bytes", new Uint8Array([0, 1, 2]));
      st.write(`clicked ${clicked}`);
    }).run();
    const [csv, bytes] = at.download_button;
    expect([csv!.label, csv!.file_name, csv!.mime]).toEqual(["Get CSV", "out.csv", "text/csv"]);
    expect(await csv!.data_text()).toBe("a,b\n1,2\n");
    expect([bytes!.file_name, bytes!.mime]).toEqual(["download", "application/octet-stream"]);
    expect([...(await bytes!.data())]).toEqual([0, 1, 2]);
    expect(at.markdown[0]!.value).toBe("clicked false");
    await at.download_button[0]!.click().run();
    expect(at.markdown[0]!.value).toBe("clicked true");
    await at.run();
    expect(at.markdown[0]!.value).toBe("clicked false");
  });

  it("makes deferred data when clicked (a function, async or not, or a Blob)", async () => {
    let made = 0;
    const at = await AppTest.from_function(() => {
      st.download_button("Later", async () => `made ${++made}`, { file_name: "later.txt" });
      st.download_button("Blob", new Blob(["blob!"], { type: "text/plain" }), { file_name: "b.txt" });
    }).run();
    expect(made).toBe(0);
    expect(at.download_button[0]!.props.deferred).toBe(true);
    expect(at.download_button[0]!.mime).toBe("application/octet-stream");
    expect(await at.download_button[0]!.data_text()).toBe("made 1");
    expect(await at.download_button[1]!.data_text()).toBe("blob!");
    expect(at.download_button[1]!.mime).toBe("text/plain");
  });

  it("runs an on_click callback; 'ignore' sends no rerun; refuses bad data and forms", async () => {
    const at = await AppTest.from_function(() => {
      if (!("n" in st.session_state)) st.session_state.n = 0;
      st.download_button("Count", "x", { on_click: () => void (st.session_state.n += 1) });
      st.download_button("Quiet", "y", { on_click: "ignore" });
      st.write(`n ${st.session_state.n}`);
    }).run();
    await at.download_button[0]!.click().run();
    expect(at.markdown[0]!.value).toBe("n 1");
    expect(at.download_button[1]!.props.ignore_rerun).toBe(true);
    expect(at.session.handleFrame({ t: "widget", id: at.download_button[1]!.id, value: true })).toMatchObject({ code: "invalid_value" });
    const bad = await AppTest.from_function(() => {
      st.download_button("Bad", 42 as unknown as string);
    }).run();
    expect(bad.exception[0]!.message).toMatch(/Invalid binary data format/);
    const inForm = await AppTest.from_function(() => {
      st.form("f").with(() => {
        st.download_button("In form", "x");
        st.form_submit_button("Go");
      });
    }).run();
    expect(inForm.exception[0]!.message).toMatch(/can't be used in an `st.form\(\)`/);
  });
});
