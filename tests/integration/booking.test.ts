import { createBooking, type CreateBookingInput } from "@/lib/server/services/create-booking";
import { listFreeSlots, findNextFreeSlot } from "@/lib/server/services/list-slots";
import { loadSlotCalendar } from "@/lib/server/services/slot-calendar";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";
import { rescheduleBookingByToken } from "@/lib/server/services/reschedule-booking-by-token";
import { hashToken } from "@/lib/server/security/tokens";
import { bookOnBehalf } from "@/lib/server/services/staff/book-on-behalf";
import { describeEachDatabase } from "../helpers/databases";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";
import { codeOf } from "../helpers/app-error-code";
import { citizenBooking } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { staff } from "../helpers/integration/staff";

// Monday 1 March 2027, 07:00 in Berlin; the office opens Mondays 08:00-12:00 with two clerks.
const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");

const request = (overrides: Partial<CreateBookingInput> = {}, n = 1) =>
  citizenBooking({ start: at(MONDAY, "09:00"), now: NOW, ...overrides }, n);

describeEachDatabase("booking an appointment", (ctx) => {
  eachTestOnEmptyDatabase(ctx, (db) => createOfficeFixture(db));

  it("books a listed slot, stores only the token's hash and writes the confirmation to the outbox", async () => {
    const { slots } = await listFreeSlots(ctx.db, { ...request(), from: MONDAY, to: MONDAY });
    expect(slots.map((s) => s.start)).toContainEqual(at(MONDAY, "09:00"));

    const booking = await createBooking(ctx.db, request());
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row.status).toBe("CONFIRMED");
    expect(row.startsAt).toEqual(at(MONDAY, "09:00"));
    expect(row.endsAt).toEqual(at(MONDAY, "09:30"));
    expect(row.manageTokenHash).toBe(hashToken(booking.manageToken));
    expect(row.manageTokenHash).not.toContain(booking.manageToken);
    expect(booking.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(booking.referenceCode).toMatch(/^TV-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const mails = await ctx.db.outboxMessage.findMany();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "booking-confirmation", recipient: "person1@example.org", bookingId: booking.id, status: "PENDING" });
  });

  it("lengthens the appointment for more persons and refuses more than the service allows", async () => {
    const booking = await createBooking(ctx.db, request({ persons: 3 }));
    expect(booking.endsAt).toEqual(at(MONDAY, "10:00"));
    expect(await codeOf(createBooking(ctx.db, request({ persons: 4 }, 2)))).toBe("INVALID_INPUT");
    expect(await ctx.db.booking.count()).toBe(1);
  });

  it("fills a slot up to the number of clerks, then refuses and stops listing it", async () => {
    await createBooking(ctx.db, request({}, 1));
    await createBooking(ctx.db, request({}, 2));
    expect(await codeOf(createBooking(ctx.db, request({}, 3)))).toBe("SLOT_TAKEN");
    const { slots } = await listFreeSlots(ctx.db, { ...request(), from: MONDAY, to: MONDAY });
    expect(slots.map((s) => s.start)).not.toContainEqual(at(MONDAY, "09:00"));
    expect(slots.map((s) => s.start)).toContainEqual(at(MONDAY, "09:30"));
    expect(await ctx.db.booking.count()).toBe(2);
    expect(await ctx.db.outboxMessage.count()).toBe(2);
  });

  it("refuses slots that are not offered, too soon or beyond the horizon, writing nothing", async () => {
    expect(await codeOf(createBooking(ctx.db, request({ start: at(MONDAY, "09:10") })))).toBe("SLOT_NOT_OFFERED");
    expect(await codeOf(createBooking(ctx.db, request({ start: at(MONDAY, "11:45") })))).toBe("SLOT_NOT_OFFERED");
    expect(await codeOf(createBooking(ctx.db, request({ start: at("2027-03-02", "09:00") })))).toBe("SLOT_NOT_OFFERED");
    expect(await codeOf(createBooking(ctx.db, request({ now: at(MONDAY, "08:30") , start: at(MONDAY, "09:00") })))).toBe("SLOT_TOO_SOON");
    expect(await codeOf(createBooking(ctx.db, request({ start: at("2027-04-05", "09:00") })))).toBe("SLOT_BEYOND_HORIZON");
    expect(await codeOf(createBooking(ctx.db, request({ officeSlug: "unbekannt" })))).toBe("OFFICE_NOT_FOUND");
    expect(await codeOf(createBooking(ctx.db, request({ serviceSlug: "unbekannt" })))).toBe("SERVICE_NOT_FOUND");
    expect(await ctx.db.booking.count()).toBe(0);
    expect(await ctx.db.outboxMessage.count()).toBe(0);
  });

  it("limits active bookings per e-mail address", async () => {
    await ctx.db.office.update({ where: { slug: "testamt" }, data: { maxActiveBookingsPerEmail: 1 } });
    await createBooking(ctx.db, request());
    expect(await codeOf(createBooking(ctx.db, request({ start: at(MONDAY, "10:00") })))).toBe("TOO_MANY_BOOKINGS");
    // The address is compared case-insensitively.
    const shouting = { ...person(1), email: "PERSON1@EXAMPLE.ORG" };
    expect(await codeOf(createBooking(ctx.db, request({ start: at(MONDAY, "10:00"), person: shouting })))).toBe("TOO_MANY_BOOKINGS");
  });

  it("counts the mailbox an address reaches, however it is spelt, and still writes to the address as entered", async () => {
    await ctx.db.office.update({ where: { slug: "testamt" }, data: { maxActiveBookingsPerEmail: 1 } });
    const as = (email: string) => ({ ...person(1), email });
    const first = await createBooking(ctx.db, request({ person: as("same+termin@example.org") }));
    for (const spelling of ["same@example.org", "Same+2@Example.org", "same+a+b@example.org"]) {
      expect({ spelling, code: await codeOf(createBooking(ctx.db, request({ start: at(MONDAY, "10:00"), person: as(spelling) }))) }).toEqual({
        spelling,
        code: "TOO_MANY_BOOKINGS",
      });
    }
    // Gmail ignores dots and answers for googlemail.com too; other providers' dots make other mailboxes.
    await createBooking(ctx.db, request({ start: at(MONDAY, "10:00"), person: as("first_last@gmail.com") }));
    for (const spelling of ["first_l.a.s.t@gmail.com", "FIRST_LAST+x@googlemail.com"]) {
      expect({ spelling, code: await codeOf(createBooking(ctx.db, request({ start: at(MONDAY, "10:30"), person: as(spelling) }))) }).toEqual({
        spelling,
        code: "TOO_MANY_BOOKINGS",
      });
    }
    await createBooking(ctx.db, request({ start: at(MONDAY, "10:30"), person: as("s.ame@example.org") }));
    await createBooking(ctx.db, request({ start: at(MONDAY, "11:00"), person: as("firstlast@gmail.co") }));
    // The e-mail goes to the address exactly as it was entered, tag and all.
    const booked = await ctx.db.booking.findUniqueOrThrow({ where: { id: first.id } });
    expect(booked.email).toBe("same+termin@example.org");
    expect((await ctx.db.outboxMessage.findFirstOrThrow({ where: { bookingId: first.id } })).recipient).toBe("same+termin@example.org");
  });

  it("counts a booking staff wrote under another spelling of the mailbox, by the key stored with it", async () => {
    await ctx.db.office.update({ where: { slug: "testamt" }, data: { maxActiveBookingsPerEmail: 1 } });
    const office = await ctx.db.office.findUniqueOrThrow({ where: { slug: "testamt" } });
    const clerk = await staff(ctx.db, "CLERK", [office.id]);
    const phoned = await bookOnBehalf(
      ctx.db,
      clerk,
      { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, start: at(MONDAY, "09:00"), channel: "PHONE", person: { familyName: "Anrufer", email: "A.b+x@googlemail.com" } },
      NOW,
    );
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: phoned.id } })).toMatchObject({ email: "a.b+x@googlemail.com", emailKey: "ab@gmail.com" });
    const online = { ...person(1), email: "ab@gmail.com" };
    expect(await codeOf(createBooking(ctx.db, request({ start: at(MONDAY, "10:00"), person: online })))).toBe("TOO_MANY_BOOKINGS");
  });

  it("finds the next free slot after full times", async () => {
    for (const [n, time] of [[1, "08:00"], [2, "08:00"], [3, "08:30"], [4, "08:30"]] as const) {
      await createBooking(ctx.db, request({ start: at(MONDAY, time) }, n));
    }
    const { slot } = await findNextFreeSlot(ctx.db, { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, now: NOW });
    expect(slot?.start).toEqual(at(MONDAY, "09:00"));
  });

  it("the calendar opens on the next free slot and shows the same week as a fresh listing, near and far", async () => {
    await createBooking(ctx.db, request({ start: at(MONDAY, "08:00") }, 1));
    await createBooking(ctx.db, request({ start: at(MONDAY, "08:00") }, 2));
    const query = { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, now: NOW };
    const near = await loadSlotCalendar(ctx.db, query);
    expect(near.next?.start).toEqual(at(MONDAY, "08:30"));
    expect(near.week).toBe(MONDAY);
    const fresh = await listFreeSlots(ctx.db, { ...query, from: MONDAY, to: "2027-03-07" });
    expect(near.slots).toEqual(fresh.slots);
    expect(near.slots.map((s) => s.start)).not.toContainEqual(at(MONDAY, "08:00"));

    // A week beyond the first four-week read is read on its own. Its Monday is Easter Monday, opened for the test:
    // inside the 30-day horizon it is the only open day after the first read.
    const { id: officeId } = await ctx.db.office.findUniqueOrThrow({ where: { slug: "testamt" } });
    await ctx.db.holidayOpening.create({ data: { officeId, date: "2027-03-29" } });
    const far = await loadSlotCalendar(ctx.db, { ...query, week: "2027-03-29" });
    expect(far.week).toBe("2027-03-29");
    expect(far.slots).toEqual((await listFreeSlots(ctx.db, { ...query, from: "2027-03-29", to: "2027-04-04" })).slots);
    expect(far.slots.length).toBeGreaterThan(0);
  });
});

describeEachDatabase("cancelling and moving with the link from the e-mail", (ctx) => {
  eachTestOnEmptyDatabase(ctx, (db) => createOfficeFixture(db, { blocks: [[1, "08:00", "12:00", 1]] }));

  it("cancelling frees the slot at once and sends a cancellation", async () => {
    const booking = await createBooking(ctx.db, request());
    expect(await codeOf(createBooking(ctx.db, request({}, 2)))).toBe("SLOT_TAKEN");

    await cancelBookingByToken(ctx.db, { token: booking.manageToken, now: NOW });
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row.status).toBe("CANCELLED");
    const { slots } = await listFreeSlots(ctx.db, { ...request(), from: MONDAY, to: MONDAY });
    expect(slots.map((s) => s.start)).toContainEqual(at(MONDAY, "09:00"));
    expect(await codeOf(createBooking(ctx.db, request({}, 2)))).toBe("OK");
    const templates = (await ctx.db.outboxMessage.findMany({ orderBy: { createdAt: "asc" } })).map((m) => m.template);
    expect(templates).toEqual(expect.arrayContaining(["booking-confirmation", "booking-cancelled"]));

    expect(await codeOf(cancelBookingByToken(ctx.db, { token: booking.manageToken, now: NOW }))).toBe("ALREADY_CANCELLED");
  });

  it("a wrong token looks like a missing booking", async () => {
    await createBooking(ctx.db, request());
    const wrong = "A".repeat(43);
    expect(await codeOf(getBookingByToken(ctx.db, wrong))).toBe("BOOKING_NOT_FOUND");
    expect(await codeOf(cancelBookingByToken(ctx.db, { token: wrong, now: NOW }))).toBe("BOOKING_NOT_FOUND");
    expect(await ctx.db.booking.count({ where: { status: "CANCELLED" } })).toBe(0);
  });

  it("an appointment in the past cannot be cancelled", async () => {
    const booking = await createBooking(ctx.db, request());
    expect(await codeOf(cancelBookingByToken(ctx.db, { token: booking.manageToken, now: at(MONDAY, "09:05") }))).toBe("APPOINTMENT_PAST");
  });

  it("moving frees the old time and takes the new one, never a full one", async () => {
    const booking = await createBooking(ctx.db, request());
    await createBooking(ctx.db, request({ start: at(MONDAY, "10:00") }, 2));
    expect(await codeOf(rescheduleBookingByToken(ctx.db, { token: booking.manageToken, start: at(MONDAY, "10:00"), now: NOW }))).toBe("SLOT_TAKEN");

    await ctx.db.booking.update({ where: { id: booking.id }, data: { reminderSentAt: NOW } });
    await rescheduleBookingByToken(ctx.db, { token: booking.manageToken, start: at(MONDAY, "11:00"), now: NOW });
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row.startsAt).toEqual(at(MONDAY, "11:00"));
    // The new time gets its own reminder, and the citizen's link keeps working.
    expect(row.reminderSentAt).toBeNull();
    expect((await getBookingByToken(ctx.db, booking.manageToken)).id).toBe(booking.id);
    const { slots } = await listFreeSlots(ctx.db, { ...request(), from: MONDAY, to: MONDAY });
    expect(slots.map((s) => s.start)).toContainEqual(at(MONDAY, "09:00"));
    expect(slots.map((s) => s.start)).not.toContainEqual(at(MONDAY, "11:00"));
    expect((await ctx.db.outboxMessage.findMany()).map((m) => m.template)).toContain("booking-rescheduled");
  });
});

describeEachDatabase("concurrent bookings", (ctx) => {
  eachTestOnEmptyDatabase(ctx, (db) => createOfficeFixture(db));

  it("50 parallel attempts at the last 2 places: exactly 2 succeed", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => codeOf(createBooking(ctx.db, request({}, i)))));
    expect(results.filter((r) => r === "OK")).toHaveLength(2);
    expect(results.filter((r) => r !== "OK").every((r) => r === "SLOT_TAKEN")).toBe(true);
    expect(await ctx.db.booking.count({ where: { startsAt: at(MONDAY, "09:00") } })).toBe(2);
    expect(await ctx.db.outboxMessage.count()).toBe(2);
  });

  it("parallel bookings of overlapping lengths never exceed two clerks at any instant", async () => {
    // 08:00 for three persons (75 min) overlaps the 08:30 and 09:00 starts.
    const attempts = Array.from({ length: 30 }, (_, i) =>
      request({ start: at(MONDAY, ["08:00", "08:30", "09:00"][i % 3]), persons: i % 3 === 0 ? 3 : 1 }, i),
    );
    await Promise.all(attempts.map((a) => codeOf(createBooking(ctx.db, a))));
    const rows = await ctx.db.booking.findMany({ where: { status: "CONFIRMED" } });
    for (let t = at(MONDAY, "08:00").getTime(); t < at(MONDAY, "10:00").getTime(); t += 60_000) {
      const active = rows.filter((b) => b.startsAt.getTime() <= t && b.endsAt.getTime() > t).length;
      expect(active).toBeLessThanOrEqual(2);
    }
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});
