import { createBlockSchema, createClosureSchema, createOverrideSchema, updateBlockSchema } from "@/lib/schemas/capacity";
import type { Actor } from "@/lib/server/auth/permissions";
import { hashToken } from "@/lib/server/security/tokens";
import type { Db } from "@/lib/server/db/client";
import { loadAvailability } from "@/lib/server/services/availability";
import {
  type CapacityChangeResult,
  closeHoliday,
  createCapacityBlock,
  createClosure,
  createDateOverride,
  deleteCapacityBlock,
  deleteClosure,
  deleteDateOverride,
  openHoliday,
  updateCapacityBlock,
} from "@/lib/server/services/capacity";
import { listFreeSlots } from "@/lib/server/services/list-slots";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { staff } from "../helpers/integration/staff";
import { bookOnline } from "../helpers/integration/bookings";
import { appliedChange } from "../helpers/integration/capacity";

// What clerks change in the capacity plan is what citizens can book a moment later: the same slot listing as the
// wizard, on SQLite and PostgreSQL. The office opens Mondays 08:00-12:00 with two clerks; now is Monday 1 March 2027,
// 07:00 in Berlin, and the office books 30 days ahead in 30-minute steps.

const NOW = at("2027-03-01", "07:00");
const MONDAY = "2027-03-08";
const TUESDAY = "2027-03-09";
const REASON = "Wegen einer Personalversammlung fällt Ihr Termin aus.";

const applied = <T,>(result: CapacityChangeResult<T>) => appliedChange(result).value;

async function slotTimes(db: Db, date: string, serviceSlug = "beratung"): Promise<string[]> {
  const { slots } = await listFreeSlots(db, { officeSlug: "testamt", serviceSlug, persons: 1, from: date, to: date, now: NOW });
  return slots.map((s) => s.start.toLocaleTimeString("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" }));
}

const book = (db: Db, date: string, time: string, n: number, serviceSlug = "beratung") =>
  bookOnline(db, { serviceSlug, start: at(date, time), now: NOW }, n);

/** Everything a capacity change may touch, to prove that a refused or kept change wrote nothing. */
async function snapshot(db: Db) {
  const [blocks, closures, overrides, bookings, outbox, audit, days] = await Promise.all([
    db.capacityBlock.findMany({ include: { services: { select: { id: true } } }, orderBy: { id: "asc" } }),
    db.closure.findMany({ orderBy: { id: "asc" } }),
    db.dateOverride.findMany({ orderBy: { id: "asc" } }),
    db.booking.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.outboxMessage.count(),
    db.auditLog.count(),
    // The lock rows too: a change that was rolled back leaves even their counters as they were.
    db.officeDay.findMany({ orderBy: [{ officeId: "asc" }, { date: "asc" }] }),
  ]);
  return { blocks, closures, overrides, bookings, outbox, audit, days };
}

describeEachDatabase("capacity changes and the slots citizens see", (ctx) => {
  let office: { id: string };
  let services: Array<{ id: string; slug: string }>;
  let clerk: Actor;
  let mondayBlockId: string;

  eachTestOnEmptyDatabase(ctx, async () => {
    const fixture = await createOfficeFixture(ctx.db, {
      services: [
        { slug: "beratung", durationMinutes: 30 },
        { slug: "abholung", durationMinutes: 30 },
      ],
    });
    office = fixture.office;
    services = fixture.services;
    clerk = await staff(ctx.db, "CLERK", [office.id]);
    mondayBlockId = (await ctx.db.capacityBlock.findFirstOrThrow()).id;
  });

  const blockInput = (change: Record<string, unknown> = {}) =>
    createBlockSchema.parse({ officeId: office.id, weekdays: [2], start: "09:00", end: "11:00", clerks: 1, ...change });

  it("a new block is bookable at once, takes the day locks and is audited", async () => {
    expect(await slotTimes(ctx.db, TUESDAY)).toEqual([]);
    const { ids } = applied(await createCapacityBlock(ctx.db, clerk, blockInput(), NOW));

    expect(await slotTimes(ctx.db, TUESDAY)).toEqual(["09:00", "09:30", "10:00", "10:30"]);
    // Every Tuesday within the 30-day horizon was locked, as a booking on those days would be, and today's row,
    // which all capacity changes of the office take.
    const locked = (await ctx.db.officeDay.findMany({ where: { officeId: office.id } })).map((d) => d.date).sort();
    expect(locked).toEqual(["2027-03-01", "2027-03-02", "2027-03-09", "2027-03-16", "2027-03-23", "2027-03-30"]);
    const audit = await ctx.db.auditLog.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: clerk.id, officeId: office.id, action: "capacity.block.create" });
    expect(JSON.parse(audit[0].details!)).toMatchObject({ blockIds: ids, weekdays: [2], startMinute: 540, endMinute: 660, clerks: 1 });
  });

  it("Monday to Friday in one step: a block per weekday, all bookable, the days locked, one audit entry", async () => {
    const pickUp = services.find((s) => s.slug === "abholung")!;
    const input = blockInput({ weekdays: ["1", "2", "3", "4", "5"], start: "13:00", end: "14:00", serviceIds: [pickUp.id] });
    const { ids } = applied(await createCapacityBlock(ctx.db, clerk, input, NOW));

    const created = await ctx.db.capacityBlock.findMany({
      where: { id: { in: ids } },
      include: { services: { select: { id: true } } },
      orderBy: { weekday: "asc" },
    });
    expect(created.map((b) => [b.weekday, b.startMinute, b.endMinute, b.clerks, b.services.map((s) => s.id)])).toEqual(
      [1, 2, 3, 4, 5].map((weekday) => [weekday, 780, 840, 1, [pickUp.id]]),
    );
    // (Mondays keep their morning for all services as well.)
    for (const date of ["2027-03-08", "2027-03-09", "2027-03-10", "2027-03-11", "2027-03-12"]) {
      const afternoon = (await slotTimes(ctx.db, date, "abholung")).filter((time) => time >= "13:00");
      expect([date, afternoon]).toEqual([date, ["13:00", "13:30"]]);
    }
    expect(await slotTimes(ctx.db, TUESDAY, "beratung")).toEqual([]);
    expect(await slotTimes(ctx.db, "2027-03-13", "abholung")).toEqual([]);
    // Every working day from today (Monday 1 March) to the horizon's end (31 March) was locked, in one change.
    const locked = (await ctx.db.officeDay.findMany({ where: { officeId: office.id } })).map((d) => d.date);
    expect(locked).toHaveLength(23);
    expect(locked).toEqual(expect.arrayContaining(["2027-03-01", "2027-03-05", "2027-03-29", "2027-03-31"]));
    expect(locked).not.toContain("2027-03-06");
    const audit = await ctx.db.auditLog.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: clerk.id, officeId: office.id, action: "capacity.block.create" });
    expect(JSON.parse(audit[0].details!)).toMatchObject({ blockIds: ids, weekdays: [1, 2, 3, 4, 5], startMinute: 780, endMinute: 840 });
  });

  it("a clash on one of the weekdays refuses the whole change, says which day, and writes nothing", async () => {
    // Monday 08:00-12:00 exists already; Monday to Wednesday 11:00-13:00 overlaps it on the Monday only.
    const before = await snapshot(ctx.db);
    await expect(
      createCapacityBlock(ctx.db, clerk, blockInput({ weekdays: ["3", "2", "1"], start: "11:00", end: "13:00" }), NOW),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", field: "weekdays", reason: "overlapOn1" });
    expect(await snapshot(ctx.db)).toEqual(before);
    expect(await slotTimes(ctx.db, TUESDAY)).toEqual([]);
  });

  it("a block for some services only opens them alone", async () => {
    const pickUp = services.find((s) => s.slug === "abholung")!;
    applied(await createCapacityBlock(ctx.db, clerk, blockInput({ weekdays: [4], start: "14:00", end: "15:00", serviceIds: [pickUp.id] }), NOW));
    expect(await slotTimes(ctx.db, "2027-03-11", "abholung")).toEqual(["14:00", "14:30"]);
    expect(await slotTimes(ctx.db, "2027-03-11", "beratung")).toEqual([]);
  });

  it("a validity period lets next month's plan differ", async () => {
    applied(await createCapacityBlock(ctx.db, clerk, blockInput({ validFrom: "2027-03-15" }), NOW));
    expect(await slotTimes(ctx.db, TUESDAY)).toEqual([]);
    expect(await slotTimes(ctx.db, "2027-03-16")).toEqual(["09:00", "09:30", "10:00", "10:30"]);
  });

  it("moving a block by drag and drop moves the slots", async () => {
    const input = updateBlockSchema.parse({ blockId: mondayBlockId, weekday: 2, start: "13:00", end: "14:00", clerks: 2 });
    applied(await updateCapacityBlock(ctx.db, clerk, input, NOW));
    expect(await slotTimes(ctx.db, MONDAY)).toEqual([]);
    expect(await slotTimes(ctx.db, TUESDAY)).toEqual(["13:00", "13:30"]);
  });

  it("the conflict check reads the schedule exactly as the booking path does", async () => {
    applied(await createCapacityBlock(ctx.db, clerk, blockInput({ validFrom: "2027-03-05", validUntil: "2027-03-20" }), NOW));
    applied(await createDateOverride(ctx.db, clerk, createOverrideSchema.parse({ officeId: office.id, date: MONDAY, start: "10:00", end: "11:00", clerks: 3 }), NOW));
    // Both go through loadAvailability; a second mapping of the rows could drift from it.
    const input = await loadAvailability(ctx.db, {
      office: { id: office.id, timeZone: "Europe/Berlin", holidayRegion: "DE-RP", slotStepMinutes: 30, minNoticeMinutes: 60, bookingHorizonDays: 30 },
      service: { id: services[0].id, durationMinutes: 30, extraPersonMinutes: 0, maxPersons: 1 },
      persons: 1,
      now: NOW,
      from: MONDAY,
      to: TUESDAY,
      access: "staff",
    });
    expect(input.schedule.weeklyBlocks).toHaveLength(2);
    expect(input.schedule.dateOverrides).toEqual([
      { date: MONDAY, startMinute: 600, endMinute: 660, clerks: 3, urgentClerks: 0, serviceIds: [], appointmentKinds: [] },
    ]);
  });

  it("lowering the clerks below what is booked returns the conflict and changes nothing", async () => {
    const first = await book(ctx.db, MONDAY, "09:00", 1);
    const second = await book(ctx.db, MONDAY, "09:00", 2);
    await book(ctx.db, MONDAY, "10:00", 3);
    const before = await snapshot(ctx.db);

    const input = updateBlockSchema.parse({ blockId: mondayBlockId, weekday: 1, start: "08:00", end: "12:00", clerks: 1 });
    const result = await updateCapacityBlock(ctx.db, clerk, input, NOW);

    expect(result.status).toBe("conflict");
    if (result.status !== "conflict") return;
    // One of the two 09:00 appointments has to go: the later booking, the earlier one keeps its place.
    expect(result.bookings.map((b) => b.id)).toEqual([second.id]);
    expect(result.bookings[0]).toMatchObject({
      referenceCode: second.referenceCode,
      startsAt: at(MONDAY, "09:00").toISOString(),
      serviceName: "Leistung beratung",
      name: "Amira Beispiel 2",
      hasEmail: true,
    });
    expect(result.bookings.map((b) => b.id)).not.toContain(first.id);
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("applying with cancellation cancels exactly those bookings, writes their e-mails and the audit", async () => {
    await book(ctx.db, MONDAY, "09:00", 1);
    const second = await book(ctx.db, MONDAY, "09:00", 2);
    const untouched = await book(ctx.db, MONDAY, "10:00", 3);
    const input = updateBlockSchema.parse({ blockId: mondayBlockId, weekday: 1, start: "08:00", end: "12:00", clerks: 1 });
    const conflict = await updateCapacityBlock(ctx.db, clerk, input, NOW);
    if (conflict.status !== "conflict") throw new Error("expected a conflict");

    const result = await updateCapacityBlock(
      ctx.db,
      clerk,
      { ...input, cancelBookingIds: conflict.bookings.map((b) => b.id), cancelReason: REASON },
      NOW,
    );
    expect(result).toEqual({ status: "applied", value: { id: mondayBlockId }, cancelledBookingIds: [second.id], movedBookingIds: [] });

    expect(await ctx.db.capacityBlock.findUniqueOrThrow({ where: { id: mondayBlockId } })).toMatchObject({ clerks: 1 });
    const cancelled = await ctx.db.booking.findUniqueOrThrow({ where: { id: second.id } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: REASON, cancelledAt: NOW });
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: untouched.id } })).status).toBe("CONFIRMED");

    const mails = await ctx.db.outboxMessage.findMany({ where: { template: "booking-cancelled" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipient: "person2@example.org", bookingId: second.id, status: "PENDING" });
    const payload = JSON.parse(mails[0].payload);
    expect(payload.reason).toBe(REASON);
    // A fresh manage link (only its hash is stored) whose move page lets the citizen pick a new time.
    expect(payload.manageUrl).toMatch(/\/termin\/[A-Za-z0-9_-]{43}$/);
    expect(payload.newTimeUrl).toBe(`${payload.manageUrl}/verschieben`);
    expect(cancelled.manageTokenHash).toBe(hashToken(payload.manageUrl.split("/").pop()));

    const audit = await ctx.db.auditLog.findMany({ orderBy: { action: "asc" } });
    expect(audit.map((a) => [a.action, a.bookingId])).toEqual([
      ["booking.cancel", second.id],
      ["capacity.block.update", null],
    ]);
    expect(JSON.parse(audit[1].details!)).toMatchObject({ before: { clerks: 2 }, after: { clerks: 1 }, cancelledBookings: 1 });

    // One clerk, one appointment at 09:00: that time is full, the rest of the morning is free.
    const times = await slotTimes(ctx.db, MONDAY);
    expect(times).not.toContain("09:00");
    expect(times).not.toContain("10:00");
    expect(times).toContain("09:30");
  });

  it("never cancels a booking the staff member was not shown", async () => {
    await book(ctx.db, MONDAY, "09:00", 1);
    await book(ctx.db, MONDAY, "09:00", 2);
    const input = updateBlockSchema.parse({ blockId: mondayBlockId, weekday: 1, start: "08:00", end: "12:00", clerks: 1 });
    const shown = await updateCapacityBlock(ctx.db, clerk, input, NOW);
    if (shown.status !== "conflict") throw new Error("expected a conflict");
    // Meanwhile a citizen books the last place of another hour.
    await book(ctx.db, MONDAY, "11:00", 3);
    await book(ctx.db, MONDAY, "11:00", 4);
    const before = await snapshot(ctx.db);

    const again = await updateCapacityBlock(
      ctx.db,
      clerk,
      { ...input, cancelBookingIds: shown.bookings.map((b) => b.id), cancelReason: REASON },
      NOW,
    );
    expect(again.status).toBe("conflict");
    if (again.status === "conflict") expect(again.bookings).toHaveLength(2);
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("deleting a block with bookings is a conflict for all of them", async () => {
    const a = await book(ctx.db, MONDAY, "09:00", 1);
    const b = await book(ctx.db, "2027-03-15", "11:30", 2);
    const result = await deleteCapacityBlock(ctx.db, clerk, { blockId: mondayBlockId }, NOW);
    expect(result.status === "conflict" && result.bookings.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(await ctx.db.capacityBlock.count()).toBe(1);
  });

  it("a whole-day closure leaves no slots that day and only that day", async () => {
    const input = createClosureSchema.parse({ officeId: office.id, date: MONDAY, reason: "Personalversammlung" });
    const { id } = applied(await createClosure(ctx.db, clerk, input, NOW));
    expect(await slotTimes(ctx.db, MONDAY)).toEqual([]);
    expect(await slotTimes(ctx.db, "2027-03-15")).toHaveLength(8);

    applied(await deleteClosure(ctx.db, clerk, { closureId: id }, NOW));
    expect(await slotTimes(ctx.db, MONDAY)).toHaveLength(8);
  });

  it("a closure of some hours removes only those slots, and one over bookings asks first", async () => {
    const booked = await book(ctx.db, MONDAY, "10:00", 1);
    const input = createClosureSchema.parse({ officeId: office.id, date: MONDAY, start: "10:00", end: "11:00", reason: "Teambesprechung" });
    const conflict = await createClosure(ctx.db, clerk, input, NOW);
    expect(conflict.status === "conflict" && conflict.bookings.map((b) => b.id)).toEqual([booked.id]);
    expect(await ctx.db.closure.count()).toBe(0);

    applied(await createClosure(ctx.db, clerk, { ...input, cancelBookingIds: [booked.id], cancelReason: REASON }, NOW));
    expect(await slotTimes(ctx.db, MONDAY)).toEqual(["08:00", "08:30", "09:00", "09:30", "11:00", "11:30"]);
  });

  it("an override replaces that date's weekly hours and goes away again", async () => {
    const input = createOverrideSchema.parse({ officeId: office.id, date: MONDAY, start: "14:00", end: "16:00", clerks: 1, note: "Aktionstag" });
    const { id } = applied(await createDateOverride(ctx.db, clerk, input, NOW));
    expect(await slotTimes(ctx.db, MONDAY)).toEqual(["14:00", "14:30", "15:00", "15:30"]);
    expect(await slotTimes(ctx.db, "2027-03-15")).toHaveLength(8);

    applied(await deleteDateOverride(ctx.db, clerk, { overrideId: id }, NOW));
    expect(await slotTimes(ctx.db, MONDAY)).toHaveLength(8);
  });

  it("an override over booked hours is a conflict; removing it again is checked as well", async () => {
    const morning = await book(ctx.db, MONDAY, "08:00", 1);
    const input = createOverrideSchema.parse({ officeId: office.id, date: MONDAY, start: "14:00", end: "16:00", clerks: 1 });
    const conflict = await createDateOverride(ctx.db, clerk, input, NOW);
    expect(conflict.status === "conflict" && conflict.bookings.map((b) => b.id)).toEqual([morning.id]);
    expect(await ctx.db.dateOverride.count()).toBe(0);

    // Three clerks on the 15th, all three booked at 09:00; without the override the weekly two come back.
    const busy = createOverrideSchema.parse({ officeId: office.id, date: "2027-03-15", start: "08:00", end: "12:00", clerks: 3 });
    const { id } = applied(await createDateOverride(ctx.db, clerk, busy, NOW));
    const booked = [];
    for (const n of [2, 3, 4]) booked.push(await book(ctx.db, "2027-03-15", "09:00", n));
    const removal = await deleteDateOverride(ctx.db, clerk, { overrideId: id }, NOW);
    expect(removal.status === "conflict" && removal.bookings.map((b) => b.id)).toEqual([booked[2].id]);
    expect(await ctx.db.dateOverride.count()).toBe(1);
  });

  it("public holidays close by default; the office admin opens one and closes it again, bookings meanwhile in conflict", async () => {
    const officeAdmin = await staff(ctx.db, "OFFICE_ADMIN", [office.id]);
    // Ostermontag 2027 is Monday 29 March, within the horizon: closed without anyone accepting it.
    const EASTER_MONDAY = "2027-03-29";
    expect(await slotTimes(ctx.db, EASTER_MONDAY)).toEqual([]);
    expect(await slotTimes(ctx.db, "2027-03-22")).toHaveLength(8);
    await expect(book(ctx.db, EASTER_MONDAY, "09:00", 1)).rejects.toMatchObject({ code: "SLOT_NOT_OFFERED" });

    expect(applied(await openHoliday(ctx.db, officeAdmin, { officeId: office.id, date: EASTER_MONDAY }, NOW))).toEqual({ date: EASTER_MONDAY });
    expect(await slotTimes(ctx.db, EASTER_MONDAY)).toHaveLength(8);
    // Opening twice keeps the one exception.
    applied(await openHoliday(ctx.db, officeAdmin, { officeId: office.id, date: EASTER_MONDAY }, NOW));
    expect(await ctx.db.holidayOpening.count()).toBe(1);
    const opened = await ctx.db.auditLog.findMany({ where: { action: "capacity.holiday.open" } });
    expect(opened.map((e) => [e.actorId, e.officeId])).toEqual([
      [officeAdmin.id, office.id],
      [officeAdmin.id, office.id],
    ]);
    expect(opened.map((e) => JSON.parse(e.details!)).sort((x, y) => Number(x.alreadyOpen) - Number(y.alreadyOpen))).toEqual([
      expect.objectContaining({ date: EASTER_MONDAY, holiday: "Ostermontag", alreadyOpen: false }),
      expect.objectContaining({ date: EASTER_MONDAY, alreadyOpen: true }),
    ]);

    // A citizen books the opened day; taking the exception back would leave the appointment without a clerk.
    const booked = await book(ctx.db, EASTER_MONDAY, "09:00", 1);
    const before = await snapshot(ctx.db);
    const conflict = await closeHoliday(ctx.db, officeAdmin, { officeId: office.id, date: EASTER_MONDAY }, NOW);
    expect(conflict.status === "conflict" && conflict.bookings.map((b) => b.id)).toEqual([booked.id]);
    expect(await snapshot(ctx.db)).toEqual(before);
    expect(await ctx.db.holidayOpening.count()).toBe(1);

    const closed = await closeHoliday(ctx.db, officeAdmin, { officeId: office.id, date: EASTER_MONDAY, cancelBookingIds: [booked.id] }, NOW);
    expect(closed).toEqual({ status: "applied", value: { date: EASTER_MONDAY }, cancelledBookingIds: [booked.id], movedBookingIds: [] });
    expect(await ctx.db.holidayOpening.count()).toBe(0);
    expect(await slotTimes(ctx.db, EASTER_MONDAY)).toEqual([]);
    // The citizen is told the holiday's name unless staff wrote their own message.
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: booked.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "Ostermontag" });
    const [mail] = await ctx.db.outboxMessage.findMany({ where: { template: "booking-cancelled" } });
    expect(JSON.parse(mail.payload).reason).toBe("Ostermontag");
    const closing = await ctx.db.auditLog.findFirstOrThrow({ where: { action: "capacity.holiday.close" } });
    expect(closing).toMatchObject({ actorId: officeAdmin.id, officeId: office.id });
    expect(JSON.parse(closing.details!)).toMatchObject({ date: EASTER_MONDAY, alreadyClosed: false, cancelledBookings: 1 });
  });

  it("a holiday in the past or a date that is none is refused; a clerk may not open one", async () => {
    const officeAdmin = await staff(ctx.db, "OFFICE_ADMIN", [office.id]);
    const before = await snapshot(ctx.db);
    await expect(openHoliday(ctx.db, officeAdmin, { officeId: office.id, date: "2027-01-01" }, NOW)).rejects.toMatchObject({ field: "date", reason: "datePast" });
    await expect(openHoliday(ctx.db, officeAdmin, { officeId: office.id, date: "2027-03-30" }, NOW)).rejects.toMatchObject({ field: "date", reason: "notAHoliday" });
    await expect(closeHoliday(ctx.db, officeAdmin, { officeId: office.id, date: "2027-03-30" }, NOW)).rejects.toMatchObject({ field: "date", reason: "notAHoliday" });
    await expect(openHoliday(ctx.db, clerk, { officeId: office.id, date: "2027-03-29" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("two colleagues adding the same block at the same moment: one block, the other is refused", async () => {
    const results = await Promise.allSettled([
      createCapacityBlock(ctx.db, clerk, blockInput(), NOW),
      createCapacityBlock(ctx.db, clerk, blockInput(), NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "INVALID_INPUT", field: "start", reason: "overlap" });
    expect(await ctx.db.capacityBlock.count({ where: { weekday: 2 } })).toBe(1);
  });

  it("a booking racing a cut in clerks never ends up without a clerk", async () => {
    for (let round = 0; round < 6; round++) {
      await ctx.db.booking.deleteMany();
      await ctx.db.capacityBlock.update({ where: { id: mondayBlockId }, data: { clerks: 2 } });
      await book(ctx.db, MONDAY, "09:00", 100 + round);
      const cut = updateBlockSchema.parse({ blockId: mondayBlockId, weekday: 1, start: "08:00", end: "12:00", clerks: 1 });
      const [change, booking] = await Promise.allSettled([updateCapacityBlock(ctx.db, clerk, cut, NOW), book(ctx.db, MONDAY, "09:00", 200 + round)]);
      const clerks = (await ctx.db.capacityBlock.findUniqueOrThrow({ where: { id: mondayBlockId } })).clerks;
      const active = await ctx.db.booking.count({ where: { status: "CONFIRMED", startsAt: at(MONDAY, "09:00") } });
      expect(active).toBeLessThanOrEqual(clerks);
      // Either the cut went first and the booking found the time full, or the booking went first and the cut
      // came back as a conflict without being applied.
      if (booking.status === "fulfilled") expect(change).toMatchObject({ status: "fulfilled", value: { status: "conflict" } });
      else expect(booking.reason).toMatchObject({ code: "SLOT_TAKEN" });
    }
  });

  it("across the change to summer time a block keeps its wall-clock hours", async () => {
    // Sunday 28 March 2027: clocks jump from 02:00 to 03:00 in Berlin.
    applied(await createCapacityBlock(ctx.db, clerk, blockInput({ weekdays: [7], start: "08:00", end: "09:00" }), NOW));
    expect(await slotTimes(ctx.db, "2027-03-21")).toEqual(["08:00", "08:30"]);
    expect(await slotTimes(ctx.db, "2027-03-28")).toEqual(["08:00", "08:30"]);
  });
});
