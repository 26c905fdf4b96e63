import { abortAllDurableObjects, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { elements } from "./page.ts";
import { isRunEnd, isSnapshot, openSession, randomSessionId } from "./socket.ts";

const APP = "https://components-demo.edgelit.test";

async function get(url: string): Promise<Response> {
  const response = await SELF.fetch(url, { redirect: "manual" });
  await response.clone().arrayBuffer();
  return response;
}

/** A component document must be sandboxed by its own answer, whatever frames it (or opens it). */
function expectSandboxed(response: Response): void {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/^sandbox allow-scripts /);
  expect(csp).not.toContain("allow-same-origin");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(response.headers.get("x-frame-options")).toBeNull();
}

describe("custom components' files", () => {
  it("serves a built front end from the app's own origin, sandboxed, with its real content types", async () => {
    const page = await get(`${APP}/_stcore/component/my_component/index.html?streamlitUrl=${encodeURIComponent(APP + "/")}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expectSandboxed(page);
    expect(await page.text()).toContain('<script src="./index.js">');
    const script = await get(`${APP}/_stcore/component/my_component/index.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    // The frame's origin is opaque: its module scripts and fonts are CORS requests.
    expect(script.headers.get("access-control-allow-origin")).toBe("*");
    expect(script.headers.get("access-control-allow-credentials")).toBeNull();
    // streamlit-component-lib is bundled in, and speaks Streamlit's protocol.
    expect(await script.text()).toContain("streamlit:componentReady");
  });

  it("serves npm files an app names (Bootstrap for components.html)", async () => {
    const css = await get(`${APP}/_stcore/component/bootstrap/bootstrap.min.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain("Bootstrap v4");
    expect((await get(`${APP}/_stcore/component/bootstrap/bootstrap.bundle.min.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  });

  it("answers 404 for anything else: unknown folders and files, paths out of the folder, another app's components, the assets' own path", async () => {
    const paths = [
      `${APP}/_stcore/component/nope/index.html`,
      `${APP}/_stcore/component/my_component/missing.js`,
      `${APP}/_stcore/component/my_component/`,
      `${APP}/_stcore/component/my_component/..%2Fbootstrap%2Fbootstrap.min.css`,
      `${APP}/_stcore/component/my_component/%252e%252e/index.html`,
      `${APP}/_stcore/component/..%2Fother/index.html`,
      // The component belongs to components-demo: no other app's origin serves it.
      "https://hello.edgelit.test/_stcore/component/my_component/index.html",
      // The build's assets are only ever served through the routes above.
      `${APP}/app-components/components-demo/my_component/index.html`,
      "https://edgelit.test/app-components/components-demo/my_component/index.html",
    ];
    for (const path of paths) expect((await get(path)).status, path).toBe(404);
    // Dot segments, plain or %2e-encoded, are resolved by the URL itself before any route sees
    // them: such a request names another path of the same origin, never a file outside a folder.
    expect(new URL(`${APP}/_stcore/component/my_component/%2e%2e/bootstrap/x.css`).pathname).toBe("/_stcore/component/bootstrap/x.css");
  });

  it("gives components.html a frame document sandboxed the same way", async () => {
    const frame = await get(`${APP}/_stcore/component_frame.html`);
    expect(frame.status).toBe(200);
    expectSandboxed(frame);
    const text = await frame.text();
    // It takes HTML only from its parent, and tells the parent when it is ready.
    expect(text).toContain("event.source !== parent");
    expect(text).toContain("edgelit:htmlFrameReady");
  });

  it("lets the app page frame components, and no page frame the app", async () => {
    const page = await get(`${APP}/`);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-src 'self' https: http:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
  });

  it("refuses a session socket or an upload from a component frame (its Origin is null)", async () => {
    const socket = await SELF.fetch(`${APP}/_stcore/stream/${randomSessionId()}`, { headers: { Upgrade: "websocket", Origin: "null" } });
    expect(socket.status).toBe(403);
    expect(socket.webSocket).toBeNull();
    await socket.arrayBuffer();
    const upload = await SELF.fetch(`${APP}/_stcore/upload_file/${randomSessionId()}/abcdefgh12`, { method: "PUT", headers: { Origin: "null" }, body: "x" });
    expect(upload.status).toBe(403);
    await upload.arrayBuffer();
  });
});

describe("a component's value", () => {
  it("lives in the session: it survives the session's object stopping, as every widget value does", async () => {
    const sessionId = randomSessionId();
    const socket = await openSession("components-demo", sessionId);
    await socket.next(isRunEnd);
    const counter = elements(socket.frames, "component_instance")[0]!;
    expect(counter.component_name).toBe("my_component");
    expect(JSON.parse(counter.json_args)).toEqual({ name: "World", default: 0, key: "counter" });
    socket.send({ t: "widget", id: counter.id, value: JSON.stringify({ type: "json", value: 5 }) });
    await socket.next(isRunEnd);
    expect(elements(socket.frames, "markdown").map((m) => m.body)).toContain("You've clicked 5 times!");
    socket.close();

    await abortAllDurableObjects();
    const again = await openSession("components-demo", sessionId);
    expect(elements([await again.next(isSnapshot)], "markdown").map((m) => m.body)).toContain("You've clicked 5 times!");
    await again.next(isRunEnd);
    expect(elements(again.frames, "markdown").map((m) => m.body)).toContain("You've clicked 5 times!");
    again.close();
  });
});
