import type { Db } from "@/lib/server/db/client";
import { dbProvider } from "@/lib/server/db/client";
import { retryingTransaction } from "@/lib/server/db/transaction";
import { issueWalkInTicket } from "@/lib/server/services/queue/issue-walk-in";
import { issueTicket } from "@/lib/server/services/queue/queue-day";
import { ticketWaitMinutes, walkInWaitTimes } from "@/lib/server/services/queue/wait-times";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";

// Walk-in tickets at an office open Mondays 08:00-16:00 with two clerks, on Monday 1 March 2027: passports take
// walk-ins in the morning, ID cards all day, driving licences never.
const MONDAY = "2027-03-01";
/** Drawn at a kiosk, as far as the audit log is concerned. */
const AT_KIOSK = { actorId: null, details: { device: "kiosk-test" } };
const MORNING = at(MONDAY, "09:00");

interface World {
  officeId: string;
  passport: string;
  idCard: string;
  licence: string;
}

async function buildWorld(db: Db): Promise<World> {
  const { office, services } = await createOfficeFixture(db, {
    blocks: [[1, "08:00", "16:00", 2]],
    services: [
      { slug: "reisepass", durationMinutes: 20 },
      { slug: "personalausweis", durationMinutes: 10 },
      { slug: "fuehrerschein", durationMinutes: 30 },
    ],
  });
  const [passport, idCard, licence] = services;
  await db.service.update({ where: { id: passport.id }, data: { walkInDayParts: "MORNING" } });
  await db.service.update({ where: { id: idCard.id }, data: { walkInDayParts: "MORNING,AFTERNOON" } });
  return { officeId: office.id, passport: passport.id, idCard: idCard.id, licence: licence.id };
}

/** An appointment's ticket, drawn as check-in draws it: through issueTicket in a retrying transaction. */
function checkIn(db: Db, w: World, dueAt: Date, now: Date) {
  return retryingTransaction(db, (tx) =>
    issueTicket(tx, dbProvider(db), { officeId: w.officeId, serviceId: w.idCard, date: MONDAY, kind: "APPOINTMENT", dueAt, arrivedAt: now }),
  );
}

describeEachDatabase("walk-in tickets", (ctx) => {
  let w: World;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    w = await buildWorld(db);
  });

  it("issues W tickets numbered from 1 per office and day, with the ticket's language and urgency", async () => {
    const first = await issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: w.officeId, serviceId: w.passport, locale: "tr" }, MORNING);
    const second = await issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: w.officeId, serviceId: w.idCard, urgent: true, locale: "xx" }, MORNING);
    expect([first.series, first.number, first.kind, first.status, first.locale, first.date]).toEqual(["W", 1, "WALK_IN", "WAITING", "tr", MONDAY]);
    expect([second.number, second.urgent, second.locale]).toEqual([2, true, "de"]);
    // Each ticket is audited in its own transaction, with who drew it.
    const audit = await ctx.db.auditLog.findMany({ where: { officeId: w.officeId, action: "queue.walk-in" } });
    expect(audit.map((a) => JSON.parse(a.details!)).sort((a, b) => a.ticket.localeCompare(b.ticket))).toEqual([
      { ticket: "W-001", device: "kiosk-test" },
      { ticket: "W-002", device: "kiosk-test" },
    ]);
    expect(first.arrivedAt).toEqual(MORNING);
    // The next Monday starts again at 1.
    const nextWeek = await issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: w.officeId, serviceId: w.passport }, at("2027-03-08", "09:00"));
    expect([nextWeek.date, nextWeek.number]).toEqual(["2027-03-08", 1]);
  });

  it("refuses a service outside its walk-in day parts, one without walk-ins, and unknown or foreign services", async () => {
    const issue = (serviceId: string, now: Date) => codeOf(issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: w.officeId, serviceId }, now));
    expect(await issue(w.passport, at(MONDAY, "11:59"))).toBe("OK");
    expect(await issue(w.passport, at(MONDAY, "12:00"))).toBe("WALK_IN_NOT_NOW");
    expect(await issue(w.idCard, at(MONDAY, "12:00"))).toBe("OK");
    expect(await issue(w.licence, MORNING)).toBe("WALK_IN_NOT_OFFERED");
    expect(await issue("no-such-service", MORNING)).toBe("SERVICE_NOT_FOUND");
    const other = await createOfficeFixture(ctx.db, { slug: "anderes-amt" });
    expect(await codeOf(issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: other.office.id, serviceId: w.idCard }, MORNING))).toBe("SERVICE_NOT_FOUND");
    await ctx.db.service.update({ where: { id: w.idCard }, data: { active: false } });
    expect(await issue(w.idCard, MORNING)).toBe("SERVICE_NOT_FOUND");
    await ctx.db.office.update({ where: { id: w.officeId }, data: { active: false } });
    expect(await issue(w.passport, MORNING)).toBe("OFFICE_NOT_FOUND");
    expect(await ctx.db.ticket.count()).toBe(2);
  });

  it("refuses while the office is closed by its schedule: before opening, after closing, on a closure, on a Tuesday", async () => {
    const issue = (now: Date) => codeOf(issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: w.officeId, serviceId: w.idCard }, now));
    expect(await issue(at(MONDAY, "07:59"))).toBe("OFFICE_CLOSED_NOW");
    expect(await issue(at(MONDAY, "08:00"))).toBe("OK");
    expect(await issue(at(MONDAY, "15:59"))).toBe("OK");
    expect(await issue(at(MONDAY, "16:00"))).toBe("OFFICE_CLOSED_NOW");
    expect(await issue(at("2027-03-02", "09:00"))).toBe("OFFICE_CLOSED_NOW");
    await ctx.db.closure.create({ data: { officeId: w.officeId, date: "2027-03-08", startMinute: 600, endMinute: 660, reason: "Betriebsversammlung" } });
    expect(await issue(at("2027-03-08", "10:30"))).toBe("OFFICE_CLOSED_NOW");
    expect(await issue(at("2027-03-08", "11:00"))).toBe("OK");
  });

  it("refuses once as many walk-ins wait as the limit allows; called ones and appointment tickets do not count", async () => {
    await ctx.db.office.update({ where: { id: w.officeId }, data: { walkInQueueLimit: 2 } });
    const issue = () => codeOf(issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: w.officeId, serviceId: w.idCard }, MORNING));
    await checkIn(ctx.db, w, at(MONDAY, "09:15"), MORNING);
    expect(await issue()).toBe("OK");
    expect(await issue()).toBe("OK");
    expect(await issue()).toBe("WALK_IN_QUEUE_FULL");
    await ctx.db.ticket.updateMany({ where: { kind: "WALK_IN", number: 1 }, data: { status: "CALLED", firstCalledAt: MORNING } });
    expect(await issue()).toBe("OK");
    expect(await issue()).toBe("WALK_IN_QUEUE_FULL");
    await ctx.db.office.update({ where: { id: w.officeId }, data: { walkInQueueLimit: 0 } });
    expect(await issue()).toBe("OK");
  });

  it("numbers parallel walk-ins and check-ins uniquely and without gaps per series, and never overfills the limit", async () => {
    await ctx.db.office.update({ where: { id: w.officeId }, data: { walkInQueueLimit: 25 } });
    const walkIns = Array.from({ length: 40 }, (_, i) =>
      codeOf(issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: w.officeId, serviceId: i % 2 ? w.passport : w.idCard }, MORNING)),
    );
    const checkIns = Array.from({ length: 20 }, (_, i) => checkIn(ctx.db, w, at(MONDAY, i % 2 ? "09:30" : "10:00"), MORNING));
    const codes = await Promise.all(walkIns);
    await Promise.all(checkIns);

    expect(codes.filter((c) => c === "OK")).toHaveLength(25);
    expect(codes.filter((c) => c !== "OK").every((c) => c === "WALK_IN_QUEUE_FULL")).toBe(true);
    const tickets = await ctx.db.ticket.findMany({ where: { officeId: w.officeId, date: MONDAY }, select: { series: true, number: true } });
    const numbers = (series: string) => tickets.filter((t) => t.series === series).map((t) => t.number).sort((a, b) => a - b);
    expect(numbers("W")).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(numbers("T")).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const day = await ctx.db.queueDay.findUniqueOrThrow({ where: { officeId_date: { officeId: w.officeId, date: MONDAY } } });
    expect([day.walkInNumbers, day.appointmentNumbers]).toEqual([25, 20]);
  });

  it("keeps each office's and day's numbers apart under parallel issue", async () => {
    const other = await createOfficeFixture(ctx.db, { slug: "zweites-amt", blocks: [[1, "08:00", "16:00", 1]] });
    await ctx.db.service.update({ where: { id: other.service.id }, data: { walkInDayParts: "MORNING" } });
    const runs = [
      ...Array.from({ length: 15 }, () => issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: w.officeId, serviceId: w.idCard }, MORNING)),
      ...Array.from({ length: 15 }, () => issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: other.office.id, serviceId: other.service.id }, MORNING)),
    ];
    const tickets = await Promise.all(runs);
    for (const officeId of [w.officeId, other.office.id]) {
      const numbers = tickets.filter((t) => t.officeId === officeId).map((t) => t.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    }
  });
});

describeEachDatabase("walk-in waiting times", (ctx) => {
  let w: World;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    w = await buildWorld(db);
  });

  const walkIn = (serviceId: string, now = MORNING) => issueWalkInTicket(ctx.db, { audit: AT_KIOSK, officeId: w.officeId, serviceId }, now);

  it("lists the services that take walk-ins with whether they do now, and the wait at their booked duration", async () => {
    for (let i = 0; i < 4; i++) await walkIn(w.passport); // 4 x 20 minutes, two clerks
    const times = await walkInWaitTimes(ctx.db, w.officeId, MORNING);
    expect(times).toEqual([
      { serviceId: w.passport, dayParts: ["MORNING"], open: true, full: false, minutes: 40 },
      { serviceId: w.idCard, dayParts: ["MORNING", "AFTERNOON"], open: true, full: false, minutes: 40 },
    ]);
    const afternoon = await walkInWaitTimes(ctx.db, w.officeId, at(MONDAY, "13:00"));
    expect(afternoon.map((t) => [t.open, t.minutes])).toEqual([
      [false, null],
      [true, 40],
    ]);
    const closed = await walkInWaitTimes(ctx.db, w.officeId, at(MONDAY, "17:00"));
    expect(closed.map((t) => [t.open, t.full, t.minutes])).toEqual([
      [false, false, null],
      [false, false, null],
    ]);
  });

  it("uses the measured serving time once enough tickets of the service are finished", async () => {
    const served = [];
    for (let i = 0; i < 3; i++) served.push(await walkIn(w.passport, at(MONDAY, "08:00")));
    for (const t of served) {
      await ctx.db.ticket.update({
        where: { id: t.id },
        data: { status: "SERVED", firstCalledAt: at(MONDAY, "08:10"), finishedAt: at(MONDAY, "08:15") },
      });
    }
    for (let i = 0; i < 4; i++) await walkIn(w.passport); // 4 x 5 measured minutes, two clerks
    const [passport] = await walkInWaitTimes(ctx.db, w.officeId, MORNING);
    expect(passport.minutes).toBe(10);
  });

  it("says 'full' once the walk-in queue is at its limit", async () => {
    await ctx.db.office.update({ where: { id: w.officeId }, data: { walkInQueueLimit: 3 } });
    for (let i = 0; i < 3; i++) await walkIn(w.idCard);
    const times = await walkInWaitTimes(ctx.db, w.officeId, MORNING);
    expect(times.map((t) => [t.open, t.full, t.minutes])).toEqual([
      [true, true, null],
      [true, true, null],
    ]);
  });

  it("counts appointments due in the meantime, and gives a waiting ticket its own expected wait", async () => {
    const first = await walkIn(w.idCard);
    const second = await walkIn(w.idCard);
    const third = await walkIn(w.idCard);
    // Two clerks, 10 minutes a ticket: the third waits while the two before it are served.
    expect(await ticketWaitMinutes(ctx.db, first.id, MORNING)).toBe(0);
    expect(await ticketWaitMinutes(ctx.db, third.id, MORNING)).toBe(10);
    // An appointment checked in early waits for its time.
    const appointment = await checkIn(ctx.db, w, at(MONDAY, "09:40"), MORNING);
    expect(await ticketWaitMinutes(ctx.db, appointment.id, MORNING)).toBe(40);
    // Once it is due it goes ahead of the walk-ins.
    expect(await ticketWaitMinutes(ctx.db, third.id, at(MONDAY, "09:40"))).toBe(15);
    // Called, a ticket waits no more; a ticket of another day neither.
    await ctx.db.ticket.update({ where: { id: second.id }, data: { status: "CALLED", firstCalledAt: MORNING } });
    expect(await ticketWaitMinutes(ctx.db, second.id, MORNING)).toBeNull();
    expect(await ticketWaitMinutes(ctx.db, third.id, at("2027-03-08", "09:00"))).toBeNull();
    expect(await ticketWaitMinutes(ctx.db, "no-such-ticket", MORNING)).toBeNull();
  });
});
