import { PERSONAL_BOOKING_FIELDS } from "@/lib/domain/erasure";
import { ERASED_RECIPIENT, erasePersonalData } from "@/lib/server/services/privacy/erase-personal-data";
import { createManageToken } from "@/lib/server/security/tokens";
import { deleteMyData } from "@/lib/server/services/privacy/delete-my-data";
import { exportBookingData } from "@/lib/server/services/privacy/export-booking-data";
import { createBooking, type CreateBookingInput } from "@/lib/server/services/create-booking";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";
import { codeOf } from "../helpers/app-error-code";
import { citizenBooking } from "../helpers/integration/bookings";

// Data protection (DESIGN.md, invariant 7) on both databases: personal data is erased after the retention period
// and expired holds right away, the anonymous statistics stay, and the citizen can export and erase their data.

const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");
const DAY_MS = 24 * 60 * 60_000;

const request = (start: Date, n: number, overrides: Partial<CreateBookingInput> = {}) =>
  citizenBooking({ start, now: NOW, person: { ...person(n), phone: "+49 170 1234567", remark: `Bitte Dolmetscher ${n}` }, ...overrides }, n);

const STATISTICS = ["officeId", "serviceId", "startsAt", "endsAt", "persons", "status", "channel", "referenceCode", "cancelledAt", "createdAt"] as const;

describeEachDatabase("erasing personal data", (ctx) => {
  let officeId: string;
  let serviceId: string;

  eachTestOnEmptyDatabase(ctx, async () => {
    const fixture = await createOfficeFixture(ctx.db);
    officeId = fixture.office.id;
    serviceId = fixture.service.id;
  });

  async function stored(bookingId: string) {
    const booking = await ctx.db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    const outbox = await ctx.db.outboxMessage.findMany({ where: { bookingId } });
    return { booking, outbox };
  }

  function expectErased({ booking, outbox }: Awaited<ReturnType<typeof stored>>) {
    for (const field of PERSONAL_BOOKING_FIELDS) expect(booking[field]).toBeNull();
    expect(booking.erasedAt).not.toBeNull();
    for (const row of outbox) {
      expect(row.payload).toBe("{}");
      expect(row.recipient).toBe(ERASED_RECIPIENT);
    }
    // Nothing of the person anywhere in the rows.
    expect(JSON.stringify({ booking, outbox })).not.toMatch(/Amira|Beispiel|@example\.org|1990-03-27|1234567|Dolmetscher|citizen/);
  }

  it("erases bookings after the office's retention period, keeps the statistics, and leaves newer ones alone", async () => {
    const past = await createBooking(ctx.db, request(at(MONDAY, "09:00"), 1));
    const cancelled = await createBooking(ctx.db, request(at(MONDAY, "09:30"), 2));
    await cancelBookingByToken(ctx.db, { token: cancelled.manageToken, now: NOW });
    const later = await createBooking(ctx.db, request(at("2027-03-08", "09:00"), 3));
    const before = await stored(past.id);
    const beforeCancelled = await stored(cancelled.id);
    expect(beforeCancelled.booking.cancelReason).toBe("citizen");
    expect(beforeCancelled.outbox).toHaveLength(2);

    // One minute before the end of the retention period: nothing happens.
    const endsAt = before.booking.endsAt.getTime();
    expect(await erasePersonalData(ctx.db, { now: new Date(endsAt + 30 * DAY_MS - 60_000) })).toEqual({ expired: 0, holds: 0, wishes: 0, tickets: 0 });
    expect((await stored(past.id)).booking.erasedAt).toBeNull();

    const now = new Date(at(MONDAY, "10:00").getTime() + 30 * DAY_MS + 60_000);
    expect(await erasePersonalData(ctx.db, { now })).toEqual({ expired: 2, holds: 0, wishes: 0, tickets: 0 });
    for (const [id, old] of [
      [past.id, before],
      [cancelled.id, beforeCancelled],
    ] as const) {
      const after = await stored(id);
      expectErased(after);
      expect(after.booking.erasedAt).toEqual(now);
      for (const field of STATISTICS) expect(after.booking[field]).toEqual(old.booking[field]);
      // The e-mails stay countable for the administrators; those never sent are not sent any more.
      expect(after.outbox.map((m) => [m.template, m.subject])).toEqual(old.outbox.map((m) => [m.template, m.subject]));
      expect(after.outbox.map((m) => m.status)).toEqual(old.outbox.map(() => "FAILED"));
    }
    expect(await codeOf(getBookingByToken(ctx.db, past.manageToken))).toBe("BOOKING_NOT_FOUND");

    // Within its period: untouched.
    const untouched = await stored(later.id);
    expect(untouched.booking.erasedAt).toBeNull();
    expect(untouched.booking.email).toBe("person3@example.org");
    expect(untouched.outbox[0].recipient).toBe("person3@example.org");
    expect(untouched.outbox[0].payload).toContain("Beispiel 3");

    // A second run finds nothing more.
    expect(await erasePersonalData(ctx.db, { now })).toEqual({ expired: 0, holds: 0, wishes: 0, tickets: 0 });
  });

  it("honours a shorter retention period per office", async () => {
    await ctx.db.office.update({ where: { id: officeId }, data: { retentionDays: 1 } });
    const b = await createBooking(ctx.db, request(at(MONDAY, "09:00"), 1));
    expect(await erasePersonalData(ctx.db, { now: new Date(at(MONDAY, "09:30").getTime() + DAY_MS - 1000) })).toEqual({ expired: 0, holds: 0, wishes: 0, tickets: 0 });
    expect(await erasePersonalData(ctx.db, { now: new Date(at(MONDAY, "09:30").getTime() + DAY_MS + 1000) })).toEqual({ expired: 1, holds: 0, wishes: 0, tickets: 0 });
    expectErased(await stored(b.id));
  });

  it("erases an unconfirmed hold right after it expires", async () => {
    const holdExpiresAt = new Date(NOW.getTime() + 30 * 60_000);
    const hold = await ctx.db.booking.create({
      data: {
        officeId,
        serviceId,
        startsAt: at(MONDAY, "09:00"),
        endsAt: at(MONDAY, "09:30"),
        status: "HELD",
        holdExpiresAt,
        referenceCode: "TV-HOLD-0001",
        manageTokenHash: createManageToken().hash,
        ...person(7),
      },
    });
    expect(await erasePersonalData(ctx.db, { now: new Date(holdExpiresAt.getTime() - 1000) })).toEqual({ expired: 0, holds: 0, wishes: 0, tickets: 0 });
    expect((await stored(hold.id)).booking.email).toBe("person7@example.org");
    expect(await erasePersonalData(ctx.db, { now: new Date(holdExpiresAt.getTime() + 1000) })).toEqual({ expired: 0, holds: 1, wishes: 0, tickets: 0 });
    const after = await stored(hold.id);
    expectErased(after);
    expect(after.booking.status).toBe("HELD");
    expect(after.booking.startsAt).toEqual(at(MONDAY, "09:00"));
  });

  it("exports exactly the stored personal fields of the booking", async () => {
    const b = await createBooking(ctx.db, request(at(MONDAY, "09:00"), 1));
    await createBooking(ctx.db, request(at(MONDAY, "09:00"), 2));
    const data = await exportBookingData(ctx.db, b.manageToken, NOW);
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: b.id } });
    expect(Object.keys(data.personalData).sort()).toEqual([...PERSONAL_BOOKING_FIELDS].sort());
    for (const field of PERSONAL_BOOKING_FIELDS) expect(data.personalData[field]).toBe(row[field]);
    expect(data.personalData).toMatchObject({ familyName: "Beispiel 1", email: "person1@example.org", phone: "+49 170 1234567" });
    expect(data.booking).toMatchObject({ referenceCode: row.referenceCode, status: "CONFIRMED", startsAt: row.startsAt.toISOString() });
    expect(data.emails).toHaveLength(1);
    expect(data.emails[0]).toMatchObject({ template: "booking-confirmation", recipient: "person1@example.org" });
    // Nothing about the other person's booking.
    expect(JSON.stringify(data)).not.toMatch(/Beispiel 2|person2@/);
    expect(await codeOf(exportBookingData(ctx.db, createManageToken().token))).toBe("BOOKING_NOT_FOUND");
  });

  it("'delete my data now' cancels a future booking, erases it, and frees its place", async () => {
    const first = await createBooking(ctx.db, request(at(MONDAY, "09:00"), 1));
    await createBooking(ctx.db, request(at(MONDAY, "09:00"), 2));
    // Two clerks: the slot is full.
    expect(await codeOf(createBooking(ctx.db, request(at(MONDAY, "09:00"), 3)))).toBe("SLOT_TAKEN");

    await deleteMyData(ctx.db, { token: first.manageToken, now: NOW });
    const after = await stored(first.id);
    expectErased(after);
    expect(after.booking.status).toBe("CANCELLED");
    expect(after.booking.cancelledAt).toEqual(NOW);
    // Its unsent confirmation is not sent any more.
    expect(after.outbox.map((m) => m.status)).toEqual(["FAILED"]);
    expect(await codeOf(getBookingByToken(ctx.db, first.manageToken))).toBe("BOOKING_NOT_FOUND");
    expect(await codeOf(deleteMyData(ctx.db, { token: first.manageToken, now: NOW }))).toBe("BOOKING_NOT_FOUND");

    expect(await codeOf(createBooking(ctx.db, request(at(MONDAY, "09:00"), 3)))).toBe("OK");
  });

  it("'delete my data now' erases a past booking without changing its status", async () => {
    const b = await createBooking(ctx.db, request(at(MONDAY, "09:00"), 1));
    await deleteMyData(ctx.db, { token: b.manageToken, now: at(MONDAY, "11:00") });
    const after = await stored(b.id);
    expectErased(after);
    expect(after.booking.status).toBe("CONFIRMED");
    expect(after.booking.cancelledAt).toBeNull();
  });
});
