import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/server/db/client";
import { cacheStatements, type SqliteConnection } from "@/lib/server/db/sqlite-statements";

// The statement cache of the SQLite connection (lib/server/db/sqlite-statements.ts), on a real better-sqlite3
// database: through the adapter's calling pattern directly, and through a Prisma client made by createDb.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require("better-sqlite3") as new (file: string) => SqliteConnection & { exec(sql: string): void; close(): void };
const prototype = (Database as unknown as { prototype: { prepare(sql: string): unknown } }).prototype;

/** Counts the statements better-sqlite3 compiles, by SQL text, while `fn` runs. */
async function countingCompiles(fn: () => Promise<void> | void): Promise<Map<string, number>> {
  const compiled = new Map<string, number>();
  const original = prototype.prepare;
  prototype.prepare = function (this: unknown, sql: string) {
    compiled.set(sql, (compiled.get(sql) ?? 0) + 1);
    return original.call(this, sql);
  };
  try {
    await fn();
    return compiled;
  } finally {
    prototype.prepare = original;
  }
}

type Adapted = {
  run(): unknown;
  bind(args: unknown[]): { reader: boolean; run(): { changes: number }; columns(): Array<{ name: string }>; raw(): { all(): unknown[][] } };
};

describe("SQLite statement cache", () => {
  let db: InstanceType<typeof Database>;
  const prepare = (sql: string) => db.prepare(sql) as Adapted;

  beforeEach(() => {
    db = new Database(":memory:");
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`);
  });
  afterEach(() => db.close());

  it("compiles a statement once and runs it with each call's arguments, as the adapter calls it", async () => {
    const compiled = await countingCompiles(() => {
      cacheStatements(db);
      for (const name of ["a", "b", "c"]) expect(prepare("INSERT INTO t (name) VALUES (?)").bind([name]).run().changes).toBe(1);
      const read = (id: number) => {
        const statement = prepare("SELECT id, name FROM t WHERE id >= ? ORDER BY id").bind([id]);
        expect(statement.reader).toBe(true);
        expect(statement.columns().map((c) => c.name)).toEqual(["id", "name"]);
        return statement.raw().all();
      };
      expect(read(2)).toEqual([[2, "b"], [3, "c"]]);
      expect(read(3)).toEqual([[3, "c"]]);
      prepare("BEGIN").run();
      prepare("INSERT INTO t (name) VALUES (?)").bind(["d"]).run();
      prepare("ROLLBACK").run();
      expect(read(1)).toHaveLength(3);
    });
    expect(compiled.get("INSERT INTO t (name) VALUES (?)")).toBe(1);
    expect(compiled.get("SELECT id, name FROM t WHERE id >= ? ORDER BY id")).toBe(1);
  });

  it("keeps a statement usable after it failed", () => {
    cacheStatements(db);
    const insert = (name: string) => prepare("INSERT INTO t (name) VALUES (?)").bind([name]).run();
    insert("a");
    expect(() => insert("a")).toThrow(/UNIQUE/);
    expect(insert("b").changes).toBe(1);
  });

  it("sees a column added after the statement was compiled", () => {
    cacheStatements(db);
    const all = () => prepare("SELECT * FROM t").bind([]).raw().all();
    prepare("INSERT INTO t (name) VALUES (?)").bind(["a"]).run();
    expect(all()).toEqual([[1, "a"]]);
    db.exec(`ALTER TABLE t ADD COLUMN note TEXT DEFAULT 'x'`);
    expect(all()).toEqual([[1, "a", "x"]]);
  });

  it("keeps at most `size` statements, evicting the least recently used", async () => {
    const compiled = await countingCompiles(() => {
      cacheStatements(db, 2);
      const select = (n: number) => prepare(`SELECT ${n}`).bind([]).raw().all();
      select(1);
      select(2);
      select(1); // 1 is now the most recently used
      select(3); // evicts 2
      select(1);
      select(2);
    });
    expect(Object.fromEntries(compiled)).toEqual({ "SELECT 1": 1, "SELECT 2": 2, "SELECT 3": 1 });
  });

  it("serves a Prisma client made by createDb: the same query compiles once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-statements-"));
    const compiled = await countingCompiles(async () => {
      const client = createDb(`file:${path.join(dir, "test.db")}`);
      try {
        await client.$executeRawUnsafe(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`);
        for (let i = 0; i < 5; i++) await client.$executeRaw`INSERT INTO t (name) VALUES (${`n${i}`})`;
        for (let i = 0; i < 5; i++) expect(await client.$queryRaw`SELECT name FROM t WHERE id = ${i + 1}`).toEqual([{ name: `n${i}` }]);
      } finally {
        await client.$disconnect();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
    expect(compiled.get("INSERT INTO t (name) VALUES (?)")).toBe(1);
    expect(compiled.get("SELECT name FROM t WHERE id = ?")).toBe(1);
  });
});
