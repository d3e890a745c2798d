import { Prisma } from "./generated/sqlite/client";
import type { Db, Tx } from "./client";
import { componentLog } from "../log";

// The race-safe write pattern for everything that changes availability (booking, cancelling, moving, capacity
// edits), verified on SQLite (WAL) and PostgreSQL with one and two app processes: an interactive transaction whose
// FIRST statement writes the per-office-per-day lock row. On PostgreSQL the row lock serialises concurrent writers
// of the same office and day under Read Committed; on SQLite the write takes the database's write lock up front,
// so no transaction reads availability before it holds the lock.

/** Retries after the first attempt. */
export const BOOKING_TRANSACTION_RETRIES = 3;
const TRANSACTION_OPTIONS = { maxWait: 10000, timeout: 10000 } as const;

const RETRYABLE_CODES = new Set([
  "P2034", // transaction failed due to a write conflict or a deadlock
  "P1008", // operation timed out (SQLite busy)
]);
const RETRYABLE_KINDS = new Set(["TransactionWriteConflict", "SocketTimeout"]);
// Raw driver codes, in case an error arrives unmapped.
const RETRYABLE_ORIGINAL_CODES = /^(40001|40P01|SQLITE_BUSY.*)$/;
// "Unable to start a transaction": no pool connection within maxWait, when a burst on one office day queues behind
// its lock row (P2028 otherwise also means an expired transaction, which is not retried).
const RETRYABLE_MESSAGE =
  /TransactionWriteConflict|SocketTimeout|could not serialize access|deadlock detected|database is locked|SQLITE_BUSY|Unable to start a transaction in the given time/;

/**
 * True for errors after which the whole transaction may simply run again: a write conflict (P2034, or a
 * serialization failure at COMMIT that arrives as a driver-adapter error without `.code`) or a busy / timed-out
 * lock (P1008, SocketTimeout). Looks at `code`, the adapter's `cause` chain, `meta` and the message.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (value === null || typeof value !== "object" || depth > 6 || seen.has(value)) return false;
    seen.add(value);
    const e = value as {
      code?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: Record<string, unknown>;
    };
    if (typeof e.code === "string" && RETRYABLE_CODES.has(e.code)) return true;
    if (typeof e.kind === "string" && RETRYABLE_KINDS.has(e.kind)) return true;
    if (typeof e.originalCode === "string" && RETRYABLE_ORIGINAL_CODES.test(e.originalCode)) return true;
    if (typeof e.message === "string" && RETRYABLE_MESSAGE.test(e.message)) return true;
    if (visit(e.cause, depth + 1)) return true;
    if (e.meta && typeof e.meta === "object") {
      for (const key of ["driverAdapterError", "cause", "kind"]) {
        const v = e.meta[key];
        if (typeof v === "string" ? RETRYABLE_KINDS.has(v) || RETRYABLE_MESSAGE.test(v) : visit(v, depth + 1)) return true;
      }
    }
    return false;
  };
  return visit(error, 0);
}

/**
 * True when the database was too busy for the work rather than the work wrong: a retryable error after the last
 * retry, or a transaction that could not start or finish in time (P2028) while many others queued for a lock row.
 * Nothing was written; the same request may succeed seconds later, so callers answer "busy, try again".
 */
export function isBusyError(error: unknown): boolean {
  return isRetryableTransactionError(error) || (error as { code?: unknown } | null)?.code === "P2028";
}

/** Seconds a client is asked to wait after a busy refusal: long enough for a burst on one office day to drain. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface TransactionOptions {
  /** Longer than the default 10 s only for rare, large writes (a release round's draw); locks are held as long. */
  timeoutMs?: number;
}

const afterCommit = new WeakMap<Tx, Array<() => void>>();

/**
 * Runs `effect` once the transaction `tx` has committed, if retryingTransaction runs it: never for an attempt that
 * rolled back (a retry registers its own). For what other processes cannot see sooner anyway, e.g. telling this
 * process's live streams of a queue change.
 */
export function onCommit(tx: Tx, effect: () => void): void {
  const effects = afterCommit.get(tx);
  if (effects) effects.push(effect);
  else afterCommit.set(tx, [effect]);
}

/**
 * The committed attempt's effects. The write has committed, so an effect that fails is logged, never thrown: the
 * caller would take its write for failed and make it again.
 */
function runAfterCommit(tx: Tx): void {
  for (const effect of afterCommit.get(tx) ?? []) {
    try {
      effect();
    } catch (error) {
      componentLog("transaction").error({ err: error instanceof Error ? error.name : typeof error }, "an effect after a commit failed");
    }
  }
}

/**
 * Runs `fn` in an interactive transaction and reruns the whole transaction after a write conflict or a busy error,
 * up to BOOKING_TRANSACTION_RETRIES times, with jittered backoff; every other error (including those thrown by
 * `fn`) propagates unchanged. `fn` may run more than once: it must not have side effects outside the transaction
 * (register them with onCommit), and its first statement should be the write that serialises it against its competitors.
 */
export async function retryingTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let attemptTx: Tx | undefined;
    try {
      const result = await db.$transaction(
        (tx) => {
          attemptTx = tx;
          return fn(tx);
        },
        { ...TRANSACTION_OPTIONS, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) },
      );
      runAfterCommit(attemptTx!);
      return result;
    } catch (error) {
      if (attempt >= BOOKING_TRANSACTION_RETRIES || !isRetryableTransactionError(error)) throw error;
      // Jittered backoff so that the retrying transactions do not collide again in lockstep.
      await sleep(10 * 2 ** attempt + Math.random() * 40);
    }
  }
}

/** What the lock rows of the locked dates said when they were taken: see DayLock. */
export type DayLocks = ReadonlyMap<string, DayLock>;

export interface DayLock {
  /** Raised by every write under the lock (bookings, cancellations, capacity changes). */
  version: number;
  /** Raised only by capacity changes of the date (blocks, overrides, closures, holidays). */
  scheduleVersion: number;
}

export interface BookingTransactionOptions extends TransactionOptions {
  /** Dates (among those locked) whose schedule the transaction changes: their scheduleVersion is raised. */
  scheduleChange?: readonly string[];
}

/**
 * Upserts the lock row of each date, in the order given, and returns what each row holds afterwards. One
 * INSERT ... ON CONFLICT DO UPDATE ... RETURNING per date on both databases: a write, so it takes the lock even for a
 * new row, and its RETURNING reports the row as it is after any transaction this one waited for (not as the
 * statement's snapshot saw it).
 */
async function lockDays(tx: Tx, officeId: string, days: readonly string[], scheduleChange: ReadonlySet<string>): Promise<DayLocks> {
  const locks = new Map<string, DayLock>();
  for (const date of days) {
    const bump = scheduleChange.has(date) ? 1 : 0;
    // Raw SQL (the same statement Prisma's upsert emits, plus RETURNING of both counters) keeps this one round trip.
    const rows = await tx.$queryRaw<Array<{ version: number | bigint; scheduleVersion: number | bigint }>>(Prisma.sql`
      INSERT INTO "OfficeDay" ("officeId", "date", "version", "scheduleVersion") VALUES (${officeId}, ${date}, 1, ${bump})
      ON CONFLICT ("officeId", "date") DO UPDATE
        SET "version" = "OfficeDay"."version" + 1, "scheduleVersion" = "OfficeDay"."scheduleVersion" + ${bump}
      RETURNING "version", "scheduleVersion"`);
    locks.set(date, { version: Number(rows[0].version), scheduleVersion: Number(rows[0].scheduleVersion) });
  }
  return locks;
}

/**
 * The schedule versions of an office's dates as committed now, read WITHOUT the lock, before reading the schedule
 * itself: a booking that finds the same versions under the lock (sameSchedule) may use the schedule it read. A date
 * without a lock row has version 0, as a row the booking's own lock creates.
 */
export async function readScheduleVersions(db: Db | Tx, officeId: string, dates: readonly string[]): Promise<ReadonlyMap<string, number>> {
  const days = [...new Set(dates)];
  const rows = await db.$queryRaw<Array<{ date: string; scheduleVersion: number | bigint }>>(Prisma.sql`
    SELECT "date", "scheduleVersion" FROM "OfficeDay" WHERE "officeId" = ${officeId} AND "date" IN (${Prisma.join(days)})`);
  const versions = new Map(days.map((d) => [d, 0]));
  for (const row of rows) versions.set(row.date, Number(row.scheduleVersion));
  return versions;
}

/** True when no capacity change of the locked dates committed since `before` was read. */
export function sameSchedule(before: ReadonlyMap<string, number>, locks: DayLocks): boolean {
  for (const [date, lock] of locks) {
    if (before.get(date) !== lock.scheduleVersion) return false;
  }
  return true;
}

/**
 * Runs `fn` in a retrying transaction (retryingTransaction) that first locks the office's local dates
 * (`YYYY-MM-DD`; a booking that crosses midnight passes every date it touches). Dates are locked in ascending order
 * so that two transactions never wait for each other crosswise. `fn` receives what the lock rows hold (DayLocks).
 * A capacity change names the dates whose schedule it changes (`scheduleChange`), so that bookings that read the
 * schedule before the lock notice it.
 */
export async function bookingTransaction<T>(
  db: Db,
  officeId: string,
  dates: string[],
  fn: (tx: Tx, locks: DayLocks) => Promise<T>,
  options: BookingTransactionOptions = {},
): Promise<T> {
  const days = [...new Set(dates)].sort();
  if (days.length === 0) throw new Error("bookingTransaction needs at least one date to lock");
  for (const day of days) {
    if (!LOCAL_DATE.test(day)) throw new Error(`bookingTransaction: not a local date (YYYY-MM-DD): ${day}`);
  }
  const scheduleChange = new Set(options.scheduleChange ?? []);
  return retryingTransaction(db, async (tx) => fn(tx, await lockDays(tx, officeId, days, scheduleChange)), options);
}
