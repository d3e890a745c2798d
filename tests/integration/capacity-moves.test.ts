// Closing a day over booked appointments and moving them to the next free times instead of cancelling: on SQLite
// and PostgreSQL, with the clock pinned. The capacity page's action is called as the browser would call it for the
// hostile inputs, with the signed-in staff member and the database replaced.
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());
// As in mail-smtp.test.ts: Jest cannot run the CommonJS build's native import("react-dom/server").
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import ICAL from "ical.js";
import { createClosureAction } from "@/app/(staff)/staff/(signed-in)/[office]/kalender/actions";
import { createClosureSchema, type CreateClosureInput } from "@/lib/schemas/capacity";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { processOutbox } from "@/lib/server/mail/outbox";
import { createTransport } from "@/lib/server/mail/transport";
import { hashToken } from "@/lib/server/security/tokens";
import { createClosure } from "@/lib/server/services/capacity";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { canPickNewTime } from "@/lib/server/services/manage-rules";
import { findMoveProblem } from "@/lib/server/services/find-move-problem";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";
import { rescheduleBookingByToken } from "@/lib/server/services/reschedule-booking-by-token";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture, openOn } from "../helpers/office-fixture";
import { startSmtpServer } from "../helpers/smtp";
import { staff } from "../helpers/integration/staff";
import { bookOnline } from "../helpers/integration/bookings";
import { signIn } from "../helpers/integration/session";
import { appliedChange } from "../helpers/integration/capacity";

// Monday 1 March 2027, 07:00 in Berlin. One clerk, 30-minute appointments.
const NOW = at("2027-03-01", "07:00");
const TUESDAY = "2027-03-02";
const WEDNESDAY = "2027-03-03";
const THURSDAY = "2027-03-04";
const FRIDAY = "2027-03-05";
const REASON = "Wegen eines Betriebsausflugs findet Ihr Termin nicht zur gebuchten Zeit statt.";

const book = (db: Db, date: string, time: string, n: number, locale = "de", officeSlug = "testamt") =>
  bookOnline(db, { officeSlug, start: at(date, time), locale, now: NOW }, n);

/** The closure as staff confirm it after seeing the conflict: exactly the bookings shown, moved or cancelled. */
async function closeWith(db: Db, actor: Actor, input: CreateClosureInput, resolution: "move" | "cancel") {
  const conflict = await createClosure(db, actor, input, NOW);
  if (conflict.status !== "conflict") throw new Error("expected a conflict");
  const ids = conflict.bookings.map((b) => b.id);
  return appliedChange(await createClosure(db, actor, { ...input, cancelBookingIds: ids, cancelReason: REASON, resolution }, NOW));
}

/** With one clerk, capacity holds exactly when no two active appointments overlap. */
async function overlaps(db: Db, officeId: string): Promise<string[]> {
  const active = await db.booking.findMany({
    where: { officeId, status: { in: ["CONFIRMED", "ARRIVED"] } },
    orderBy: { startsAt: "asc" },
  });
  const found: string[] = [];
  for (let i = 1; i < active.length; i++) {
    if (active[i].startsAt < active[i - 1].endsAt) found.push(`${active[i - 1].referenceCode} / ${active[i].referenceCode}`);
  }
  return found;
}

function tokenOf(url: string): string {
  const match = /\/termin\/([A-Za-z0-9_-]{43})(?:\/verschieben)?$/.exec(url);
  if (!match) throw new Error(`no manage token in ${url}`);
  return match[1];
}

/** Everything a refused request must leave as it was. */
async function snapshot(db: Db) {
  const [closures, bookings, outbox, audit, days] = await Promise.all([
    db.closure.findMany({ orderBy: { id: "asc" } }),
    db.booking.findMany({ orderBy: { id: "asc" } }),
    db.outboxMessage.count(),
    db.auditLog.count(),
    db.officeDay.findMany({ orderBy: [{ officeId: "asc" }, { date: "asc" }] }),
  ]);
  return { closures, bookings, outbox, audit, days };
}

describeEachDatabase("moving appointments when the office closes", (ctx) => {
  let officeId: string;
  let clerk: Actor;

  eachTestOnEmptyDatabase(ctx, async () => {
    ({
      office: { id: officeId },
    } = await createOfficeFixture(ctx.db, { blocks: openOn("Mon-Fri", "08:00-10:00", 1), bookingHorizonDays: 30 }));
    clerk = await staff(ctx.db, "CLERK", [officeId]);
  });

  it("moves all three to the next free times in one step, each told the new time in their language", async () => {
    const first = await book(ctx.db, WEDNESDAY, "08:00", 1, "de");
    const second = await book(ctx.db, WEDNESDAY, "08:30", 2, "en");
    const third = await book(ctx.db, WEDNESDAY, "09:00", 3, "ar");
    const other = await book(ctx.db, THURSDAY, "08:30", 4);
    await ctx.db.outboxMessage.deleteMany();

    const input = createClosureSchema.parse({ officeId, date: WEDNESDAY, reason: "Betriebsausflug" });
    const result = await closeWith(ctx.db, clerk, input, "move");
    expect(result.cancelledBookingIds).toEqual([]);
    expect([...result.movedBookingIds].sort()).toEqual([first.id, second.id, third.id].sort());

    // In the order of the old times, around Thursday's booking at 08:30, never before the old time of day.
    const expected = new Map([
      [first.id, at(THURSDAY, "08:00")],
      [second.id, at(THURSDAY, "09:00")],
      [third.id, at(THURSDAY, "09:30")],
    ]);
    for (const [id, start] of expected) {
      const row = await ctx.db.booking.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "CONFIRMED", startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000) });
    }
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: other.id } })).startsAt).toEqual(at(THURSDAY, "08:30"));
    expect(await overlaps(ctx.db, officeId)).toEqual([]);

    const mails = await ctx.db.outboxMessage.findMany({ orderBy: { recipient: "asc" } });
    expect(mails.map((m) => [m.template, m.recipient])).toEqual([
      ["booking-rescheduled", "person1@example.org"],
      ["booking-rescheduled", "person2@example.org"],
      ["booking-rescheduled", "person3@example.org"],
    ]);
    for (const [mail, booking, locale] of [
      [mails[0], first, "de"],
      [mails[1], second, "en"],
      [mails[2], third, "ar"],
    ] as const) {
      const payload = JSON.parse(mail.payload);
      expect(payload).toMatchObject({
        locale,
        reason: REASON,
        booking: { startsAt: expected.get(booking.id)!.toISOString() },
        previous: { startsAt: booking.startsAt.toISOString() },
      });
      // A fresh link: the new one finds the booking, the one from the first e-mail no longer does.
      const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
      expect(row.manageTokenHash).toBe(hashToken(tokenOf(payload.manageUrl)));
      expect(await codeOf(getBookingByToken(ctx.db, booking.manageToken))).toBe("BOOKING_NOT_FOUND");
    }

    const audit = await ctx.db.auditLog.findMany({ orderBy: [{ action: "asc" }, { bookingId: "asc" }] });
    expect(audit.map((a) => a.action)).toEqual(["booking.move", "booking.move", "booking.move", "capacity.closure.create"]);
    expect(audit.every((a) => a.actorId === clerk.id && a.officeId === officeId)).toBe(true);
    expect(JSON.parse(audit[3].details!)).toMatchObject({ date: WEDNESDAY, cancelledBookings: 0, movedBookings: 3 });
    expect(JSON.parse(audit[0].details!)).toMatchObject({ cause: "capacity-change", mailed: true });
  });

  it("cancels the one without a free time, and its e-mail opens the move page with the person's data kept", async () => {
    // Only Tuesday 08:00-08:30 and Wednesday 08:00-09:30 open; one week ahead.
    await resetDatabase(ctx.db);
    ({
      office: { id: officeId },
    } = await createOfficeFixture(ctx.db, {
      blocks: [
        [2, "08:00", "08:30", 1],
        [3, "08:00", "09:30", 1],
      ],
      bookingHorizonDays: 7,
    }));
    clerk = await staff(ctx.db, "CLERK", [officeId]);
    const movable = await book(ctx.db, WEDNESDAY, "08:00", 1);
    const stuck = await book(ctx.db, WEDNESDAY, "08:30", 2, "fr");
    await ctx.db.outboxMessage.deleteMany();

    const input = createClosureSchema.parse({ officeId, date: WEDNESDAY, start: "08:00", end: "09:00", reason: "Schulung" });
    const result = await closeWith(ctx.db, clerk, input, "move");
    expect(result.movedBookingIds).toEqual([movable.id]);
    expect(result.cancelledBookingIds).toEqual([stuck.id]);
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: movable.id } })).toMatchObject({ startsAt: at(WEDNESDAY, "09:00") });
    const cancelled = await ctx.db.booking.findUniqueOrThrow({ where: { id: stuck.id } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: REASON, cancelledAt: NOW });

    const mail = await ctx.db.outboxMessage.findFirstOrThrow({ where: { template: "booking-cancelled" } });
    expect(mail.recipient).toBe("person2@example.org");
    const payload = JSON.parse(mail.payload);
    expect(payload).toMatchObject({ locale: "fr", reason: REASON });
    expect(payload.newTimeUrl).toMatch(/^http:\/\/localhost:3000\/fr\/termin\/[A-Za-z0-9_-]{43}\/verschieben$/);
    const token = tokenOf(payload.newTimeUrl);
    expect(cancelled.manageTokenHash).toBe(hashToken(token));

    // The citizen follows the link: the same person and service, at a time they pick (here earlier than before).
    const found = await getBookingByToken(ctx.db, token);
    expect(found).toMatchObject({ givenName: "Amira", familyName: "Beispiel 2", email: "person2@example.org" });
    expect(canPickNewTime(found, NOW)).toBe(true);
    const tuesday = at(TUESDAY, "08:00");
    expect(await findMoveProblem(ctx.db, { booking: found, start: tuesday, now: NOW })).toBeNull();
    await rescheduleBookingByToken(ctx.db, { token, start: tuesday, now: NOW });
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({
      status: "CONFIRMED",
      startsAt: tuesday,
      cancelledAt: null,
      cancelReason: null,
      referenceCode: stuck.referenceCode,
    });
    const confirmation = await ctx.db.outboxMessage.findFirstOrThrow({ where: { template: "booking-rescheduled", bookingId: stuck.id } });
    expect(JSON.parse(confirmation.payload).booking.startsAt).toBe(tuesday.toISOString());
    expect(await overlaps(ctx.db, officeId)).toEqual([]);

    // A citizen's own cancellation stays final: their link no longer books.
    await cancelBookingByToken(ctx.db, { token, now: NOW });
    expect(canPickNewTime(await getBookingByToken(ctx.db, token), NOW)).toBe(false);
    expect(await codeOf(rescheduleBookingByToken(ctx.db, { token, start: tuesday, now: NOW }))).toBe("ALREADY_CANCELLED");
  });

  it("with 'cancel' chosen, cancels all of them, each e-mail with its move link", async () => {
    const first = await book(ctx.db, WEDNESDAY, "08:00", 1);
    const second = await book(ctx.db, WEDNESDAY, "08:30", 2);
    await ctx.db.outboxMessage.deleteMany();
    const result = await closeWith(ctx.db, clerk, createClosureSchema.parse({ officeId, date: WEDNESDAY, reason: "Umzug" }), "cancel");
    expect(result.movedBookingIds).toEqual([]);
    expect([...result.cancelledBookingIds].sort()).toEqual([first.id, second.id].sort());
    const mails = await ctx.db.outboxMessage.findMany();
    expect(mails.map((m) => m.template)).toEqual(["booking-cancelled", "booking-cancelled"]);
    for (const mail of mails) expect(JSON.parse(mail.payload).newTimeUrl).toMatch(/\/termin\/[A-Za-z0-9_-]{43}\/verschieben$/);
  });

  it("a citizen booking at the same moment never takes a time given to a moved appointment", async () => {
    for (let round = 0; round < 3; round++) {
      await resetDatabase(ctx.db);
      ({
        office: { id: officeId },
      } = await createOfficeFixture(ctx.db, { blocks: openOn("Mon-Fri", "08:00-09:00", 1) }));
      clerk = await staff(ctx.db, "CLERK", [officeId]);
      const moved = [await book(ctx.db, WEDNESDAY, "08:00", 1), await book(ctx.db, WEDNESDAY, "08:30", 2)];
      const input = createClosureSchema.parse({ officeId, date: WEDNESDAY, reason: "Betriebsausflug" });
      const conflict = await createClosure(ctx.db, clerk, input, NOW);
      if (conflict.status !== "conflict") throw new Error("expected a conflict");

      // Thursday's two free times are exactly where the moves go; eight citizens want them at the same moment.
      const citizens = Array.from({ length: 8 }, (_, i) => book(ctx.db, THURSDAY, i % 2 ? "08:30" : "08:00", 10 + i));
      const closing = createClosure(
        ctx.db,
        clerk,
        { ...input, cancelBookingIds: conflict.bookings.map((b) => b.id), cancelReason: REASON, resolution: "move" },
        NOW,
      );
      const [closed, ...booked] = await Promise.allSettled([closing, ...citizens]);
      expect(closed.status).toBe("fulfilled");
      for (const attempt of booked) {
        if (attempt.status === "rejected") expect(await codeOf(Promise.reject(attempt.reason))).toBe("SLOT_TAKEN");
      }

      expect(await overlaps(ctx.db, officeId)).toEqual([]);
      // Both moved appointments kept a place (Thursday or Friday), and nobody sits on the closed Wednesday.
      for (const b of moved) {
        const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: b.id } });
        expect(row.status).toBe("CONFIRMED");
        expect([THURSDAY, FRIDAY]).toContain(row.startsAt.toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" }));
      }
      const thursday = await ctx.db.booking.count({
        where: { officeId, status: "CONFIRMED", startsAt: { gte: at(THURSDAY, "00:00"), lt: at(FRIDAY, "00:00") } },
      });
      expect(thursday).toBeLessThanOrEqual(2);
    }
  });

  it("a clerk of another office is refused, and nothing changes", async () => {
    await book(ctx.db, WEDNESDAY, "08:00", 1);
    const other = await createOfficeFixture(ctx.db, { slug: "anderes-amt" });
    const stranger = await staff(ctx.db, "CLERK", [other.office.id]);
    const conflict = await createClosure(ctx.db, clerk, createClosureSchema.parse({ officeId, date: WEDNESDAY, reason: "X" }), NOW);
    if (conflict.status !== "conflict") throw new Error("expected a conflict");
    const before = await snapshot(ctx.db);
    const forged = {
      ...createClosureSchema.parse({ officeId, date: WEDNESDAY, reason: "X" }),
      cancelBookingIds: conflict.bookings.map((b) => b.id),
      cancelReason: REASON,
      resolution: "move" as const,
    };
    expect(await codeOf(createClosure(ctx.db, stranger, forged, NOW))).toBe("FORBIDDEN");
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("moves only the bookings shown, never one of another office named in a forged request", async () => {
    const mine = await book(ctx.db, WEDNESDAY, "08:00", 1);
    await createOfficeFixture(ctx.db, { slug: "anderes-amt", blocks: openOn("Mon-Fri", "08:00-10:00", 1) });
    const foreign = await book(ctx.db, WEDNESDAY, "08:00", 2, "de", "anderes-amt");
    const input = createClosureSchema.parse({ officeId, date: WEDNESDAY, reason: "X" });
    const result = appliedChange(
      await createClosure(ctx.db, clerk, { ...input, cancelBookingIds: [mine.id, foreign.id], cancelReason: REASON, resolution: "move" }, NOW),
    );
    expect(result.movedBookingIds).toEqual([mine.id]);
    const untouched = await ctx.db.booking.findUniqueOrThrow({ where: { id: foreign.id } });
    expect(untouched).toMatchObject({ status: "CONFIRMED", startsAt: foreign.startsAt, manageTokenHash: hashToken(foreign.manageToken) });
  });

  it("hostile input to the action is refused with a field error and changes nothing", async () => {
    const booked = await book(ctx.db, WEDNESDAY, "08:00", 1);
    signIn(clerk);
    const before = await snapshot(ctx.db);
    const base = { officeId, date: WEDNESDAY, start: "", end: "", reason: "Betriebsausflug" };
    const hostile: Array<[Record<string, unknown>, string]> = [
      [{ ...base, cancelBookingIds: [booked.id], cancelReason: REASON, resolution: "teleport" }, "resolution"],
      [{ ...base, cancelBookingIds: [booked.id], cancelReason: REASON, resolution: ["move"] }, "resolution"],
      [{ ...base, cancelBookingIds: [booked.id], cancelReason: REASON, resolution: { $ne: "cancel" } }, "resolution"],
      [{ ...base, cancelBookingIds: ["x' OR '1'='1"], cancelReason: REASON, resolution: "move" }, "cancelBookingIds.0"],
      [
        { ...base, cancelBookingIds: Array.from({ length: 501 }, (_, i) => `b${i}`), cancelReason: REASON, resolution: "move" },
        "cancelBookingIds",
      ],
      [{ ...base, cancelBookingIds: [booked.id], cancelReason: "Umzug\u202e", resolution: "move" }, "cancelReason"],
      [{ ...base, cancelBookingIds: [booked.id], resolution: "move" }, "cancelReason"],
    ];
    for (const [input, field] of hostile) {
      const result = await createClosureAction(input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    }
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("each citizen receives the new time over SMTP, with a calendar file that starts at it", async () => {
    const smtp = await startSmtpServer();
    const transport = createTransport(smtp.url, { from: "Terminvergabe <noreply@termine.example>", timeoutMs: 5000 });
    try {
      const bookings = [
        await book(ctx.db, WEDNESDAY, "08:00", 1, "de"),
        await book(ctx.db, WEDNESDAY, "08:30", 2, "en"),
        await book(ctx.db, WEDNESDAY, "09:00", 3, "ar"),
      ];
      await ctx.db.outboxMessage.deleteMany();
      await closeWith(ctx.db, clerk, createClosureSchema.parse({ officeId, date: WEDNESDAY, reason: "Betriebsausflug" }), "move");
      expect(await processOutbox(ctx.db, { transport })).toEqual({ sent: 3, failed: 0, retried: 0 });

      const received = await smtp.parsed();
      const byRecipient = new Map(received.map((m) => [m.to && !Array.isArray(m.to) ? m.to.value[0].address : "", m]));
      const expected: Array<[number, Date, RegExp]> = [
        [1, at(THURSDAY, "08:00"), /^Termin verschoben: .* jetzt am .*4\. März 2027, 08:00 Uhr/],
        [2, at(THURSDAY, "08:30"), /^Appointment rescheduled: .* now on March 4, 2027, 08:30/],
        [3, at(THURSDAY, "09:00"), /^تم تغيير الموعد/],
      ];
      for (const [n, start, subject] of expected) {
        const mail = byRecipient.get(`person${n}@example.org`);
        expect(mail?.subject).toMatch(subject);
        expect(mail!.text).toContain(REASON);
        const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: bookings[n - 1].id } });
        const link = /http:\/\/localhost:3000\/(?:[a-z]{2}\/)?termin\/[A-Za-z0-9_-]{43}/.exec(mail!.text ?? "")?.[0];
        expect(row.manageTokenHash).toBe(hashToken(tokenOf(link!)));
        const ics = mail!.attachments.find((a) => a.filename === "termin.ics");
        const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics!.content.toString("utf8"))).getFirstSubcomponent("vevent")!);
        expect(event.startDate.toJSDate().toISOString()).toBe(start.toISOString());
        expect(event.endDate.toJSDate().toISOString()).toBe(new Date(start.getTime() + 30 * 60_000).toISOString());
      }
    } finally {
      transport.close();
      await smtp.stop();
    }
  });
});
