import { createDb, type Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { createBooking } from "@/lib/server/services/create-booking";
import { listFreeSlots } from "@/lib/server/services/list-slots";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { describeEachDatabase } from "../helpers/databases";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { citizenBooking } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";

// Races at the last places of a day, on both databases. An independent observer (its own database connection) reads
// the committed bookings again and again while the race runs and checks the per-minute rule itself: at no instant of
// the day, at no moment of the race, do more appointments overlap than there are clerks.

// Monday 1 March 2027, 07:00 in Berlin; two clerks 08:00-12:00, 30-minute service: 8 starts x 2 = 16 places.
const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");
const CLERKS = 2;
const STARTS = ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"];
const PLACES = STARTS.length * CLERKS;

const request = (start: string, n: number) => citizenBooking({ start: at(MONDAY, start), now: NOW }, n);

async function outcome<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await promise };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code };
    throw e;
  }
}

type Row = { startsAt: Date; endsAt: Date };

/** The largest number of appointments overlapping any minute of the day. */
function peakOverlap(rows: Row[]): number {
  let peak = 0;
  for (let t = at(MONDAY, "08:00").getTime(); t < at(MONDAY, "12:00").getTime(); t += 60_000) {
    peak = Math.max(peak, rows.filter((b) => b.startsAt.getTime() <= t && b.endsAt.getTime() > t).length);
  }
  return peak;
}

const activeRows = (db: Db) =>
  db.booking.findMany({ where: { status: "CONFIRMED" }, select: { startsAt: true, endsAt: true } });

/** Samples the committed state until `done` settles; returns the peak seen and how many samples were taken. */
async function observe(url: string, done: Promise<unknown>): Promise<{ peak: number; samples: number }> {
  const observer = createDb(url);
  let finished = false;
  void done.finally(() => (finished = true));
  let peak = 0;
  let samples = 0;
  try {
    while (!finished) {
      peak = Math.max(peak, peakOverlap(await activeRows(observer)));
      samples++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    peak = Math.max(peak, peakOverlap(await activeRows(observer)));
  } finally {
    await observer.$disconnect();
  }
  return { peak, samples: samples + 1 };
}

/** Free places per start time, counted from the rows. */
function freePlaces(rows: Row[]): Map<string, number> {
  return new Map(
    STARTS.map((s) => [s, CLERKS - rows.filter((r) => r.startsAt.getTime() === at(MONDAY, s).getTime()).length]),
  );
}

describeEachDatabase(
  "booking races",
  (ctx) => {
    eachTestOnEmptyDatabase(ctx, (db) => createOfficeFixture(db));

    it("200 parallel bookings at the last 3 places: exactly those 3 are booked, never more at any instant", async () => {
      // Fill the day but for one place at 09:00, 10:30 and 11:30.
      const left = ["09:00", "10:30", "11:30"];
      let n = 0;
      for (const start of STARTS) {
        for (let i = 0; i < CLERKS - (left.includes(start) ? 1 : 0); i++) await createBooking(ctx.db, request(start, n++));
      }
      expect(await ctx.db.booking.count()).toBe(PLACES - left.length);

      // Every start is wanted, the free ones included, so no free place can stay empty.
      const race = Promise.all(Array.from({ length: 200 }, (_, i) => outcome(createBooking(ctx.db, request(STARTS[i % STARTS.length], 1000 + i)))));
      const [results, seen] = await Promise.all([race, observe(ctx.url, race)]);

      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(left.length);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "SLOT_TAKEN")).toBe(true);
      const rows = await activeRows(ctx.db);
      expect(rows).toHaveLength(PLACES);
      expect(peakOverlap(rows)).toBe(CLERKS);
      expect(seen.peak).toBeLessThanOrEqual(CLERKS);
      expect(seen.samples).toBeGreaterThan(1);
      // Exactly one confirmation e-mail per booking.
      expect(await ctx.db.outboxMessage.count({ where: { template: "booking-confirmation" } })).toBe(PLACES);
      const { slots } = await listFreeSlots(ctx.db, { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, now: NOW, from: MONDAY, to: MONDAY });
      expect(slots).toEqual([]);
    });

    it("cancellations and re-bookings interleaved: never over capacity, and every cancellation frees exactly its place", async () => {
      const tokens: Array<{ start: string; token: string }> = [];
      let n = 0;
      for (const start of STARTS) {
        for (let i = 0; i < CLERKS; i++) tokens.push({ start, token: (await createBooking(ctx.db, request(start, n++))).manageToken });
      }
      // Cancel every third booking, each twice at the same time (one of the two wins), while 120 attempts re-book.
      const toCancel = tokens.filter((_, i) => i % 3 === 0);
      const cancels = toCancel.flatMap(({ token }) => [0, 1].map(() => outcome(cancelBookingByToken(ctx.db, { token, now: NOW }))));
      const bookings = Array.from({ length: 120 }, (_, i) => outcome(createBooking(ctx.db, request(STARTS[i % STARTS.length], 2000 + i))));
      const interleaved: Array<Promise<{ ok: boolean }>> = [];
      for (let i = 0; i < Math.max(cancels.length, bookings.length); i++) {
        if (i < bookings.length) interleaved.push(bookings[i]);
        if (i < cancels.length) interleaved.push(cancels[i]);
      }
      const race = Promise.all(interleaved);
      const [, seen] = await Promise.all([race, observe(ctx.url, race)]);
      const cancelResults = await Promise.all(cancels);
      const bookingResults = await Promise.all(bookings);

      expect(seen.peak).toBeLessThanOrEqual(CLERKS);
      // Each booking was cancelled exactly once; the second attempt was told so.
      expect(cancelResults.filter((r) => r.ok)).toHaveLength(toCancel.length);
      expect(cancelResults.filter((r) => !r.ok).every((r) => !r.ok && r.code === "ALREADY_CANCELLED")).toBe(true);
      expect(await ctx.db.booking.count({ where: { status: "CANCELLED" } })).toBe(toCancel.length);

      const rows = await activeRows(ctx.db);
      const rebooked = bookingResults.filter((r) => r.ok).length;
      expect(rows).toHaveLength(PLACES - toCancel.length + rebooked);
      expect(peakOverlap(rows)).toBeLessThanOrEqual(CLERKS);

      // What is still free is exactly what the cancellations freed and nobody re-took: the calendar lists those
      // starts, and booking them one by one fills the day to exactly its capacity again.
      const free = freePlaces(rows);
      const { slots } = await listFreeSlots(ctx.db, { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, now: NOW, from: MONDAY, to: MONDAY });
      expect(slots.map((s) => s.start.getTime())).toEqual(STARTS.filter((s) => free.get(s)! > 0).map((s) => at(MONDAY, s).getTime()));
      for (const [start, places] of free) {
        for (let i = 0; i < places; i++) await createBooking(ctx.db, request(start, 3000 + n++));
        expect(await outcome(createBooking(ctx.db, request(start, 4000 + n++)))).toEqual({ ok: false, code: "SLOT_TAKEN" });
      }
      expect(await ctx.db.booking.count({ where: { status: "CONFIRMED" } })).toBe(PLACES);
    });
  },
);
