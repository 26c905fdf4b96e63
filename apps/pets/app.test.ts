import { describe, expect, it } from "vitest";
import { AppTest } from "edgelit/testing";
import { FakeD1 } from "../../sessions/connections/fake_d1.ts";

describe("Pets on D1", () => {
  it("creates the table, inserts, queries and shows the rows", async () => {
    const db = new FakeD1();
    const at = AppTest.from_app("pets", { bindings: { DB: db } });
    at.secrets.connections = { pets_db: { binding: "DB" } };
    await at.run();
    expect(at.exception.length).toBe(0);
    expect(at.table[0]!.value).toEqual([
      { person: "jerry", pet: "fish" },
      { person: "barbara", pet: "cat" },
      { person: "alex", pet: "puppy" },
    ]);
    await at.selectbox[0]!.select("barbara").run();
    expect(at.markdown.at(-1)!.value).toBe("barbara's pet: cat");
  });

  it("says where the connection's configuration goes when the app has none", async () => {
    const at = await AppTest.from_app("pets", { bindings: { DB: new FakeD1() } }).run();
    expect(at.exception[0]!.value).toContain("Missing SQL DB connection configuration");
  });
});
