import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { erasePersonalData, ERASED_RECIPIENT } from "@/lib/server/services/privacy/erase-personal-data";
import { sendReminders } from "@/lib/server/services/send-reminders";
import { renderMail } from "@/lib/server/mail/render";
import { findSlotProblem } from "@/lib/server/services/check-slot";
import { confirmBookingByToken, slotsInsteadOfHold } from "@/lib/server/services/confirm-booking";
import { createBooking, type CreateBookingInput } from "@/lib/server/services/create-booking";
import { canExtendHold } from "@/lib/domain";
import { extendHoldByToken } from "@/lib/server/services/extend-hold";
import { listFreeSlots } from "@/lib/server/services/list-slots";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";
import { bookOnBehalf } from "@/lib/server/services/staff/book-on-behalf";
import { listAgenda } from "@/lib/server/services/staff/list-agenda";
import { listSlotsForNewBooking } from "@/lib/server/services/staff/staff-slots";
import { createManageToken } from "@/lib/server/security/tokens";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";
import { codeOf } from "../helpers/app-error-code";
import { citizenBooking } from "../helpers/integration/bookings";
import { staff } from "../helpers/integration/staff";

// See tests/integration/mail-smtp.test.ts: Jest runs the ES build of @react-email/render.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// E-mail verification (held bookings) and the delay before a cancelled time is offered online again, through the
// real services on both databases. One clerk on Mondays 08:00-12:00, so one booking fills its start time.

const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");
const NINE = at(MONDAY, "09:00");
const MINUTE = 60_000;
const later = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);

const request = (n: number, overrides: Partial<CreateBookingInput> = {}) =>
  citizenBooking({ start: NINE, now: NOW, ...overrides }, n);

async function listedStarts(db: Db, now: Date): Promise<number[]> {
  const { slots } = await listFreeSlots(db, { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, now, from: MONDAY, to: MONDAY });
  return slots.map((s) => s.start.getTime());
}

describeEachDatabase("e-mail verification: held bookings", (ctx) => {
  let officeId: string;

  eachTestOnEmptyDatabase(ctx, async () => {
    const { office } = await createOfficeFixture(ctx.db, { blocks: [[1, "08:00", "12:00", 1]], minNoticeMinutes: 0 });
    officeId = office.id;
    await ctx.db.office.update({ where: { id: office.id }, data: { verificationMode: "EMAIL", holdMinutes: 30 } });
  });

  it("holds the slot and asks for confirmation by e-mail, with the deadline in the office's time", async () => {
    const held = await createBooking(ctx.db, request(1));
    expect(held.status).toBe("HELD");
    expect(held.holdExpiresAt).toEqual(later(30));

    // The hold occupies its time: not listed, not bookable, not even by the slot check of the wizard.
    expect(await listedStarts(ctx.db, later(1))).not.toContain(NINE.getTime());
    expect(await codeOf(createBooking(ctx.db, request(2, { now: later(1) })))).toBe("SLOT_TAKEN");
    expect(await findSlotProblem(ctx.db, { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, start: NINE, now: later(1) })).toBe(
      "SLOT_TAKEN",
    );

    const mails = await ctx.db.outboxMessage.findMany();
    expect(mails.map((m) => m.template)).toEqual(["booking-verification"]);
    const mail = await renderMail("booking-verification", mails[0].payload);
    expect(mail.subject).toMatch(/^Bitte bestätigen: /);
    // 07:30 in Berlin (06:30 UTC), written out with its date.
    expect(mail.text).toContain("bis Montag, 1. März 2027, 07:30 Uhr");
    expect(mail.text).toContain(`/termin/${held.manageToken}`);
    expect(mail.attachments).toEqual([]);
  });

  it("counts live holds against the per-address limit, expired ones not", async () => {
    await ctx.db.office.update({ where: { id: officeId }, data: { maxActiveBookingsPerEmail: 1 } });
    await createBooking(ctx.db, request(1));
    const again = request(1, { start: at(MONDAY, "10:00"), now: later(5) });
    expect(await codeOf(createBooking(ctx.db, again))).toBe("TOO_MANY_BOOKINGS");
    expect(await codeOf(createBooking(ctx.db, { ...again, now: later(31) }))).toBe("OK");
  });

  it("confirms through the manage link: CONFIRMED, the usual confirmation with its calendar file, once", async () => {
    const held = await createBooking(ctx.db, request(1));
    const confirmed = await confirmBookingByToken(ctx.db, { token: held.manageToken, now: later(10) });
    expect(confirmed.status).toBe("CONFIRMED");
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: held.id } });
    expect(row).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });

    // A second click (or a retried POST) changes nothing and sends nothing more.
    await confirmBookingByToken(ctx.db, { token: held.manageToken, now: later(11) });
    const mails = await ctx.db.outboxMessage.findMany({ orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.template)).toEqual(["booking-verification", "booking-confirmation"]);
    const mail = await renderMail("booking-confirmation", mails[1].payload);
    expect(mail.attachments.map((a) => a.filename)).toEqual(["termin.ics"]);

    // Once confirmed, the time stays taken after the hold's deadline.
    expect(await listedStarts(ctx.db, later(60))).not.toContain(NINE.getTime());
  });

  it("frees an expired hold at once for listing and booking; confirming it then needs the time to be free", async () => {
    const first = await createBooking(ctx.db, request(1));
    expect(await listedStarts(ctx.db, later(29))).not.toContain(NINE.getTime());
    expect(await listedStarts(ctx.db, later(30))).toContain(NINE.getTime());

    // Still free: a late confirmation is accepted (re-checked under the lock).
    const confirmed = await confirmBookingByToken(ctx.db, { token: first.manageToken, now: later(31) });
    expect(confirmed.status).toBe("CONFIRMED");
    await cancelBookingByToken(ctx.db, { token: first.manageToken, now: later(32) });

    // Taken by someone else after expiry: a clear refusal, the other booking untouched, and other times offered.
    const second = await createBooking(ctx.db, request(2, { now: later(33) }));
    const third = await createBooking(ctx.db, request(3, { now: later(70) }));
    expect(third.status).toBe("HELD");
    expect(await codeOf(confirmBookingByToken(ctx.db, { token: second.manageToken, now: later(64) }))).toBe("HOLD_EXPIRED");
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("HELD");
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: third.id } })).status).toBe("HELD");
    const instead = await slotsInsteadOfHold(ctx.db, await getBookingByToken(ctx.db, second.manageToken), later(64));
    expect(instead.length).toBeGreaterThan(0);
    expect(instead.map((s) => s.start.getTime())).not.toContain(NINE.getTime());
    expect(await ctx.db.outboxMessage.count({ where: { template: "booking-confirmation", bookingId: second.id } })).toBe(0);
  });

  it("erases an expired hold's personal data and unsent mail; its link then reveals nothing", async () => {
    const held = await createBooking(ctx.db, request(1));
    expect(await erasePersonalData(ctx.db, { now: later(29) })).toMatchObject({ holds: 0 });
    expect(await erasePersonalData(ctx.db, { now: later(31) })).toMatchObject({ holds: 1 });
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: held.id } });
    expect(row).toMatchObject({ givenName: null, familyName: null, email: null, dateOfBirth: null, phone: null });
    expect(row.erasedAt).toEqual(later(31));
    const mail = await ctx.db.outboxMessage.findFirstOrThrow({ where: { bookingId: held.id } });
    expect(mail.recipient).toBe(ERASED_RECIPIENT);
    expect(mail.payload).toBe("{}");
    expect(await codeOf(getBookingByToken(ctx.db, held.manageToken))).toBe("BOOKING_NOT_FOUND");
    expect(await codeOf(confirmBookingByToken(ctx.db, { token: held.manageToken, now: later(32) }))).toBe("BOOKING_NOT_FOUND");
    // The anonymous row stays for the statistics, and no longer holds the time.
    expect(row.status).toBe("HELD");
    expect(await listedStarts(ctx.db, later(32))).toContain(NINE.getTime());
  });

  it("a wrong token confirms nothing and reveals nothing", async () => {
    const held = await createBooking(ctx.db, request(1));
    const wrong = createManageToken().token;
    expect(await codeOf(confirmBookingByToken(ctx.db, { token: wrong, now: later(1) }))).toBe("BOOKING_NOT_FOUND");
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("HELD");
    expect(await ctx.db.outboxMessage.count()).toBe(1);
  });

  describe("more time to confirm (WCAG 2.2.1)", () => {
    const extend = (token: string, minutes: number) => extendHoldByToken(ctx.db, { token, now: later(minutes) });
    const expiryOf = async (id: string) => (await ctx.db.booking.findUniqueOrThrow({ where: { id } })).holdExpiresAt;
    // The limit counts from the row's createdAt, which the database stamps with the real clock: align it with the
    // test's clock, as it is in production.
    const hold = async (n: number, overrides: Partial<CreateBookingInput> = {}) => {
      const held = await createBooking(ctx.db, request(n, overrides));
      await ctx.db.booking.update({ where: { id: held.id }, data: { createdAt: NOW } });
      return held;
    };

    it("moves the deadline to now + the hold time, at most to three hold times after booking", async () => {
      const held = await hold(1);
      expect(await extend(held.manageToken, 20)).toEqual(later(50));
      expect(await expiryOf(held.id)).toEqual(later(50));
      expect(await extend(held.manageToken, 45)).toEqual(later(75));
      // Capped: 70 + 30 would be 100, the limit is 3 × 30 minutes after booking.
      expect(await extend(held.manageToken, 70)).toEqual(later(90));
      const row = await getBookingByToken(ctx.db, held.manageToken);
      expect(canExtendHold(row, 30, later(85))).toBe(false);
      expect(await codeOf(extend(held.manageToken, 85))).toBe("HOLD_NOT_EXTENDABLE");
      expect(await expiryOf(held.id)).toEqual(later(90));
      // The extension sends nothing and changes nothing else.
      expect(row.status).toBe("HELD");
      expect(await ctx.db.outboxMessage.count()).toBe(1);
    });

    it("keeps blocking the time for others until the new deadline, then frees it", async () => {
      const held = await hold(1);
      await extend(held.manageToken, 20);
      expect(await listedStarts(ctx.db, later(40))).not.toContain(NINE.getTime());
      expect(await findSlotProblem(ctx.db, { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, start: NINE, now: later(40) })).toBe(
        "SLOT_TAKEN",
      );
      expect(await codeOf(createBooking(ctx.db, request(2, { now: later(49) })))).toBe("SLOT_TAKEN");
      expect(await listedStarts(ctx.db, later(50))).toContain(NINE.getTime());
      expect(await codeOf(createBooking(ctx.db, request(2, { now: later(50) })))).toBe("OK");
    });

    it("refuses expired, confirmed, cancelled and erased holds and wrong tokens, changing nothing", async () => {
      const expired = await hold(1);
      expect(await codeOf(extend(expired.manageToken, 30))).toBe("HOLD_NOT_EXTENDABLE");
      expect(await codeOf(extend(expired.manageToken, 31))).toBe("HOLD_NOT_EXTENDABLE");
      expect(await expiryOf(expired.id)).toEqual(later(30));

      const confirmed = await hold(2, { start: at(MONDAY, "10:00") });
      await confirmBookingByToken(ctx.db, { token: confirmed.manageToken, now: later(5) });
      expect(await codeOf(extend(confirmed.manageToken, 6))).toBe("HOLD_NOT_EXTENDABLE");
      expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: confirmed.id } })).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });

      const cancelled = await hold(3, { start: at(MONDAY, "11:00") });
      await ctx.db.booking.update({ where: { id: cancelled.id }, data: { status: "CANCELLED", cancelledAt: later(1) } });
      expect(await codeOf(extend(cancelled.manageToken, 2))).toBe("ALREADY_CANCELLED");
      expect(await expiryOf(cancelled.id)).toEqual(later(30));

      const erased = await hold(4, { start: at(MONDAY, "08:00") });
      await ctx.db.booking.update({ where: { id: erased.id }, data: { erasedAt: later(1) } });
      expect(await codeOf(extend(erased.manageToken, 2))).toBe("BOOKING_NOT_FOUND");
      expect(await codeOf(extend(createManageToken().token, 2))).toBe("BOOKING_NOT_FOUND");
      expect(await expiryOf(erased.id)).toEqual(later(30));
    });

    it("two extensions at once leave the later deadline, never an earlier one or more than the limit", async () => {
      const held = await hold(1);
      const results = await Promise.all([extend(held.manageToken, 25), extend(held.manageToken, 20)]);
      // Each answers the deadline in force after its own update; the one that lost the race leaves it alone.
      expect(results.every((d) => [later(50).getTime(), later(55).getTime()].includes(d.getTime()))).toBe(true);
      expect(Math.max(...results.map((d) => d.getTime()))).toBe(later(55).getTime());
      expect(await expiryOf(held.id)).toEqual(later(55));

      expect(await extend(held.manageToken, 54)).toEqual(later(84));
      const near = await Promise.all([extend(held.manageToken, 70), extend(held.manageToken, 71)]);
      expect(near).toEqual([later(90), later(90)]);
      expect(await expiryOf(held.id)).toEqual(later(90));
    });
  });

  it("sends no reminder for a hold, shows it to staff marked as held, and books on behalf without a hold", async () => {
    // A hold long enough to reach the reminder window (24 h before), made well before it.
    await ctx.db.office.update({ where: { id: officeId }, data: { holdMinutes: 7 * 24 * 60 } });
    const held = await createBooking(ctx.db, request(1, { now: at("2027-02-22", "07:00") }));
    expect(await sendReminders(ctx.db, { now: at("2027-02-28", "10:00") })).toEqual({ enqueued: 0 });

    const clerk = await staff(ctx.db, "CLERK", [officeId]);
    const agenda = await listAgenda(ctx.db, clerk, { officeSlug: "testamt", from: MONDAY, now: at("2027-02-28", "10:00") });
    expect(agenda.rows.map((r) => [r.referenceCode, r.status])).toEqual([[held.referenceCode, "HELD"]]);
    expect(agenda.rows[0].actions).toEqual([]);
    expect(agenda.totals.expected).toBe(0);

    const byPhone = await bookOnBehalf(
      ctx.db,
      clerk,
      { officeSlug: "testamt", serviceSlug: "beratung", start: at(MONDAY, "10:00"), persons: 1, channel: "PHONE", person: person(2) },
      at("2027-02-28", "10:00"),
    );
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: byPhone.id } })).status).toBe("CONFIRMED");
  });
});

describeEachDatabase("the delay before a cancelled time is offered again", (ctx) => {
  let clerk: Actor;

  eachTestOnEmptyDatabase(ctx, async () => {
    const { office } = await createOfficeFixture(ctx.db, { blocks: [[1, "08:00", "12:00", 1]], minNoticeMinutes: 0 });
    await ctx.db.office.update({ where: { id: office.id }, data: { rebookDelayMinutes: 15 } });
    clerk = await staff(ctx.db, "CLERK", [office.id]);
    const booked = await createBooking(ctx.db, request(1));
    await cancelBookingByToken(ctx.db, { token: booked.manageToken, now: NOW });
  });

  it("keeps the time from online and API booking until the delay has passed; listing and booking agree", async () => {
    for (const minutes of [0, 1, 14]) {
      const now = later(minutes);
      expect(await listedStarts(ctx.db, now)).not.toContain(NINE.getTime());
      expect(await findSlotProblem(ctx.db, { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, start: NINE, now })).toBe("SLOT_TAKEN");
      expect(await codeOf(createBooking(ctx.db, request(2, { now })))).toBe("SLOT_TAKEN");
      expect(await codeOf(createBooking(ctx.db, request(3, { now, channel: "API" })))).toBe("SLOT_TAKEN");
    }
    expect(await listedStarts(ctx.db, later(15))).toContain(NINE.getTime());
    expect(await codeOf(createBooking(ctx.db, request(2, { now: later(15) })))).toBe("OK");
  });

  it("lets staff book on behalf at once, and lists the time for them", async () => {
    const now = later(1);
    const day = await listSlotsForNewBooking(ctx.db, clerk, { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, date: MONDAY, now });
    expect(day.slots.map((s) => s.start.getTime())).toContain(NINE.getTime());
    const booked = await bookOnBehalf(
      ctx.db,
      clerk,
      { officeSlug: "testamt", serviceSlug: "beratung", start: NINE, persons: 1, channel: "COUNTER", person: person(4) },
      now,
    );
    expect(booked.startsAt).toEqual(NINE);
    // Now really taken: the delay no longer matters.
    expect(await listedStarts(ctx.db, later(20))).not.toContain(NINE.getTime());
  });
});
