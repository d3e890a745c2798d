// Statuses after the appointment's day: corrections within the window, closing a finished day with one confirmed
// bulk no-show, their audit entries, and refusals, on SQLite and PostgreSQL. The close-day action is called as the
// browser posts it, with the signed-in staff member and the database replaced.
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { randomBytes } from "node:crypto";
import { changeStatus, closeDayAction } from "@/app/(staff)/staff/(signed-in)/[office]/actions";
import { addDays, localDateOf, referenceCodeFrom, type LocalDate } from "@/lib/domain";
import { DEFAULT_STATUS_CORRECTION_DAYS } from "@/lib/domain/booking-status";
import { CLOSE_DAY_MAX } from "@/lib/schemas/staff-booking";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { recordNoShowsForDay } from "@/lib/server/services/staff/close-day";
import { listAgenda } from "@/lib/server/services/staff/list-agenda";
import { recordBookingStatus } from "@/lib/server/services/staff/record-status";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { actionResult, formData } from "../helpers/next-request-mocks";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { staff } from "../helpers/integration/staff";
import { signIn } from "../helpers/integration/session";

const TZ = "Europe/Berlin";
// Monday 1 March 2027 in Berlin.
const MONDAY = "2027-03-01";

/** An appointment as stored, at any time (also in the past, which no booking screen allows). */
async function appointment(db: Db, office: { id: string; serviceId: string }, date: LocalDate, time: string, n: number) {
  const startsAt = at(date, time);
  return db.booking.create({
    data: {
      officeId: office.id,
      serviceId: office.serviceId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      referenceCode: referenceCodeFrom(randomBytes(8)),
      manageTokenHash: randomBytes(32).toString("hex"),
      givenName: "Person",
      familyName: `Nummer ${n}`,
    },
  });
}

/** Everything a refused action must leave untouched. */
async function snapshot(db: Db) {
  const bookings = await db.booking.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, arrivedAt: true, servedAt: true } });
  return { bookings, audit: await db.auditLog.count() };
}

describeEachDatabase("staff: statuses after the appointment's day", (ctx) => {
  let officeA: { id: string; serviceId: string };
  let officeB: { id: string; serviceId: string };
  let clerkA: Actor;
  let clerkB: Actor;
  eachTestOnEmptyDatabase(ctx, async () => {
    const a = await createOfficeFixture(ctx.db, { slug: "amt-a" });
    const b = await createOfficeFixture(ctx.db, { slug: "amt-b" });
    officeA = { id: a.office.id, serviceId: a.services[0].id };
    officeB = { id: b.office.id, serviceId: b.services[0].id };
    clerkA = await staff(ctx.db, "CLERK", [officeA.id]);
    clerkB = await staff(ctx.db, "CLERK", [officeB.id]);
  });

  it(`corrects a forgotten status up to ${DEFAULT_STATUS_CORRECTION_DAYS} days later, without times, marked in the audit log`, async () => {
    const booking = await appointment(ctx.db, officeA, MONDAY, "09:00", 1);
    const lastDay = addDays(MONDAY, DEFAULT_STATUS_CORRECTION_DAYS);
    await recordBookingStatus(ctx.db, clerkA, { bookingId: booking.id, action: "arrive" }, at(lastDay, "23:00"));
    await recordBookingStatus(ctx.db, clerkA, { bookingId: booking.id, action: "serve" }, at(lastDay, "23:01"));
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row).toMatchObject({ status: "SERVED", arrivedAt: null, servedAt: null });

    const audit = await ctx.db.auditLog.findMany({ orderBy: { at: "asc" } });
    expect(audit.map((e) => [e.action, e.actorId, e.officeId, e.bookingId, JSON.parse(e.details!)])).toEqual([
      ["booking.arrive", clerkA.id, officeA.id, booking.id, { from: "CONFIRMED", to: "ARRIVED", correction: true }],
      ["booking.serve", clerkA.id, officeA.id, booking.id, { from: "ARRIVED", to: "SERVED", correction: true }],
    ]);

    // A correction can itself be undone within the window, and not after it.
    await recordBookingStatus(ctx.db, clerkA, { bookingId: booking.id, action: "undo" }, at(lastDay, "23:30"));
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("ARRIVED");
    const before = await snapshot(ctx.db);
    const afterWindow = at(addDays(lastDay, 1), "00:00");
    for (const action of ["serve", "undo"] as const) {
      expect(await codeOf(recordBookingStatus(ctx.db, clerkA, { bookingId: booking.id, action }, afterWindow))).toBe("CORRECTION_EXPIRED");
    }
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("keeps the arrival time recorded on the day when the service is made up later", async () => {
    const booking = await appointment(ctx.db, officeA, MONDAY, "09:00", 1);
    await recordBookingStatus(ctx.db, clerkA, { bookingId: booking.id, action: "arrive" }, at(MONDAY, "08:55"));
    await recordBookingStatus(ctx.db, clerkA, { bookingId: booking.id, action: "serve" }, at("2027-03-02", "08:00"));
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      status: "SERVED",
      arrivedAt: at(MONDAY, "08:55"),
      servedAt: null,
    });
  });

  it("refuses a correction by a clerk of another office, changing nothing", async () => {
    const booking = await appointment(ctx.db, officeA, MONDAY, "09:00", 1);
    const before = await snapshot(ctx.db);
    for (const action of ["arrive", "no-show"] as const) {
      expect(await codeOf(recordBookingStatus(ctx.db, clerkB, { bookingId: booking.id, action }, at("2027-03-03", "10:00")))).toBe("FORBIDDEN");
    }
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("closes a finished day: the open appointments become no-shows in one step, each with an audit entry", async () => {
    // 09:00 served, 10:00 and 11:00 open, 11:00 also cancelled once; office B's appointment on the same day.
    const served = await appointment(ctx.db, officeA, MONDAY, "09:00", 1);
    const first = await appointment(ctx.db, officeA, MONDAY, "10:00", 2);
    const second = await appointment(ctx.db, officeA, MONDAY, "11:00", 3);
    const cancelled = await appointment(ctx.db, officeA, MONDAY, "11:30", 4);
    await ctx.db.booking.update({ where: { id: cancelled.id }, data: { status: "CANCELLED", cancelledAt: at(MONDAY, "07:00") } });
    const elsewhere = await appointment(ctx.db, officeB, MONDAY, "10:00", 5);
    await recordBookingStatus(ctx.db, clerkA, { bookingId: served.id, action: "arrive" }, at(MONDAY, "08:58"));
    await recordBookingStatus(ctx.db, clerkA, { bookingId: served.id, action: "serve" }, at(MONDAY, "09:25"));
    const ids = [first.id, second.id];

    // While an appointment of the day is still running, the day is not closed and nothing is offered.
    const running = await listAgenda(ctx.db, clerkA, { officeSlug: "amt-a", from: MONDAY, now: at(MONDAY, "11:15") });
    expect(running.open).toEqual([]);
    const before = await snapshot(ctx.db);
    expect(await codeOf(recordNoShowsForDay(ctx.db, clerkA, { officeSlug: "amt-a", date: MONDAY, bookingIds: ids }, at(MONDAY, "11:15")))).toBe("DAY_NOT_OVER");
    expect(await snapshot(ctx.db)).toEqual(before);

    // After the last one (the cancelled 11:30 does not count), the list offers exactly the two open ones.
    const evening = at(MONDAY, "11:30");
    const agenda = await listAgenda(ctx.db, clerkA, { officeSlug: "amt-a", from: MONDAY, now: evening });
    expect(agenda.open.map((r) => r.id)).toEqual(ids);
    // Whatever the filters show: the service filter and the search do not change what closing the day means.
    const filtered = await listAgenda(ctx.db, clerkA, { officeSlug: "amt-a", from: MONDAY, search: "Nummer 1", now: evening });
    expect(filtered.open.map((r) => r.id)).toEqual(ids);

    const auditBefore = await ctx.db.auditLog.count();
    expect(await recordNoShowsForDay(ctx.db, clerkA, { officeSlug: "amt-a", date: MONDAY, bookingIds: [...ids].reverse() }, evening)).toEqual({
      officeSlug: "amt-a",
      date: MONDAY,
      count: 2,
    });
    const statuses = await ctx.db.booking.findMany({ where: { id: { in: [served.id, ...ids, cancelled.id, elsewhere.id] } } });
    expect(Object.fromEntries(statuses.map((b) => [b.id, b.status]))).toEqual({
      [served.id]: "SERVED",
      [first.id]: "NO_SHOW",
      [second.id]: "NO_SHOW",
      [cancelled.id]: "CANCELLED",
      [elsewhere.id]: "CONFIRMED",
    });
    const entries = await ctx.db.auditLog.findMany({ where: { action: "booking.no-show" }, orderBy: { bookingId: "asc" } });
    expect(entries).toHaveLength(2);
    expect(await ctx.db.auditLog.count()).toBe(auditBefore + 2);
    for (const e of entries) {
      expect([e.actorId, e.officeId, JSON.parse(e.details!)]).toEqual([clerkA.id, officeA.id, { from: "CONFIRMED", to: "NO_SHOW", closeDay: true }]);
    }
    expect(entries.map((e) => e.bookingId).sort()).toEqual([...ids].sort());

    // Done: nothing is open any more, and a second click changes nothing.
    expect((await listAgenda(ctx.db, clerkA, { officeSlug: "amt-a", from: MONDAY, now: evening })).open).toEqual([]);
    const after = await snapshot(ctx.db);
    expect(await codeOf(recordNoShowsForDay(ctx.db, clerkA, { officeSlug: "amt-a", date: MONDAY, bookingIds: ids }, evening))).toBe("STATUS_CHANGED");
    expect(await snapshot(ctx.db)).toEqual(after);
  });

  it("changes nothing when the open appointments are no longer those confirmed", async () => {
    const first = await appointment(ctx.db, officeA, MONDAY, "09:00", 1);
    const second = await appointment(ctx.db, officeA, MONDAY, "10:00", 2);
    const other = await appointment(ctx.db, officeB, MONDAY, "10:00", 3);
    const evening = at(MONDAY, "18:00");
    // Meanwhile someone records that the first person did come.
    await recordBookingStatus(ctx.db, clerkA, { bookingId: first.id, action: "arrive" }, evening);
    const before = await snapshot(ctx.db);
    for (const bookingIds of [[first.id, second.id], [second.id, other.id], [second.id, second.id, first.id], []]) {
      const code = await codeOf(recordNoShowsForDay(ctx.db, clerkA, { officeSlug: "amt-a", date: MONDAY, bookingIds }, evening));
      expect([bookingIds, code]).toEqual([bookingIds, "STATUS_CHANGED"]);
    }
    expect(await snapshot(ctx.db)).toEqual(before);
    expect(await recordNoShowsForDay(ctx.db, clerkA, { officeSlug: "amt-a", date: MONDAY, bookingIds: [second.id, second.id] }, evening)).toMatchObject({ count: 1 });
  });

  it("closes a past day as a correction within the window, and not after it", async () => {
    const open = await appointment(ctx.db, officeA, MONDAY, "09:00", 1);
    const lastDay = addDays(MONDAY, DEFAULT_STATUS_CORRECTION_DAYS);
    const close = (now: Date) => recordNoShowsForDay(ctx.db, clerkA, { officeSlug: "amt-a", date: MONDAY, bookingIds: [open.id] }, now);
    const before = await snapshot(ctx.db);
    expect(await codeOf(close(at(addDays(lastDay, 1), "00:00")))).toBe("CORRECTION_EXPIRED");
    expect(await codeOf(close(at("2027-02-28", "12:00")))).toBe("DAY_NOT_OVER");
    expect(await snapshot(ctx.db)).toEqual(before);
    await close(at(lastDay, "23:59"));
    const entry = await ctx.db.auditLog.findFirstOrThrow();
    expect(JSON.parse(entry.details!)).toEqual({ from: "CONFIRMED", to: "NO_SHOW", closeDay: true, correction: true });
  });

  it("refuses a clerk of another office, whatever ids are posted", async () => {
    const open = await appointment(ctx.db, officeA, MONDAY, "09:00", 1);
    const before = await snapshot(ctx.db);
    const evening = at(MONDAY, "18:00");
    expect(await codeOf(recordNoShowsForDay(ctx.db, clerkB, { officeSlug: "amt-a", date: MONDAY, bookingIds: [open.id] }, evening))).toBe("FORBIDDEN");
    // Office B's own day does not reach office A's appointments either.
    expect(await codeOf(recordNoShowsForDay(ctx.db, clerkB, { officeSlug: "amt-b", date: MONDAY, bookingIds: [open.id] }, evening))).toBe("STATUS_CHANGED");
    expect(await snapshot(ctx.db)).toEqual(before);
  });
});

describeEachDatabase("staff: the office's days for corrections", (ctx) => {
  // Given two offices with an open appointment each on Monday 1 March 2027, the first allowing corrections for 2
  // days, the second for 5; on Thursday (3 days later) a clerk of each makes up what was forgotten.
  const THURSDAY = at("2027-03-04", "10:00");
  let short: { id: string; serviceId: string; booking: string; clerk: Actor };
  let long: { id: string; serviceId: string; booking: string; clerk: Actor };
  eachTestOnEmptyDatabase(ctx, async () => {
    const setUp = async (slug: string, statusCorrectionDays: number, n: number) => {
      const f = await createOfficeFixture(ctx.db, { slug });
      await ctx.db.office.update({ where: { id: f.office.id }, data: { statusCorrectionDays } });
      const office = { id: f.office.id, serviceId: f.services[0].id };
      const booking = (await appointment(ctx.db, office, MONDAY, "09:00", n)).id;
      return { ...office, booking, clerk: await staff(ctx.db, "CLERK", [office.id]) };
    };
    short = await setUp("amt-kurz", 2, 1);
    long = await setUp("amt-lang", 5, 2);
  });

  it("2 days: a correction 3 days after is refused, offered nowhere, and changes nothing", async () => {
    const before = await snapshot(ctx.db);
    for (const action of ["arrive", "no-show"] as const) {
      expect(await codeOf(recordBookingStatus(ctx.db, short.clerk, { bookingId: short.booking, action }, THURSDAY))).toBe("CORRECTION_EXPIRED");
    }
    expect(await codeOf(recordNoShowsForDay(ctx.db, short.clerk, { officeSlug: "amt-kurz", date: MONDAY, bookingIds: [short.booking] }, THURSDAY))).toBe(
      "CORRECTION_EXPIRED",
    );
    expect(await snapshot(ctx.db)).toEqual(before);

    // The day list says the day is settled and offers no button and no closing.
    const agenda = await listAgenda(ctx.db, short.clerk, { officeSlug: "amt-kurz", from: MONDAY, now: THURSDAY });
    expect([agenda.correctableUntil, agenda.correctionDays, agenda.open, agenda.rows.map((r) => r.actions)]).toEqual(["2027-03-03", 2, [], [[]]]);
    // On Wednesday, the last day, it was still open.
    const wednesday = await listAgenda(ctx.db, short.clerk, { officeSlug: "amt-kurz", from: MONDAY, now: at("2027-03-03", "23:59") });
    expect([wednesday.open.map((r) => r.id), wednesday.rows[0].actions]).toEqual([[short.booking], ["arrive", "no-show"]]);
  });

  it("5 days: the same correction is allowed, without times, and marked in the audit log", async () => {
    const agenda = await listAgenda(ctx.db, long.clerk, { officeSlug: "amt-lang", from: MONDAY, now: THURSDAY });
    expect([agenda.correctableUntil, agenda.correctionDays, agenda.open.map((r) => r.id), agenda.rows[0].actions]).toEqual([
      "2027-03-06",
      5,
      [long.booking],
      ["arrive", "no-show"],
    ]);
    await recordBookingStatus(ctx.db, long.clerk, { bookingId: long.booking, action: "arrive" }, THURSDAY);
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: long.booking } })).toMatchObject({ status: "ARRIVED", arrivedAt: null });
    const entry = await ctx.db.auditLog.findFirstOrThrow({ where: { bookingId: long.booking } });
    expect([entry.action, entry.actorId, JSON.parse(entry.details!)]).toEqual([
      "booking.arrive",
      long.clerk.id,
      { from: "CONFIRMED", to: "ARRIVED", correction: true },
    ]);
    // The other office's short window is untouched by this one's.
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: short.booking } })).status).toBe("CONFIRMED");
  });

  it("0 days: statuses only on the appointment's day", async () => {
    await ctx.db.office.update({ where: { id: long.id }, data: { statusCorrectionDays: 0 } });
    const close = (now: Date) => recordNoShowsForDay(ctx.db, long.clerk, { officeSlug: "amt-lang", date: MONDAY, bookingIds: [long.booking] }, now);
    expect(await codeOf(close(at("2027-03-02", "00:00")))).toBe("CORRECTION_EXPIRED");
    expect(await close(at(MONDAY, "23:59"))).toMatchObject({ count: 1 });
    const entry = await ctx.db.auditLog.findFirstOrThrow({ where: { bookingId: long.booking } });
    expect(JSON.parse(entry.details!)).toEqual({ from: "CONFIRMED", to: "NO_SHOW", closeDay: true });
  });
});

describeEachDatabase("staff: the close-day action", (ctx) => {
  // The action runs on the real clock: the day before yesterday (office time) is over and within the window.
  const day = addDays(localDateOf(new Date(), TZ), -2);
  let office: { id: string; serviceId: string };
  let ids: string[];
  let clerk: Actor;
  let stranger: Actor;
  const post = (fields: Record<string, string | null>, bookingIds: string[] = ids) => {
    const form = formData(fields);
    for (const id of bookingIds) form.append("bookingId", id);
    return actionResult(closeDayAction({}, form));
  };

  eachTestOnEmptyDatabase(ctx, async () => {
    const a = await createOfficeFixture(ctx.db, { slug: "amt-a" });
    const b = await createOfficeFixture(ctx.db, { slug: "amt-b" });
    office = { id: a.office.id, serviceId: a.services[0].id };
    ids = [(await appointment(ctx.db, office, day, "09:00", 1)).id, (await appointment(ctx.db, office, day, "10:00", 2)).id];
    clerk = await staff(ctx.db, "CLERK", [office.id]);
    stranger = await staff(ctx.db, "CLERK", [b.office.id]);
  });

  it("records the confirmed list and returns to that day's list with the count", async () => {
    signIn(clerk);
    expect(await post({ officeSlug: "amt-a", date: day })).toEqual({ redirect: `/staff/amt-a?tag=${day}&erfolg=close-day&anzahl=2` });
    const rows = await ctx.db.booking.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => r.status)).toEqual(["NO_SHOW", "NO_SHOW"]);
    expect(await ctx.db.auditLog.count({ where: { action: "booking.no-show", actorId: clerk.id } })).toBe(2);
  });

  it("answers bad input with field errors in the one shape, and changes nothing", async () => {
    signIn(clerk);
    const before = await snapshot(ctx.db);
    // [posted fields, posted ids, the fields the answer names]
    const cases: Array<[Record<string, string | null>, string[], string[]]> = [
      [{ officeSlug: "amt-a", date: day }, [], ["bookingIds"]],
      [{ officeSlug: "amt-a", date: "2027-02-30" }, ids, ["date"]],
      [{ officeSlug: "amt-a", date: null }, ids, ["date"]],
      [{ officeSlug: "../amt-a", date: day }, ids, ["officeSlug"]],
      [{ officeSlug: "amt-a", date: day }, ["' OR 1=1 --"], ["bookingIds.0"]],
      [{ officeSlug: "amt-a", date: day }, Array.from({ length: CLOSE_DAY_MAX + 1 }, (_, i) => `id${i}`), ["bookingIds"]],
    ];
    for (const [fields, bookingIds, named] of cases) {
      const result = await post(fields, bookingIds);
      if (!("returned" in result)) throw new Error(`redirected to ${result.redirect}`);
      const { fieldErrors, formError } = result.returned;
      expect([fields, Object.keys(fieldErrors ?? {}), formError]).toEqual([fields, named, undefined]);
      // Every message is a translation key of the one shape: field -> keys.
      for (const keys of Object.values(fieldErrors ?? {})) for (const key of keys) expect(key).toMatch(/^[a-zA-Z]+$/);
    }
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("refuses a clerk of another office and the signed-out, changing nothing", async () => {
    const before = await snapshot(ctx.db);
    signIn(stranger);
    expect(await post({ officeSlug: "amt-a", date: day })).toEqual({ returned: { fieldErrors: undefined, formError: "FORBIDDEN" } });
    signIn(null);
    expect(await post({ officeSlug: "amt-a", date: day })).toEqual({ redirect: "/staff/login" });
    signIn(clerk);
    // A day that is too long ago is refused with its reason.
    const old = addDays(day, -DEFAULT_STATUS_CORRECTION_DAYS);
    expect(await post({ officeSlug: "amt-a", date: old })).toEqual({ returned: { fieldErrors: undefined, formError: "CORRECTION_EXPIRED" } });
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("follow the office's days for corrections: 3 days back is refused with 2, allowed with 5", async () => {
    signIn(clerk);
    const threeDaysBack = addDays(day, -1);
    const late = [(await appointment(ctx.db, office, threeDaysBack, "09:00", 3)).id, (await appointment(ctx.db, office, threeDaysBack, "10:00", 4)).id];
    const setDays = (statusCorrectionDays: number) => ctx.db.office.update({ where: { id: office.id }, data: { statusCorrectionDays } });
    const mark = (bookingId: string, action: string) =>
      actionResult(changeStatus(formData({ bookingId, action, back: `/staff/amt-a?tag=${threeDaysBack}` })));

    await setDays(2);
    const before = await snapshot(ctx.db);
    expect(await mark(late[0], "arrive")).toEqual({ redirect: `/staff/amt-a?tag=${threeDaysBack}&fehler=CORRECTION_EXPIRED` });
    expect(await post({ officeSlug: "amt-a", date: threeDaysBack }, late)).toEqual({
      returned: { fieldErrors: undefined, formError: "CORRECTION_EXPIRED" },
    });
    expect(await snapshot(ctx.db)).toEqual(before);

    await setDays(5);
    expect(await mark(late[0], "arrive")).toEqual({
      redirect: `/staff/amt-a?tag=${threeDaysBack}&erfolg=arrive&termin=${late[0]}#termin-${late[0]}`,
    });
    expect(await post({ officeSlug: "amt-a", date: threeDaysBack }, [late[1]])).toEqual({
      redirect: `/staff/amt-a?tag=${threeDaysBack}&erfolg=close-day&anzahl=1`,
    });
    const rows = await ctx.db.booking.findMany({ where: { id: { in: late } }, orderBy: { startsAt: "asc" } });
    expect(rows.map((r) => [r.status, r.arrivedAt])).toEqual([
      ["ARRIVED", null],
      ["NO_SHOW", null],
    ]);
    const details = await ctx.db.auditLog.findMany({ where: { bookingId: { in: late } }, orderBy: { action: "asc" } });
    expect(details.map((e) => [e.action, JSON.parse(e.details!).correction])).toEqual([
      ["booking.arrive", true],
      ["booking.no-show", true],
    ]);
  });
});
