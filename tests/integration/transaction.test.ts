import { createDb } from "@/lib/server/db/client";
import {
  BOOKING_TRANSACTION_RETRIES,
  bookingTransaction,
  isRetryableTransactionError,
} from "@/lib/server/db/transaction";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";

// bookingTransaction must serialise writers of the same office and day on both databases: a read-modify-write
// that would lose updates without the lock must count exactly.

const DAY = "2030-03-31";

describeEachDatabase("bookingTransaction", (ctx) => {
  let officeId: string;

  eachTestOnEmptyDatabase(ctx, async () => {
    const office = await ctx.db.office.create({
      data: {
        slug: "buergeramt",
        name: "Bürgeramt",
        authority: "Stadt Musterstadt",
        street: "Markt 1",
        postalCode: "12345",
        locality: "Musterstadt",
      },
    });
    officeId = office.id;
  });

  it("serialises 40 parallel read-modify-write transactions on one office day", async () => {
    // The counter lives in a row that the lock does not cover: only the lock makes the increments exact.
    const counter = await ctx.db.auditLog.create({ data: { officeId, action: "counter", details: "0" } });
    const runs = Array.from({ length: 40 }, () =>
      bookingTransaction(ctx.db, officeId, [DAY], async (tx) => {
        const row = await tx.auditLog.findUniqueOrThrow({ where: { id: counter.id } });
        // Give the other transactions a chance to interleave between the read and the write.
        await new Promise((resolve) => setTimeout(resolve, 1));
        const next = Number(row.details) + 1;
        await tx.auditLog.update({ where: { id: counter.id }, data: { details: String(next) } });
        return next;
      }),
    );
    const results = await Promise.all(runs);

    const final = await ctx.db.auditLog.findUniqueOrThrow({ where: { id: counter.id } });
    expect(final.details).toBe("40");
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const day = await ctx.db.officeDay.findUniqueOrThrow({ where: { officeId_date: { officeId, date: DAY } } });
    expect(day.version).toBeGreaterThanOrEqual(40);
  });

  // PostgreSQL only: two SQLite clients in ONE process deadlock, because better-sqlite3 waits for a busy lock
  // synchronously and so blocks the event loop of the transaction holding it. Two SQLite processes are fine.
  const itWithTwoClients = ctx.provider === "postgresql" ? it : () => undefined;
  itWithTwoClients("serialises writers on two clients of the same database (as two app processes would)", async () => {
    const second = createDb(ctx.url);
    try {
      const counter = await ctx.db.auditLog.create({ data: { officeId, action: "counter", details: "0" } });
      const increment = (db: typeof second) =>
        bookingTransaction(db, officeId, [DAY], async (tx) => {
          const row = await tx.auditLog.findUniqueOrThrow({ where: { id: counter.id } });
          await new Promise((resolve) => setTimeout(resolve, 1));
          await tx.auditLog.update({ where: { id: counter.id }, data: { details: String(Number(row.details) + 1) } });
        });
      await Promise.all(Array.from({ length: 30 }, (_, i) => increment(i % 2 === 0 ? ctx.db : second)));
      const final = await ctx.db.auditLog.findUniqueOrThrow({ where: { id: counter.id } });
      expect(final.details).toBe("30");
    } finally {
      await second.$disconnect();
    }
  });

  it("reruns the whole transaction after a retryable error, at most BOOKING_TRANSACTION_RETRIES times", async () => {
    let calls = 0;
    const result = await bookingTransaction(ctx.db, officeId, [DAY], async (tx) => {
      calls++;
      await tx.auditLog.create({ data: { officeId, action: `attempt-${calls}` } });
      if (calls < 3) throw Object.assign(new Error("write conflict"), { code: "P2034" });
      return "booked";
    });
    expect(result).toBe("booked");
    expect(calls).toBe(3);
    // The failed attempts were rolled back.
    expect((await ctx.db.auditLog.findMany({ where: { officeId } })).map((a) => a.action)).toEqual(["attempt-3"]);

    calls = 0;
    const conflict = Object.assign(new Error("still conflicting"), { code: "P2034" });
    await expect(
      bookingTransaction(ctx.db, officeId, [DAY], async () => {
        calls++;
        throw conflict;
      }),
    ).rejects.toBe(conflict);
    expect(calls).toBe(1 + BOOKING_TRANSACTION_RETRIES);
  });

  it("locks every date, in ascending order, and creates missing lock rows", async () => {
    await bookingTransaction(ctx.db, officeId, ["2030-04-02", "2030-04-01", "2030-04-02"], async () => null);
    const days = await ctx.db.officeDay.findMany({ where: { officeId }, orderBy: { date: "asc" } });
    expect(days.map((d) => [d.date, d.version])).toEqual([
      ["2030-04-01", 1],
      ["2030-04-02", 1],
    ]);
  });

  it("propagates a non-retryable error from fn unchanged and rolls back", async () => {
    class NotAvailable extends Error {}
    const thrown = new NotAvailable("slot taken");
    let calls = 0;
    await expect(
      bookingTransaction(ctx.db, officeId, [DAY], async (tx) => {
        calls++;
        await tx.auditLog.create({ data: { officeId, action: "should-roll-back" } });
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    expect(calls).toBe(1);
    expect(await ctx.db.auditLog.count({ where: { action: "should-roll-back" } })).toBe(0);
    // The lock row is part of the rolled-back transaction too.
    expect(await ctx.db.officeDay.count({ where: { officeId } })).toBe(0);
  });

  it("propagates database errors such as a unique violation without retrying", async () => {
    await ctx.db.staffUser.create({ data: { email: "a@example.org", name: "A" } });
    let calls = 0;
    const error = await bookingTransaction(ctx.db, officeId, [DAY], async (tx) => {
      calls++;
      await tx.staffUser.create({ data: { email: "a@example.org", name: "B" } });
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("P2002");
    expect(calls).toBe(1);
  });

  it("rejects malformed dates before touching the database", async () => {
    await expect(bookingTransaction(ctx.db, officeId, ["31.03.2030"], async () => 1)).rejects.toThrow(/YYYY-MM-DD/);
    await expect(bookingTransaction(ctx.db, officeId, [], async () => 1)).rejects.toThrow(/at least one date/);
  });
});

describe("isRetryableTransactionError", () => {
  it("recognises the codes and driver-adapter causes that mean 'run again'", () => {
    expect(isRetryableTransactionError({ code: "P2034" })).toBe(true);
    expect(isRetryableTransactionError({ code: "P1008" })).toBe(true);
    // A serialization failure at COMMIT arrives without `.code`.
    const adapterError = Object.assign(new Error("TransactionWriteConflict"), {
      name: "DriverAdapterError",
      cause: { kind: "TransactionWriteConflict" },
    });
    expect(isRetryableTransactionError(adapterError)).toBe(true);
    expect(isRetryableTransactionError({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "SocketTimeout" } } } })).toBe(true);
    expect(isRetryableTransactionError(new Error("x", { cause: { kind: "postgres", originalCode: "40001" } }))).toBe(true);
    // No pool connection within maxWait (a burst queued behind one day's lock row).
    expect(
      isRetryableTransactionError({ code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." }),
    ).toBe(true);
  });

  it("leaves everything else alone", () => {
    expect(isRetryableTransactionError(new Error("slot taken"))).toBe(false);
    expect(isRetryableTransactionError({ code: "P2002" })).toBe(false);
    expect(isRetryableTransactionError({ code: "P2028" })).toBe(false);
    expect(isRetryableTransactionError(null)).toBe(false);
    expect(isRetryableTransactionError("P2034")).toBe(false);
  });
});
