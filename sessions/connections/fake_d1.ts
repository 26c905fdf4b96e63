/**
 * A stand-in for a D1 database in in-process tests: just enough SQL for the docs' pets
 * example (CREATE TABLE, DELETE, INSERT with numbered parameters, SELECT with an optional
 * `WHERE col = ?N`), and a log of every statement with its bound values. The real D1 runs in
 * the workerd suites (tests/integration/).
 */
import type { D1DatabaseLike, D1ResultLike, D1StatementLike } from "./sql_connection.ts";

export class FakeD1 implements D1DatabaseLike {
  readonly tables = new Map<string, Record<string, unknown>[]>();
  readonly log: { sql: string; values: unknown[] }[] = [];
  batches = 0;

  prepare(sql: string): D1StatementLike {
    return this.statement(sql, []);
  }

  async batch(statements: D1StatementLike[]): Promise<D1ResultLike[]> {
    this.batches++;
    const snapshot = new Map([...this.tables].map(([name, rows]) => [name, rows.map((row) => ({ ...row }))]));
    const results: D1ResultLike[] = [];
    try {
      for (const statement of statements) results.push(await statement.all());
    } catch (error) {
      // A batch is a transaction: all or nothing.
      this.tables.clear();
      for (const [name, rows] of snapshot) this.tables.set(name, rows);
      throw error;
    }
    return results;
  }

  private statement(sql: string, values: unknown[]): D1StatementLike {
    return {
      bind: (...bound: unknown[]) => this.statement(sql, bound),
      all: async () => this.run(sql, values),
    };
  }

  private run(sql: string, values: unknown[]): D1ResultLike {
    this.log.push({ sql, values });
    const text = sql.trim().replace(/;$/, "");
    const value = (token: string) => (token.startsWith("?") ? values[Number(token.slice(1) || "1") - 1] : JSON.parse(token.replace(/^'|'$/g, '"')));
    let match = /^CREATE TABLE IF NOT EXISTS (\w+)/i.exec(text);
    if (match) {
      if (!this.tables.has(match[1]!)) this.tables.set(match[1]!, []);
      return { results: [], success: true };
    }
    match = /^DELETE FROM (\w+)$/i.exec(text);
    if (match) {
      const rows = this.table(match[1]!);
      const changes = rows.length;
      rows.length = 0;
      return { results: [], success: true, meta: { changes } };
    }
    match = /^INSERT INTO (\w+) \(([^)]*)\) VALUES \(([^)]*)\)$/i.exec(text);
    if (match) {
      const columns = match[2]!.split(",").map((c) => c.trim());
      const tokens = match[3]!.split(",").map((t) => t.trim());
      this.table(match[1]!).push(Object.fromEntries(columns.map((column, i) => [column, value(tokens[i]!)])));
      return { results: [], success: true, meta: { changes: 1 } };
    }
    match = /^SELECT (.+?) FROM (\w+)(?: WHERE (\w+) = (\?\d*|'[^']*'))?$/i.exec(text);
    if (match) {
      const [, what, table, column, token] = match;
      let rows = this.table(table!);
      if (column) rows = rows.filter((row) => row[column] === value(token!));
      const picked = what!.trim() === "*" ? rows : rows.map((row) => Object.fromEntries(what!.split(",").map((c) => [c.trim(), row[c.trim()]])));
      return { results: picked.map((row) => ({ ...row })), success: true };
    }
    throw new Error(`D1_ERROR: FakeD1 cannot run: ${sql}`);
  }

  private table(name: string): Record<string, unknown>[] {
    const rows = this.tables.get(name);
    if (!rows) throw new Error(`D1_ERROR: no such table: ${name}: SQLITE_ERROR`);
    return rows;
  }
}
