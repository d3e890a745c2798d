import { addDays, weekdayOf } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import { listSlotsForNewBooking } from "@/lib/server/services/staff/staff-slots";
import { findNextFreeSlot } from "@/lib/server/services/list-slots";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { countingReads } from "../helpers/integration/counting-reads";
import { at, createOfficeFixture, openOn, person } from "../helpers/office-fixture";

// The next free slot over a fully booked two-year horizon costs a handful of reads, each bounded on both sides of
// the (officeId, startsAt) index, so neither the length of the horizon nor the office's history of past bookings
// multiplies the work. Reads are counted, not timed.

const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");
const HORIZON_DAYS = 730;

describeEachDatabase("reads of the next-free-slot search", (ctx) => {
  let officeId: string;

  beforeAll(async () => {
    await resetDatabase(ctx.db);
    // Given one clerk Mon-Fri 08:00-09:00, hour-long appointments on a 5-minute grid and a two-year horizon ...
    const { office, service } = await createOfficeFixture(ctx.db, {
      slotStepMinutes: 5,
      minNoticeMinutes: 0,
      bookingHorizonDays: HORIZON_DAYS,
      blocks: openOn("Mon-Fri", "08:00-09:00", 1),
      services: [{ slug: "beratung", durationMinutes: 60 }],
    });
    officeId = office.id;
    // ... booked on every working day of the horizon, and of the two years before it.
    const dates = [];
    for (let day = -HORIZON_DAYS; day <= HORIZON_DAYS + 1; day++) {
      const date = addDays(MONDAY, day);
      if (weekdayOf(date) <= 5) dates.push(date);
    }
    const data = dates.map((date, n) => ({
      officeId: office.id,
      serviceId: service.id,
      startsAt: at(date, "08:00"),
      endsAt: at(date, "09:00"),
      referenceCode: `TV-TEST-${n}`,
      manageTokenHash: `hash-${n}`,
      ...person(n),
    }));
    for (let i = 0; i < data.length; i += 500) await ctx.db.booking.createMany({ data: data.slice(i, i + 500) });
  });

  it("finds no free slot in five reads that skip the history", async () => {
    const { db, reads } = countingReads(ctx.db);
    const { slot } = await findNextFreeSlot(db, { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, now: NOW });
    expect(slot).toBeNull();
    // Windows of 28, 56, 112, 224 days and the rest of the horizon, instead of one per four weeks (27).
    expect(reads).toHaveLength(5);
    for (const where of reads) {
      expect(where.startsAt?.gt).toBeInstanceOf(Date);
      // No read reaches back further than two days before today.
      expect(where.startsAt!.gt!.getTime()).toBeGreaterThan(at(addDays(MONDAY, -4), "00:00").getTime());
    }
  });

  it("finds no free slot for staff in a handful of reads", async () => {
    const { db, reads } = countingReads(ctx.db);
    const clerk: Actor = { id: "clerk", role: "CLERK", officeIds: [officeId] };
    const day = await listSlotsForNewBooking(db, clerk, { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, now: NOW });
    expect(day.slots).toEqual([]);
    expect(day.next).toBeNull();
    // The asked day, then the citizens' windows of 28, 56, 112, 224 days and the rest (instead of one per four weeks: 27).
    expect(reads).toHaveLength(6);
  });
});
