/** st.connection on a real D1 database: the docs' pets example through a real session. */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { elements } from "./page.ts";
import { isRunEnd, openSession } from "./socket.ts";

describe("st.connection on D1, in workerd", () => {
  it("runs the pets example: creates, inserts, queries and shows the rows", async () => {
    const socket = await openSession("pets");
    await socket.next(isRunEnd, 8000);
    expect(elements(socket.frames, "exception")).toEqual([]);
    const [table] = elements(socket.frames, "table");
    expect(table!.table.columns).toEqual([
      { name: "person", type: "string" },
      { name: "pet", type: "string" },
    ]);
    expect(table!.table.data).toEqual([
      ["jerry", "barbara", "alex"],
      ["fish", "cat", "puppy"],
    ]);
    expect(elements(socket.frames, "markdown").at(-1)!.body).toBe("jerry's pet: fish");
    const count = await env.DB.prepare("SELECT count(*) AS n FROM pet_owners").first<{ n: number }>();
    expect(count?.n).toBe(3);
    socket.close();
  });
});
