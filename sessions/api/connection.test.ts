import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import { FakeD1 } from "../connections/fake_d1.ts";

const PETS = { connections: { pets_db: { binding: "DB" } } };

let n = 0;
/** A fresh app per test: connections and query results are cached per app, as on the platform. */
function appTest(script: () => unknown, secrets: Record<string, unknown>, bindings: Record<string, unknown>): AppTest {
  const at = AppTest.from_function(script, { bindings });
  (at.platform as { app: string }).app = `connection-test-${++n}`;
  Object.assign(at.secrets, secrets);
  return at;
}

describe("st.connection on D1", () => {
  it("runs the docs' pets example: session writes in one batch, query reads, cached", async () => {
    const db = new FakeD1();
    const script = async () => {
      const conn = st.connection("pets_db", { type: "sql" });
      const s = conn.session;
      s.execute("CREATE TABLE IF NOT EXISTS pet_owners (person TEXT, pet TEXT);");
      s.execute("DELETE FROM pet_owners;");
      for (const [owner, pet] of Object.entries({ jerry: "fish", barbara: "cat", alex: "puppy" })) {
        s.execute("INSERT INTO pet_owners (person, pet) VALUES (:owner, :pet);", { owner, pet });
      }
      await s.commit();
      st.table(await conn.query("select * from pet_owners"));
      const cat = await conn.query("SELECT person FROM pet_owners WHERE pet = :pet", { params: { pet: "cat" }, ttl: 3600 });
      st.write(String(cat[0]?.person));
    };
    const at = await appTest(script, PETS, { DB: db }).run();
    expect(at.exception.length).toBe(0);
    expect(at.table[0]!.value).toEqual([
      { person: "jerry", pet: "fish" },
      { person: "barbara", pet: "cat" },
      { person: "alex", pet: "puppy" },
    ]);
    expect(at.markdown[0]!.value).toBe("barbara");
    expect(db.batches).toBe(1);
    expect(db.log.find((s) => s.sql.startsWith("INSERT"))).toEqual({ sql: "INSERT INTO pet_owners (person, pet) VALUES (?1, ?2);", values: ["jerry", "fish"] });
    expect(db.log.find((s) => s.sql.includes("WHERE"))).toEqual({ sql: "SELECT person FROM pet_owners WHERE pet = ?1", values: ["cat"] });

    const selects = () => db.log.filter((s) => s.sql.startsWith("select") || s.sql.startsWith("SELECT")).length;
    const before = selects();
    await at.run();
    expect(selects()).toBe(before);
    expect(db.batches).toBe(2);
  });

  it("caches the connection object with st.cache_resource, and reset() makes a new one", async () => {
    const seen: unknown[] = [];
    const at = appTest(
      () => {
        const conn = st.connection("pets_db", { type: "sql" });
        seen.push(conn);
        if (st.session_state.get("reset")) conn.reset();
      },
      PETS,
      { DB: new FakeD1() },
    );
    await at.run();
    await at.run();
    expect(seen[0]).toBe(seen[1]);
    at.session_state.reset = true;
    await at.run();
    at.session_state.reset = false;
    await at.run();
    expect(seen[3]).not.toBe(seen[2]);
  });

  it("merges kwargs over the secrets, takes the type from them, and reads env: names", async () => {
    const other = new FakeD1();
    other.tables.set("t", [{ v: 1 }]);
    const secrets = {
      DB_CONN: "staging",
      connections: { local: { type: "sql", binding: "DB" }, staging: { type: "sql", binding: "OTHER" } },
    };
    const at = await appTest(
      async () => {
        const a = st.connection("env:DB_CONN");
        const b = st.connection("local", { binding: "OTHER" });
        st.write(`${a.binding} ${b.binding} ${(await b.query("SELECT * FROM t")).length}`);
      },
      secrets,
      { DB: new FakeD1(), OTHER: other },
    ).run();
    expect(at.exception.length).toBe(0);
    expect(at.markdown[0]!.value).toBe("OTHER OTHER 1");
  });

  it("only reaches the D1 bindings the app's own secrets name", async () => {
    const at = await appTest(() => st.connection("pets_db", { type: "sql", binding: "SECRET_DB" }), PETS, { DB: new FakeD1(), SECRET_DB: new FakeD1() }).run();
    expect(at.exception[0]!.value).toContain('This app may not use the D1 binding "SECRET_DB"');
    const none = await appTest(() => st.connection("sql", { binding: "DB" }), {}, { DB: new FakeD1() }).run();
    expect(none.exception[0]!.value).toContain('may not use the D1 binding "DB"');
    const kv = await appTest(() => st.connection("pets_db", { type: "sql" }), PETS, { DB: { get() {} } }).run();
    expect(kv.exception[0]!.value).toContain('No D1 database is bound as "DB" in this Worker');
  });

  it("says what is missing, as Streamlit does", async () => {
    const cases: [() => unknown, Record<string, unknown>, string][] = [
      [() => st.connection("pets_db"), PETS, 'st.connection("pets_db") needs a type'],
      [() => st.connection("x", { type: "snowflake" }), PETS, "Invalid connection 'snowflake'. Supported connection classes: 'sql'"],
      [() => st.connection("nothing", { type: "sql" }), PETS, "Missing SQL DB connection configuration."],
      [() => st.connection("env:NOPE", { type: "sql" }), PETS, `the app's environment has no "NOPE"`],
    ];
    for (const [script, secrets, message] of cases) {
      const at = await appTest(script, secrets, { DB: new FakeD1() }).run();
      expect(at.exception[0]!.value).toContain(message);
    }
  });

  it("refuses an unbound parameter before touching the database", async () => {
    const db = new FakeD1();
    const at = await appTest(async () => st.write(await st.connection("pets_db", { type: "sql" }).query("SELECT * FROM t WHERE a = :a")), PETS, { DB: db }).run();
    expect(at.exception[0]!.value).toBe("A value is required for bind parameter 'a'");
    expect(db.log).toEqual([]);
  });

  it("rolls a failed batch back: all statements or none", async () => {
    const db = new FakeD1();
    db.tables.set("pets", [{ name: "rex" }]);
    const at = await appTest(
      async () => {
        const s = st.connection("pets_db", { type: "sql" }).session;
        s.execute("DELETE FROM pets");
        s.execute("INSERT INTO nowhere (a) VALUES (?1)", [1]);
        await s.commit();
      },
      PETS,
      { DB: db },
    ).run();
    expect(at.exception[0]!.value).toContain("no such table: nowhere");
    expect(db.tables.get("pets")).toEqual([{ name: "rex" }]);
  });
});
