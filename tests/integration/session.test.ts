import { abortAllDurableObjects } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ServerFrame } from "../../sessions/protocol.ts";
import { buttonId, elements } from "./page.ts";
import { isError, isRunEnd, isSnapshot, openSession, randomSessionId } from "./socket.ts";

/** The markdown bodies a browser would show after these frames. */
const markdownBodies = (frames: ServerFrame[]) => elements(frames, "markdown").map((props) => props.body);

describe("session over a real socket, in workerd", () => {
  it("runs the app on connect and sends only the changed line on a click", async () => {
    const socket = await openSession("page1000");
    await socket.next(isSnapshot);
    await socket.next(isRunEnd);
    expect(markdownBodies(socket.frames)).toHaveLength(1000);
    const fullRender = socket.sizes.reduce((a, b) => a + b, 0);

    const before = socket.sizes.length;
    socket.send({ t: "widget", id: buttonId(socket.frames, "Bump"), value: true });
    await socket.next(isRunEnd);
    const clickBytes = socket.sizes.slice(before).reduce((a, b) => a + b, 0);
    expect(markdownBodies(socket.frames)[499]).toBe("Line 500: counter is 1");
    expect(clickBytes).toBeLessThan(300);
    expect(fullRender).toBeGreaterThan(50_000);
    socket.close();
  });

  it("refuses bad frames with an error frame and keeps the session working", async () => {
    const socket = await openSession("page1000");
    await socket.next(isRunEnd);
    const bump = buttonId(socket.frames, "Bump");
    const bad: [string, string][] = [
      ["{not json", "malformed_frame"],
      [JSON.stringify({ t: "explode" }), "unknown_type"],
      [JSON.stringify({ t: "widget", id: "button-0000000000000000", value: true }), "unknown_widget"],
      [JSON.stringify({ t: "widget", id: bump, value: "yes" }), "invalid_value"],
      [JSON.stringify({ t: "widget", id: bump, value: { nested: true } }), "malformed_frame"],
      [JSON.stringify({ t: "rerun", padding: "x".repeat(300_000) }), "frame_too_large"],
    ];
    for (const [frame, code] of bad) {
      socket.send(frame);
      const error = await socket.next(isError);
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(5);
    }
    socket.send({ t: "widget", id: bump, value: true });
    await socket.next(isRunEnd);
    expect(markdownBodies(socket.frames)[499]).toBe("Line 500: counter is 1");
    socket.close();
  });

  it("keeps a session's state across an eviction, and only for that session", async () => {
    const sessionId = randomSessionId();
    const first = await openSession("page1000", sessionId);
    await first.next(isRunEnd);
    first.send({ t: "widget", id: buttonId(first.frames, "Bump"), value: true });
    await first.next(isRunEnd);
    first.send({ t: "widget", id: buttonId(first.frames, "Bump"), value: true });
    await first.next(isRunEnd);
    first.close();

    await abortAllDurableObjects();

    const resumed = await openSession("page1000", sessionId);
    const snapshot = await resumed.next(isSnapshot);
    expect(markdownBodies([snapshot])[499]).toBe("Line 500: counter is 2");
    await resumed.next(isRunEnd);
    resumed.send({ t: "widget", id: buttonId(resumed.frames, "Bump"), value: true });
    await resumed.next(isRunEnd);
    expect(markdownBodies(resumed.frames)[499]).toBe("Line 500: counter is 3");
    resumed.close();

    const stranger = await openSession("page1000");
    await stranger.next(isRunEnd);
    expect(markdownBodies(stranger.frames)[499]).toBe("Line 500: counter is 0");
    stranger.close();
  });

  it("runs a script error as an exception element and stays usable", async () => {
    const socket = await openSession("stateful-button");
    await socket.next(isRunEnd);
    socket.send({ t: "widget", id: buttonId(socket.frames, "Click me"), value: true });
    await socket.next(isRunEnd);
    expect(markdownBodies(socket.frames)).toEqual(["Button clicked!"]);
    socket.close();
  });
});

describe("routes", () => {
  it("serves the gallery with a card per app", async () => {
    const { SELF } = await import("cloudflare:test");
    const response = await SELF.fetch("https://edgelit.test/");
    const page = await response.text();
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    for (const slug of ["hello", "page1000", "stateful-button", "toggle-button", "process-stages"]) {
      expect(page).toContain(`href="https://${slug}.edgelit.test/"`);
    }
  });

  it("serves each app on an origin of its own, and sends the old /apps/<slug>/ paths there", async () => {
    const { SELF } = await import("cloudflare:test");
    const moved = await SELF.fetch("https://edgelit.test/apps/multipage/reports?x=1", { redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(moved.headers.get("Location")).toBe("https://multipage.edgelit.test/reports?x=1");
    // An app's origin serves that app only: not the gallery, not another app's paths.
    expect(await (await SELF.fetch("https://hello.edgelit.test/")).text()).toContain('"slug":"hello"');
    expect((await SELF.fetch("https://hello.edgelit.test/apps/page1000/")).status).toBe(404);
    expect((await SELF.fetch("https://nope.edgelit.test/")).status).toBe(404);
  });

  it("opens an app's sessions from its own pages only", async () => {
    const { SELF } = await import("cloudflare:test");
    const url = `https://hello.edgelit.test/_stcore/stream/${randomSessionId()}`;
    for (const origin of ["https://page1000.edgelit.test", "https://edgelit.test", "https://evil.example"]) {
      const response = await SELF.fetch(url, { headers: { Upgrade: "websocket", Origin: origin } });
      expect(response.status, origin).toBe(403);
      expect(response.webSocket).toBeNull();
    }
    const own = await SELF.fetch(url, { headers: { Upgrade: "websocket", Origin: "https://hello.edgelit.test" } });
    expect(own.status).toBe(101);
    own.webSocket!.accept();
    own.webSocket!.close();
  });

  it("serves an app shell, and refuses unknown apps and bad session ids", async () => {
    const { SELF } = await import("cloudflare:test");
    const shell = await SELF.fetch("https://hello.edgelit.test/");
    expect(await shell.text()).toContain('"slug":"hello"');
    expect((await SELF.fetch("https://edgelit.test/apps/nope/")).status).toBe(404);
    const badId = await SELF.fetch("https://hello.edgelit.test/_stcore/stream/short", { headers: { Upgrade: "websocket" } });
    expect(badId.status).toBe(400);
  });
});
