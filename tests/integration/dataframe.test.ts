import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { RowsAnswer, ServerFrame, WireTable } from "../../sessions/protocol.ts";
import { elements } from "./page.ts";
import { isRunEnd, openSession, randomSessionId } from "./socket.ts";

const isRows = (frame: ServerFrame): frame is RowsAnswer => frame.t === "rows";

describe("a large st.dataframe in workerd", () => {
  it("paints from a few KB, serves the rows asked for to that socket alone, and downloads whole as CSV", async () => {
    const sessionId = randomSessionId();
    const socket = await openSession("big-table", sessionId);
    await socket.next(isRunEnd, 15_000);
    const [dataframe] = elements(socket.frames, "dataframe");
    const table = dataframe!.table as WireTable;
    expect(table.lazy).toBe(true);
    expect(table.rows).toBe(200_000);
    expect(socket.sizes.reduce((a, b) => a + b, 0)).toBeLessThan(40_000);

    const other = await openSession("big-table", sessionId);
    await other.next((f) => f.t === "snapshot");
    socket.send({ t: "rows", req: 7, table: table.id, start: 199_998, count: 10, sort: [{ column: 0, desc: false }] });
    const answer = await socket.next(isRows);
    expect(answer).toMatchObject({ req: 7, total: 200_000, start: 199_998, positions: [199_998, 199_999] });
    expect(answer.data[2]).toEqual(["row 199998", "row 199999"]);
    // A bad request is refused to its own socket, not broadcast.
    socket.send({ t: "rows", req: 8, table: table.id, start: -1, count: 10 } as never);
    await socket.next((f) => f.t === "error" && f.code === "malformed_frame");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(other.frames.some((f) => f.t === "rows" || f.t === "error")).toBe(false);

    const response = await SELF.fetch(`https://big-table.edgelit.test/_stcore/table/${sessionId}/${table.id}.csv?sort=${encodeURIComponent('[{"column":1,"desc":true}]')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename="\d{8}_\d{6}_export.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first, so spreadsheet programs read UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\n");
    expect(lines[0]).toBe("id,squared,name");
    expect(lines[1]).toBe(`199999,${199_999 * 199_999},row 199999`);
    expect(lines).toHaveLength(200_001);
    socket.close();
    other.close();
  });

  it("a rerun that leaves the table as it was sends no table bytes", async () => {
    const socket = await openSession("big-table");
    await socket.next(isRunEnd, 15_000);
    const [button] = elements(socket.frames, "button");
    const before = socket.sizes.length;
    socket.send({ t: "widget", id: button!.id, value: true });
    await socket.next(isRunEnd, 15_000);
    const after = socket.sizes.slice(before).reduce((a, b) => a + b, 0);
    expect(after).toBeLessThan(300);
    socket.close();
  });

  it("serves no CSV for a session another app's origin names, or one nobody opened", async () => {
    const sessionId = randomSessionId();
    const socket = await openSession("big-table", sessionId);
    await socket.next(isRunEnd, 15_000);
    const table = elements(socket.frames, "dataframe")[0]!.table as WireTable;
    const foreign = await SELF.fetch(`https://tenant-a.edgelit.test/_stcore/table/${sessionId}/${table.id}.csv`);
    expect(foreign.status).toBe(404);
    const unopened = await SELF.fetch(`https://big-table.edgelit.test/_stcore/table/${randomSessionId()}/${table.id}.csv`);
    expect(unopened.status).toBe(404);
    const bad = await SELF.fetch(`https://big-table.edgelit.test/_stcore/table/${sessionId}/${table.id}.csv?sort=nope`);
    expect(bad.status).toBe(400);
    socket.close();
  });
});
