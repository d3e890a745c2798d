import { bookingTransaction, readScheduleVersions } from "@/lib/server/db/transaction";
import { getActiveOfficeAndService } from "@/lib/server/services/office-catalog";
import { insertCheckedBooking, prepareBooking } from "@/lib/server/services/insert-booking";
import { createManageToken } from "@/lib/server/security/tokens";
import { createClosureSchema } from "@/lib/schemas/capacity";
import { createClosure } from "@/lib/server/services/capacity/create-closure";
import { describeEachDatabase } from "../helpers/databases";
import { staff } from "../helpers/integration/staff";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { codeOf } from "../helpers/app-error-code";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";

// A booking reads the day's schedule before it takes the day's lock (prepareBooking) and uses it under the lock only
// while the day's schedule version is unchanged: a capacity change committed in between must be seen.

// Monday 1 March 2027, 07:00 in Berlin; the office opens Mondays 08:00-12:00 with two clerks.
const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");

describeEachDatabase("a booking prepared before a capacity change", (ctx) => {
  eachTestOnEmptyDatabase(ctx, (db) => createOfficeFixture(db));

  async function prepared() {
    const { office, service } = await getActiveOfficeAndService(ctx.db, "testamt", "beratung");
    const start = at(MONDAY, "09:00");
    const args = {
      office,
      service,
      start,
      endsAt: at(MONDAY, "09:30"),
      persons: 1,
      now: NOW,
      from: MONDAY,
      to: MONDAY,
      channel: "ONLINE" as const,
      locale: "de",
      person: { givenName: "Erika", familyName: "Muster", email: "erika@example.org", phone: null, dateOfBirth: "1990-01-01", remark: null, permitExpiresOn: null },
      manageToken: createManageToken(),
      access: "public" as const,
    };
    const booking = await prepareBooking(ctx.db, args);
    // The prepared schedule still has the Monday open, so only the version check can refuse the booking below.
    expect(booking.schedule.closures).toEqual([]);
    expect(booking.schedule.weeklyBlocks.length).toBeGreaterThan(0);
    const book = () =>
      bookingTransaction(ctx.db, office.id, [MONDAY], (tx, locks) => insertCheckedBooking(tx, { ...args, prepared: { booking, locks } }));
    return { office, book };
  }

  const closeMonday = (officeId: string, scheduleChange: string[]) =>
    bookingTransaction(
      ctx.db,
      officeId,
      [MONDAY],
      (tx) => tx.closure.create({ data: { officeId, date: MONDAY, startMinute: null, endMinute: null, reason: "Betriebsausflug" } }),
      { scheduleChange },
    );

  it("reads the schedule again under the lock when a capacity change of the day came in between", async () => {
    const { office, book } = await prepared();
    await closeMonday(office.id, [MONDAY]);
    expect((await readScheduleVersions(ctx.db, office.id, [MONDAY])).get(MONDAY)).toBe(1);
    expect(await codeOf(book())).toBe("SLOT_NOT_OFFERED");
    expect(await ctx.db.booking.count()).toBe(0);
    expect(await ctx.db.outboxMessage.count()).toBe(0);
  });

  it("uses the prepared schedule while the version is unchanged (the check above is what refuses)", async () => {
    const { office, book } = await prepared();
    // A write that does not raise the schedule version goes unnoticed: every capacity change must name its dates.
    await closeMonday(office.id, []);
    const booking = await book();
    expect(booking.startsAt).toEqual(at(MONDAY, "09:00"));
    // Its confirmation was rendered before the lock and written with it, naming the booking.
    const mail = await ctx.db.outboxMessage.findFirstOrThrow();
    expect(mail.bookingId).toBe(booking.id);
    expect(JSON.parse(mail.payload).booking).toMatchObject({ id: booking.id, referenceCode: booking.referenceCode });
  });

  it("a capacity change through the staff's service raises the schedule version of its date, not of the others it locks", async () => {
    const { office, book } = await prepared();
    const clerk = await staff(ctx.db, "CLERK", [office.id]);
    const input = createClosureSchema.parse({ officeId: office.id, date: MONDAY, reason: "Personalversammlung" });
    // Staff act on the Wednesday before: that day's row is locked too (every capacity change locks today), unchanged.
    const wednesday = "2027-02-24";
    expect((await createClosure(ctx.db, clerk, input, at(wednesday, "07:00"))).status).toBe("applied");
    const versions = await readScheduleVersions(ctx.db, office.id, [MONDAY, wednesday]);
    expect(versions.get(MONDAY)).toBe(1);
    expect(versions.get(wednesday)).toBe(0);
    expect((await ctx.db.officeDay.findUniqueOrThrow({ where: { officeId_date: { officeId: office.id, date: wednesday } } })).version).toBe(1);
    expect(await codeOf(book())).toBe("SLOT_NOT_OFFERED");
  });
});
