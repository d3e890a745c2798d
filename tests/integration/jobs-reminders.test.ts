import { createDb } from "@/lib/server/db/client";
import { sendReminders } from "@/lib/server/services/send-reminders";
import { renderMail } from "@/lib/server/mail/render";
import { createBooking } from "@/lib/server/services/create-booking";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { codeOf } from "../helpers/app-error-code";
import { citizenBooking } from "../helpers/integration/bookings";

// See tests/integration/mail-smtp.test.ts: Jest runs the ES build of @react-email/render.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// Reminders on both databases: exactly one per booking, even with two instances running the job at once; none for
// cancelled, past or already reminded bookings; the reminder's link opens the booking and the old link does not.

const MONDAY = "2027-03-01";
const BOOKED_AT = at("2027-02-25", "07:00");
const RUN_AT = at(MONDAY, "09:15");

const request = (start: Date, n: number) => citizenBooking({ start, now: BOOKED_AT }, n);

describeEachDatabase("reminder e-mails", (ctx) => {
  eachTestOnEmptyDatabase(ctx, (db) => createOfficeFixture(db));

  const reminders = () => ctx.db.outboxMessage.findMany({ where: { template: "booking-reminder" } });

  it("writes exactly one reminder per due booking, also with two concurrent runs, and none for the others", async () => {
    const due = await createBooking(ctx.db, request(at(MONDAY, "10:00"), 1));
    const cancelled = await createBooking(ctx.db, request(at(MONDAY, "10:30"), 2));
    await cancelBookingByToken(ctx.db, { token: cancelled.manageToken, now: BOOKED_AT });
    const reminded = await createBooking(ctx.db, request(at(MONDAY, "11:00"), 3));
    await ctx.db.booking.update({ where: { id: reminded.id }, data: { reminderSentAt: BOOKED_AT } });
    const past = await createBooking(ctx.db, request(at(MONDAY, "09:00"), 4));
    const nextWeek = await createBooking(ctx.db, request(at("2027-03-08", "10:00"), 5));

    // Two app instances, each with its own connection, run the job at the same moment. (SQLite serves one
    // instance: two connections in one process would block each other's synchronous busy wait.)
    const other = ctx.provider === "postgresql" ? createDb(ctx.url) : ctx.db;
    try {
      const results = await Promise.all([sendReminders(ctx.db, { now: RUN_AT }), sendReminders(other, { now: RUN_AT })]);
      expect(results.reduce((n, r) => n + r.enqueued, 0)).toBe(1);
    } finally {
      if (other !== ctx.db) await other.$disconnect();
    }
    expect(await sendReminders(ctx.db, { now: RUN_AT })).toEqual({ enqueued: 0 });
    expect(await sendReminders(ctx.db, { now: new Date(RUN_AT.getTime() + 30 * 60_000) })).toEqual({ enqueued: 0 });

    const rows = await reminders();
    expect(rows.map((r) => [r.bookingId, r.recipient])).toEqual([[due.id, "person1@example.org"]]);
    const stored = await ctx.db.booking.findUniqueOrThrow({ where: { id: due.id } });
    expect(stored.reminderSentAt).toEqual(RUN_AT);
    for (const id of [cancelled.id, past.id, nextWeek.id]) {
      expect((await ctx.db.booking.findUniqueOrThrow({ where: { id } })).reminderSentAt).toBeNull();
    }
  });

  it("the reminder's link opens the booking and cancels it; the link from the confirmation stops working", async () => {
    const booking = await createBooking(ctx.db, request(at(MONDAY, "10:00"), 1));
    expect(await sendReminders(ctx.db, { now: RUN_AT })).toEqual({ enqueued: 1 });
    const [row] = await reminders();
    expect(row.subject).toBe(`Erinnerung: Leistung beratung am 1. März 2027, 10:00 Uhr (${booking.referenceCode})`);
    const payload = JSON.parse(row.payload) as { manageUrl: string };
    const token = payload.manageUrl.split("/termin/")[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toBe(booking.manageToken);

    const mail = await renderMail("booking-reminder", row.payload);
    expect(mail.text).toContain(payload.manageUrl);
    expect(mail.text).toContain("Der Link aus der Bestätigung funktioniert nicht mehr.");
    expect(mail.html).toContain("Termin absagen oder verschieben");

    expect((await getBookingByToken(ctx.db, token)).id).toBe(booking.id);
    expect(await codeOf(getBookingByToken(ctx.db, booking.manageToken))).toBe("BOOKING_NOT_FOUND");
    await cancelBookingByToken(ctx.db, { token, now: RUN_AT });
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CANCELLED");
  });

  it("follows the office's setting: other hours, or none at all", async () => {
    await createBooking(ctx.db, request(at(MONDAY, "11:00"), 1));
    await ctx.db.office.updateMany({ data: { reminderHours: 1 } });
    expect(await sendReminders(ctx.db, { now: RUN_AT })).toEqual({ enqueued: 0 });
    await ctx.db.office.updateMany({ data: { reminderHours: 0 } });
    expect(await sendReminders(ctx.db, { now: at(MONDAY, "10:30") })).toEqual({ enqueued: 0 });
    await ctx.db.office.updateMany({ data: { reminderHours: 1 } });
    expect(await sendReminders(ctx.db, { now: at(MONDAY, "10:30") })).toEqual({ enqueued: 1 });
  });

  it("skips a booking made inside the reminder window: its confirmation has just arrived", async () => {
    const late = await createBooking(ctx.db, { ...request(at(MONDAY, "11:00"), 1), now: at(MONDAY, "08:00") });
    await ctx.db.booking.update({ where: { id: late.id }, data: { createdAt: at(MONDAY, "08:00") } });
    expect(await sendReminders(ctx.db, { now: RUN_AT })).toEqual({ enqueued: 0 });
  });
});
