import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { createCounter } from "@/lib/server/services/counters/create-counter";
import { listCounters } from "@/lib/server/services/counters/list-counters";
import { setCounterActive } from "@/lib/server/services/counters/set-counter-active";
import { updateCounter } from "@/lib/server/services/counters/update-counter";
import { callNext } from "@/lib/server/services/queue/call-next";
import { finishTicket } from "@/lib/server/services/queue/finish-ticket";
import { forwardTicket } from "@/lib/server/services/queue/forward-ticket";
import { listQueue } from "@/lib/server/services/queue/list-queue";
import { parkTicket } from "@/lib/server/services/queue/park-ticket";
import { recallTicket } from "@/lib/server/services/queue/recall-ticket";
import { takeBackTicket } from "@/lib/server/services/queue/take-back-ticket";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { bookOnline } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { counterOf, ticketOf } from "../helpers/integration/queue";
import { staff } from "../helpers/integration/staff";

// The counter screen's use cases on both databases: Monday 1 March 2027 in Berlin, an office with two services and
// counters, a clerk of the office and one of another office.

const DAY = "2027-03-01";
const NOW = at(DAY, "09:00");

interface World {
  officeId: string;
  beratung: string;
  ausweis: string;
  platz1: string;
  platz2: string;
  clerk: Actor;
  head: Actor;
  strangerClerk: Actor;
  strangerHead: Actor;
}

async function buildWorld(db: Db): Promise<World> {
  const { office, services } = await createOfficeFixture(db, {
    services: [
      { slug: "beratung", durationMinutes: 30 },
      { slug: "ausweis", durationMinutes: 15 },
    ],
  });
  const other = await createOfficeFixture(db, { slug: "anderes-amt" });
  const [beratung, ausweis] = services.map((s) => s.id);
  return {
    officeId: office.id,
    beratung,
    ausweis,
    platz1: (await counterOf(db, office.id, "Platz 1")).id,
    platz2: (await counterOf(db, office.id, "Platz 2", [ausweis])).id,
    clerk: await staff(db, "CLERK", [office.id]),
    head: await staff(db, "OFFICE_ADMIN", [office.id]),
    strangerClerk: await staff(db, "CLERK", [other.office.id]),
    strangerHead: await staff(db, "OFFICE_ADMIN", [other.office.id]),
  };
}

describeEachDatabase("the counter screen", (ctx) => {
  let w: World;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    w = await buildWorld(db);
  });
  const walkIn = (serviceId: string, arrived: string, extra: { urgent?: boolean } = {}) =>
    ticketOf(ctx.db, { officeId: w.officeId, serviceId, date: DAY, arrivedAt: at(DAY, arrived), ...extra });
  const ticket = (id: string) => ctx.db.ticket.findUniqueOrThrow({ where: { id } });

  it("calls by the rule, writes who and where, and answers null when nobody waits for the counter", async () => {
    const a = await walkIn(w.beratung, "08:40");
    const b = await walkIn(w.ausweis, "08:50", { urgent: true });
    // Platz 2 serves only Ausweis: the urgent walk-in.
    expect(await callNext(ctx.db, w.clerk, { counterId: w.platz2 }, NOW)).toEqual({ id: b.id, label: "W-002", reason: "walk-in" });
    expect(await ticket(b.id)).toMatchObject({ status: "CALLED", counterId: w.platz2, calledById: w.clerk.id, callCount: 1, calledAt: NOW, firstCalledAt: NOW });
    await finishTicket(ctx.db, w.clerk, { counterId: w.platz2, ticketId: b.id, outcome: "SERVED" }, NOW);
    // Nothing left for Platz 2 (Beratung is not its service); Platz 1 takes it.
    expect(await callNext(ctx.db, w.clerk, { counterId: w.platz2 }, NOW)).toBeNull();
    expect((await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW))?.id).toBe(a.id);
    const audit = await ctx.db.auditLog.findMany({ where: { officeId: w.officeId }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["queue.call", "queue.serve", "queue.call"]);
    expect(JSON.parse(audit[0].details!)).toEqual({ ticket: "W-002", counter: "Platz 2", reason: "walk-in" });
    // Every write took the queue's lock: the displays' polling sees a new version.
    const day = await ctx.db.queueDay.findUniqueOrThrow({ where: { officeId_date: { officeId: w.officeId, date: DAY } } });
    expect(day.version).toBeGreaterThanOrEqual(2 + 3);
  });

  it("a counter works one ticket at a time, and an inactive counter calls nobody", async () => {
    await walkIn(w.beratung, "08:40");
    await walkIn(w.beratung, "08:41");
    await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW);
    expect(await codeOf(callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW))).toBe("COUNTER_BUSY");
    await setCounterActive(ctx.db, w.head, { counterId: w.platz2, active: false });
    expect(await codeOf(callNext(ctx.db, w.clerk, { counterId: w.platz2 }, NOW))).toBe("COUNTER_INACTIVE");
  });

  it("recall: callCount and calledAt move on, only at the counter that called", async () => {
    const a = await walkIn(w.ausweis, "08:40");
    await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW);
    const later = at(DAY, "09:02");
    expect(await recallTicket(ctx.db, w.clerk, { counterId: w.platz1, ticketId: a.id }, later)).toEqual({ id: a.id, label: "W-001", callCount: 2 });
    expect(await ticket(a.id)).toMatchObject({ status: "CALLED", calledAt: later, firstCalledAt: NOW, callCount: 2 });
    expect(await codeOf(recallTicket(ctx.db, w.clerk, { counterId: w.platz2, ticketId: a.id }, later))).toBe("STATUS_CHANGED");
  });

  it("finishing an appointment's ticket settles its booking: served with the time, or no-show", async () => {
    const booked = async (start: string, n: number) => {
      const b = await bookOnline(ctx.db, { start: at(DAY, start), now: at("2027-02-20", "10:00") }, n);
      await ctx.db.booking.update({ where: { id: b.id }, data: { status: "ARRIVED", arrivedAt: at(DAY, "08:50") } });
      const t = await ticketOf(ctx.db, { officeId: w.officeId, serviceId: w.beratung, date: DAY, kind: "APPOINTMENT", bookingId: b.id, dueAt: at(DAY, start), arrivedAt: at(DAY, "08:50") });
      return { booking: b, ticket: t };
    };
    const first = await booked("08:30", 1);
    const second = await booked("09:00", 2);
    expect(first.ticket.series).toBe("T");
    expect((await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW))?.id).toBe(first.ticket.id);
    const servedAt = at(DAY, "09:20");
    await finishTicket(ctx.db, w.clerk, { counterId: w.platz1, ticketId: first.ticket.id, outcome: "SERVED" }, servedAt);
    expect(await ticket(first.ticket.id)).toMatchObject({ status: "SERVED", finishedAt: servedAt });
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: first.booking.id } })).toMatchObject({ status: "SERVED", servedAt });

    expect((await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, servedAt))?.id).toBe(second.ticket.id);
    await finishTicket(ctx.db, w.clerk, { counterId: w.platz1, ticketId: second.ticket.id, outcome: "NO_SHOW" }, servedAt);
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: second.booking.id } })).toMatchObject({ status: "NO_SHOW", servedAt: null });
    const audit = await ctx.db.auditLog.findMany({ where: { action: { in: ["queue.serve", "queue.no-show"] } }, orderBy: { at: "asc" } });
    expect(audit.map((e) => [e.action, e.bookingId])).toEqual([
      ["queue.serve", first.booking.id],
      ["queue.no-show", second.booking.id],
    ]);
    // A finished ticket cannot be finished again.
    expect(await codeOf(finishTicket(ctx.db, w.clerk, { counterId: w.platz1, ticketId: second.ticket.id, outcome: "SERVED" }, servedAt))).toBe("STATUS_CHANGED");
  });

  it("park and take back: the counter is free meanwhile, and the ticket returns to the counter that parked it", async () => {
    const a = await walkIn(w.ausweis, "08:40");
    const b = await walkIn(w.ausweis, "08:45");
    await callNext(ctx.db, w.clerk, { counterId: w.platz2 }, NOW);
    await parkTicket(ctx.db, w.clerk, { counterId: w.platz2, ticketId: a.id });
    expect(await ticket(a.id)).toMatchObject({ status: "PARKED" });
    // Parked tickets are not called; the counter is free for the next one.
    expect((await callNext(ctx.db, w.clerk, { counterId: w.platz2 }, NOW))?.id).toBe(b.id);
    await finishTicket(ctx.db, w.clerk, { counterId: w.platz2, ticketId: b.id, outcome: "SERVED" }, NOW);
    expect(await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW)).toBeNull();
    // A waiting ticket cannot be parked, a parked one not parked twice.
    expect(await codeOf(parkTicket(ctx.db, w.clerk, { counterId: w.platz2, ticketId: a.id }))).toBe("STATUS_CHANGED");

    await takeBackTicket(ctx.db, w.clerk, { ticketId: a.id });
    expect(await ticket(a.id)).toMatchObject({ status: "WAITING", forwardedToCounterId: w.platz2 });
    expect(await codeOf(takeBackTicket(ctx.db, w.clerk, { ticketId: a.id }))).toBe("STATUS_CHANGED");
    expect(await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW)).toBeNull();
    expect((await callNext(ctx.db, w.clerk, { counterId: w.platz2 }, NOW))?.id).toBe(a.id);
    expect((await ticket(a.id)).callCount).toBe(2);
  });

  it("forward to another service and to a counter; refused where the target cannot serve it", async () => {
    const a = await walkIn(w.ausweis, "08:40");
    await callNext(ctx.db, w.clerk, { counterId: w.platz2 }, NOW);
    // Platz 2 serves Ausweis only: it cannot take Beratung.
    expect(await codeOf(forwardTicket(ctx.db, w.clerk, { counterId: w.platz2, ticketId: a.id, serviceId: w.beratung, targetCounterId: w.platz2 }))).toBe("NOT_SERVED_HERE");
    expect(await codeOf(forwardTicket(ctx.db, w.clerk, { counterId: w.platz2, ticketId: a.id }))).toBe("INVALID_INPUT");
    await forwardTicket(ctx.db, w.clerk, { counterId: w.platz2, ticketId: a.id, serviceId: w.beratung });
    expect(await ticket(a.id)).toMatchObject({ status: "WAITING", serviceId: w.beratung, forwardedToCounterId: null, counterId: null });
    expect(await callNext(ctx.db, w.clerk, { counterId: w.platz2 }, NOW)).toBeNull();
    expect((await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW))?.id).toBe(a.id);

    // To a counter only: no other counter may call it.
    const platz3 = (await counterOf(ctx.db, w.officeId, "Platz 3")).id;
    await forwardTicket(ctx.db, w.clerk, { counterId: w.platz1, ticketId: a.id, targetCounterId: platz3 });
    expect(await ticket(a.id)).toMatchObject({ status: "WAITING", forwardedToCounterId: platz3 });
    expect(await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW)).toBeNull();
    expect((await callNext(ctx.db, w.clerk, { counterId: platz3 }, NOW))?.id).toBe(a.id);
    const forwards = await ctx.db.auditLog.findMany({ where: { action: "queue.forward" }, orderBy: { at: "asc" } });
    expect(forwards.map((e) => JSON.parse(e.details!))).toEqual([
      { ticket: "W-001", counter: "Platz 2", fromService: w.ausweis, toService: w.beratung },
      { ticket: "W-001", counter: "Platz 1", toCounter: "Platz 3" },
    ]);
  });

  it("refuses a clerk of another office everywhere, and a ticket of another office at this counter", async () => {
    const a = await walkIn(w.ausweis, "08:40");
    const s = w.strangerClerk;
    expect(await codeOf(callNext(ctx.db, s, { counterId: w.platz1 }, NOW))).toBe("FORBIDDEN");
    expect(await codeOf(listQueue(ctx.db, s, { officeSlug: "testamt" }, NOW))).toBe("FORBIDDEN");
    await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW);
    for (const attempt of [
      recallTicket(ctx.db, s, { counterId: w.platz1, ticketId: a.id }, NOW),
      finishTicket(ctx.db, s, { counterId: w.platz1, ticketId: a.id, outcome: "SERVED" }, NOW),
      parkTicket(ctx.db, s, { counterId: w.platz1, ticketId: a.id }),
      forwardTicket(ctx.db, s, { counterId: w.platz1, ticketId: a.id, serviceId: w.beratung }),
      takeBackTicket(ctx.db, s, { ticketId: a.id }),
    ]) {
      expect(await codeOf(attempt)).toBe("FORBIDDEN");
    }
    expect(await ticket(a.id)).toMatchObject({ status: "CALLED", callCount: 1 });
    // The stranger's own counter with this office's ticket: not found, nothing changes.
    const other = await ctx.db.office.findUniqueOrThrow({ where: { slug: "anderes-amt" } });
    const theirs = await counterOf(ctx.db, other.id, "Platz 1");
    expect(await codeOf(finishTicket(ctx.db, s, { counterId: theirs.id, ticketId: a.id, outcome: "SERVED" }, NOW))).toBe("FORBIDDEN");
    const strangerAdmin = await staff(ctx.db, "ADMIN", []);
    expect(await codeOf(finishTicket(ctx.db, strangerAdmin, { counterId: theirs.id, ticketId: a.id, outcome: "SERVED" }, NOW))).toBe("TICKET_NOT_FOUND");
    expect(await codeOf(callNext(ctx.db, w.clerk, { counterId: "nicht-da" }, NOW))).toBe("COUNTER_NOT_FOUND");
    expect(await ticket(a.id)).toMatchObject({ status: "CALLED" });
  });

  it("lists the day for a counter: current ticket with its appointment, the waiting line in the rule's order, parked", async () => {
    const b = await bookOnline(ctx.db, { start: at(DAY, "09:30"), now: at("2027-02-20", "10:00") }, 1);
    const t = await ticketOf(ctx.db, { officeId: w.officeId, serviceId: w.beratung, date: DAY, kind: "APPOINTMENT", bookingId: b.id, dueAt: at(DAY, "09:30"), arrivedAt: at(DAY, "08:55") });
    const w1 = await walkIn(w.ausweis, "08:40");
    const w2 = await walkIn(w.beratung, "08:45");
    const w3 = await walkIn(w.ausweis, "08:46");
    // Yesterday's ticket is not today's queue.
    await ticketOf(ctx.db, { officeId: w.officeId, serviceId: w.ausweis, date: "2027-02-26", arrivedAt: at("2027-02-26", "10:00") });
    await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, NOW); // w1
    const view = await listQueue(ctx.db, w.clerk, { officeSlug: "testamt", counterId: w.platz1 }, NOW);
    expect(view.counter?.name).toBe("Platz 1");
    expect(view.counters.map((c) => c.name)).toEqual(["Platz 1", "Platz 2"]);
    expect(view.current).toMatchObject({ id: w1.id, label: "W-001", booking: null });
    // From 09:00 at Platz 1: W-002 (30 min, ends 09:30 = T's time) fits, then T-001 at 09:30, then W-003.
    expect(view.waiting.map((r) => [r.label, r.forThisCounter])).toEqual([
      ["W-002", true],
      ["T-001", true],
      ["W-003", true],
    ]);
    expect(view.waiting.map((r) => r.id)).toEqual([w2.id, t.id, w3.id]);
    const atPlatz2 = await listQueue(ctx.db, w.clerk, { officeSlug: "testamt", counterId: w.platz2 }, NOW);
    expect(atPlatz2.current).toBeNull();
    expect(atPlatz2.calledElsewhere.map((r) => [r.label, r.counterName])).toEqual([["W-001", "Platz 1"]]);
    expect(atPlatz2.waiting.map((r) => [r.label, r.forThisCounter])).toEqual([
      ["W-003", true],
      ["W-002", false],
      ["T-001", false],
    ]);
    // The appointment, once called, shows its booking as the agenda would.
    await finishTicket(ctx.db, w.clerk, { counterId: w.platz1, ticketId: w1.id, outcome: "SERVED" }, NOW);
    await ctx.db.ticket.update({ where: { id: w2.id }, data: { status: "CANCELLED" } });
    // At 09:30 the appointment is due, before W-003.
    await callNext(ctx.db, w.clerk, { counterId: w.platz1 }, at(DAY, "09:30"));
    const withAppointment = await listQueue(ctx.db, w.clerk, { officeSlug: "testamt", counterId: w.platz1 }, NOW);
    expect(withAppointment.current).toMatchObject({ label: "T-001", booking: { id: b.id, referenceCode: b.referenceCode } });
    expect(withAppointment.finished).toEqual({ served: 1, noShow: 0 });
    // No counter chosen (or another office's id): the list, but nothing is "for this counter".
    const none = await listQueue(ctx.db, w.clerk, { officeSlug: "testamt", counterId: "unbekannt" }, NOW);
    expect(none.counter).toBeNull();
    expect(none.waiting.every((r) => !r.forThisCounter)).toBe(true);
  });

  it("counters admin: add, rename, choose services, deactivate; the office's heads only", async () => {
    const created = await createCounter(ctx.db, w.head, { officeId: w.officeId, name: "Platz 3", serviceIds: [w.beratung] });
    expect(await codeOf(createCounter(ctx.db, w.head, { officeId: w.officeId, name: "Platz 3", serviceIds: [] }))).toBe("INVALID_INPUT");
    await updateCounter(ctx.db, w.head, { counterId: created.id, name: "Platz 3a", serviceIds: [w.beratung, w.ausweis] });
    let list = await listCounters(ctx.db, w.head, "testamt");
    expect(list.counters.find((c) => c.id === created.id)).toMatchObject({ name: "Platz 3a", active: true, serviceIds: [w.beratung, w.ausweis] });
    await updateCounter(ctx.db, w.head, { counterId: created.id, name: "Platz 3a", serviceIds: [] });
    await setCounterActive(ctx.db, w.head, { counterId: created.id, active: false });
    list = await listCounters(ctx.db, w.head, "testamt");
    expect(list.counters.map((c) => [c.name, c.active, c.serviceIds.length])).toEqual([
      ["Platz 1", true, 0],
      ["Platz 2", true, 1],
      ["Platz 3a", false, 0],
    ]);
    // Another office's service cannot be given; clerks and other offices' heads are refused.
    const foreign = await ctx.db.service.findFirstOrThrow({ where: { office: { slug: "anderes-amt" } } });
    expect(await codeOf(updateCounter(ctx.db, w.head, { counterId: created.id, name: "Platz 3a", serviceIds: [foreign.id] }))).toBe("INVALID_INPUT");
    expect(await codeOf(createCounter(ctx.db, w.clerk, { officeId: w.officeId, name: "Platz 9", serviceIds: [] }))).toBe("FORBIDDEN");
    expect(await codeOf(updateCounter(ctx.db, w.strangerHead, { counterId: created.id, name: "X", serviceIds: [] }))).toBe("FORBIDDEN");
    expect(await codeOf(setCounterActive(ctx.db, w.strangerHead, { counterId: created.id, active: true }))).toBe("FORBIDDEN");
    expect(await codeOf(listCounters(ctx.db, w.clerk, "testamt"))).toBe("FORBIDDEN");
    const actions = (await ctx.db.auditLog.findMany({ where: { officeId: w.officeId }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["counter.create", "counter.update", "counter.update", "counter.deactivate"]);
  });
});
