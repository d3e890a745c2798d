// Prisma's better-sqlite3 adapter compiles every query's SQL anew (`client.prepare(sql).bind(args)` per query),
// although Prisma sends the same few hundred statements over and over. Compiling was about 3.5 % of the CPU time of
// the database-heavy tests. This keeps compiled statements per connection and hands the adapter a statement that
// takes its arguments at each call instead of binding them for good (a bound statement cannot be bound again).

/** The part of a better-sqlite3 statement used here. */
export interface SqliteStatement {
  readonly reader: boolean;
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  columns(): unknown[];
  raw(toggle?: boolean): SqliteStatement;
}

/** The part of a better-sqlite3 connection used here. */
export interface SqliteConnection {
  prepare(sql: string): unknown;
}

/** Distinct statements kept per connection; `IN (...)` lists of other lengths are other statements. */
export const SQLITE_STATEMENT_CACHE_SIZE = 500;

/** What the adapter gets from `prepare`: `.run()` as is, or `.bind(args)` and then `reader`, `run()`, `columns()`, `raw().all()`. */
class ReusableStatement {
  constructor(private readonly statement: SqliteStatement) {}

  run(): unknown {
    return this.statement.run();
  }

  bind(args: unknown[]) {
    const statement = this.statement;
    return {
      reader: statement.reader,
      run: () => statement.run(args),
      columns: () => statement.columns(),
      // Raw mode is switched on for each call, as the statement is shared: rows as arrays, as the adapter expects.
      raw: () => ({ all: () => statement.raw(true).all(args) }),
    };
  }
}

/**
 * Makes `connection.prepare` answer from a cache of compiled statements, least recently used evicted first. Safe
 * because better-sqlite3 runs each statement to completion synchronously (the adapter never iterates), resets it
 * after an error, and recompiles it by itself after a schema change.
 */
export function cacheStatements(connection: SqliteConnection, size = SQLITE_STATEMENT_CACHE_SIZE): void {
  const compile = connection.prepare.bind(connection) as (sql: string) => SqliteStatement;
  const cache = new Map<string, ReusableStatement>();
  connection.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = new ReusableStatement(compile(sql));
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return statement;
  };
}
