// The demo day: the office's day at the time the seed runs, as it would look at that moment of a working day, so
// that the agenda, the counter screen, the kiosk and the call-up display show a working office at once. Appointments
// that are over were served (a few no-shows), the ones under way are called to a counter, the next ones have checked
// in and wait, later ones are still to come; walk-in tickets were served, are called or wait. Deterministic like the
// rest of the seed. Ticket numbers follow the order of check-in and issue, and the queue's lock row carries the
// counters they were drawn from, so the next ticket continues the series.
import { addDays, localDateOf, localMinuteOf, publicHolidayOn, weekdayOf, zonedInstant, type LocalDate } from "../lib/domain";
import { dayPartAt, parseDayParts } from "../lib/domain/waitlist";
import { TICKET_SERIES } from "../lib/domain/ticket";
import type { Db } from "../lib/server/db/client";

const MINUTE = 60_000;

/** [weekday, start minute, end minute, clerks] */
type CapacityRow = [number, number, number, number];

/** The slugs of the services a counter is limited to (none: it takes every service). */
export const DEMO_COUNTERS: Array<{ name: string; serviceSlugs: string[] }> = [
  { name: "Platz 1", serviceSlugs: [] },
  { name: "Platz 2", serviceSlugs: [] },
  { name: "Platz 3", serviceSlugs: ["aufenthaltserlaubnis-abholen", "beratungsgespraech"] },
];

/** The demo devices, unpaired: the development pairing page pairs a browser as one of them. */
export const DEMO_DEVICES = [
  { kind: "KIOSK" as const, name: "Demo-Kiosk" },
  { kind: "DISPLAY" as const, name: "Demo-Anzeige" },
];

/** The first day from `today` on that the weekly plan opens and that is no public holiday. */
export function demoDayOf(today: LocalDate, capacity: readonly CapacityRow[], holidayRegion: string): LocalDate {
  for (let day = 0; day < 14; day++) {
    const date = addDays(today, day);
    if (capacity.some(([weekday]) => weekday === weekdayOf(date)) && !publicHolidayOn(holidayRegion, date)) return date;
  }
  throw new Error("The demo office is closed for two weeks.");
}

/**
 * The moment of the demo day the seed's states are drawn for: `now` itself while the office is open (at least 90
 * minutes after a block's start and 45 before its end, so some visits are over and some to come), else the nearest
 * such moment of the day's open blocks. On a later demo day (today closed) that is mid-morning.
 */
export function demoClock(date: LocalDate, capacity: readonly CapacityRow[], timeZone: string, now: Date): Date {
  const blocks = capacity
    .filter(([weekday]) => weekday === weekdayOf(date))
    .map(([, start, end]) => [zonedInstant(date, start + 90, timeZone), zonedInstant(date, end - 45, timeZone)] as const)
    .sort((a, b) => a[0] - b[0]);
  const t = now.getTime();
  // The last block that has begun its demo range by now, or the first one.
  const block = [...blocks].reverse().find(([from]) => from <= t) ?? blocks[0];
  return new Date(Math.min(Math.max(t, block[0]), block[1]));
}

interface TodayInput {
  office: { id: string; timeZone: string; holidayRegion: string; checkInEarlyMinutes: number };
  services: Array<{ id: string; slug: string; walkInDayParts: string }>;
  date: LocalDate;
  /** The demo clock of the day (demoClock). */
  at: Date;
  clerkId: string;
  random: () => number;
}

interface TicketRow {
  serviceId: string;
  kind: "APPOINTMENT" | "WALK_IN";
  bookingId: string | null;
  locale: string;
  status: "WAITING" | "CALLED" | "SERVED" | "NO_SHOW";
  dueAt: Date | null;
  arrivedAt: Date;
  firstCalledAt: Date | null;
  finishedAt: Date | null;
  counterId: string | null;
}

/**
 * Writes the demo day's states onto its bookings (already seeded as confirmed), their tickets, walk-in tickets,
 * the counters and the demo devices. Returns the tickets written.
 */
export async function seedToday(db: Db, { office, services, date, at, clerkId, random }: TodayInput): Promise<number> {
  const tz = office.timeZone;
  const minutes = (n: number) => n * MINUTE;
  const before = (d: Date, n: number) => new Date(d.getTime() - minutes(n));
  const after = (d: Date, n: number) => new Date(d.getTime() + minutes(n));
  const earliest = (...dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
  const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const slugOf = new Map(services.map((s) => [s.id, s.slug]));
  const counters: Array<{ id: string; serves: (serviceId: string) => boolean }> = [];
  for (const [i, c] of DEMO_COUNTERS.entries()) {
    counters.push({
      id: (await db.counter.create({
        data: {
          officeId: office.id,
          name: c.name,
          sortOrder: i,
          services: { connect: services.filter((s) => c.serviceSlugs.includes(s.slug)).map((s) => ({ id: s.id })) },
        },
      })).id,
      serves: (serviceId: string) => c.serviceSlugs.length === 0 || c.serviceSlugs.includes(slugOf.get(serviceId) ?? ""),
    });
  }
  for (const device of DEMO_DEVICES) await db.device.create({ data: { officeId: office.id, ...device } });

  const dayStart = new Date(zonedInstant(date, 0, tz));
  const bookings = await db.booking.findMany({
    where: { officeId: office.id, startsAt: { gte: dayStart, lt: new Date(zonedInstant(addDays(date, 1), 0, tz)) }, status: "CONFIRMED" },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, serviceId: true, startsAt: true, endsAt: true, locale: true },
  });

  const tickets: TicketRow[] = [];
  const updates: Array<{ id: string; data: Record<string, unknown> }> = [];
  const busy = new Set<string>();
  let rotation = 0;
  /** A counter for the service: the next in turn, or for a call under way one not busy with another. */
  const counterFor = (serviceId: string, call = false) => {
    const fitting = counters.filter((c) => c.serves(serviceId) && !(call && busy.has(c.id)));
    if (fitting.length === 0) return null;
    const counter = fitting[rotation++ % fitting.length];
    if (call) busy.add(counter.id);
    return counter.id;
  };
  const appointment = (b: (typeof bookings)[number], t: Partial<TicketRow> & Pick<TicketRow, "status" | "arrivedAt">): TicketRow => ({
    serviceId: b.serviceId,
    kind: "APPOINTMENT",
    bookingId: b.id,
    locale: b.locale,
    dueAt: b.startsAt,
    firstCalledAt: null,
    finishedAt: null,
    counterId: null,
    ...t,
  });

  const past = bookings.filter((b) => b.endsAt <= at);
  const underWay = bookings.filter((b) => b.startsAt <= at && b.endsAt > at);
  const coming = bookings.filter((b) => b.startsAt > at);
  // Of the coming appointments, those within the next quarter hour have mostly checked in; one at least stays
  // unchecked for the kiosk, and one at least is still to come later.
  const soon = coming.filter((b) => b.startsAt.getTime() <= at.getTime() + minutes(15));
  const checkedIn = soon.filter((_, i) => i % 3 !== 2).slice(0, Math.max(0, coming.length - 2));
  if (checkedIn.length === 0 && coming.length > 2) checkedIn.push(coming[0]);

  for (const [i, b] of past.entries()) {
    // Two in seven did not come; the first of them checked in and was not there when called.
    if (i % 7 === 2 || i % 7 === 5) {
      updates.push({ id: b.id, data: { status: "NO_SHOW" } });
      if (i === 2) {
        const arrivedAt = before(b.startsAt, between(3, 12));
        const calledAt = after(b.startsAt, between(0, 4));
        tickets.push(appointment(b, { status: "NO_SHOW", arrivedAt, firstCalledAt: calledAt, finishedAt: after(calledAt, 3), counterId: counterFor(b.serviceId) }));
      }
      continue;
    }
    const arrivedAt = before(b.startsAt, between(2, 20));
    const calledAt = latest(after(arrivedAt, 1), after(b.startsAt, between(-3, 8)));
    const servedAt = earliest(after(calledAt, Math.max(4, Math.round(((b.endsAt.getTime() - b.startsAt.getTime()) / MINUTE) * (0.6 + random() * 0.4)))), before(at, 1));
    updates.push({ id: b.id, data: { status: "SERVED", arrivedAt, servedAt } });
    tickets.push(appointment(b, { status: "SERVED", arrivedAt, firstCalledAt: calledAt, finishedAt: servedAt, counterId: counterFor(b.serviceId) }));
  }
  for (const b of underWay) {
    const arrivedAt = before(b.startsAt, between(2, 15));
    const counterId = counterFor(b.serviceId, true);
    const calledAt = counterId ? earliest(after(b.startsAt, between(0, 3)), before(at, 1)) : null;
    updates.push({ id: b.id, data: { status: "ARRIVED", arrivedAt } });
    tickets.push(appointment(b, { status: counterId ? "CALLED" : "WAITING", arrivedAt, firstCalledAt: calledAt, counterId }));
  }
  for (const b of checkedIn) {
    // Within the check-in window, and before the demo clock.
    const arrivedAt = latest(before(b.startsAt, office.checkInEarlyMinutes), before(at, between(1, 12)));
    updates.push({ id: b.id, data: { status: "ARRIVED", arrivedAt } });
    tickets.push(appointment(b, { status: "WAITING", arrivedAt }));
  }
  // With no appointment under way at a counter, the one checked in first is called now.
  if (!tickets.some((t) => t.kind === "APPOINTMENT" && t.status === "CALLED")) {
    const next = tickets.find((t) => t.kind === "APPOINTMENT" && t.status === "WAITING");
    const counterId = next && counterFor(next.serviceId, true);
    if (next && counterId) Object.assign(next, { status: "CALLED", firstCalledAt: before(at, 1), counterId });
  }

  // Walk-ins, for the services that take them at this part of the day: three served, then one called to a free
  // counter, two waiting (one in Ukrainian, for the spoken call).
  const walkInServices = services.filter((s) => parseDayParts(s.walkInDayParts).includes(dayPartAt(at, tz)));
  if (walkInServices.length > 0) {
    const opened = new Date(zonedInstant(date, Math.max(0, localMinuteOf(at, tz) - 90), tz));
    const walkIn = (i: number, arrivedAt: Date, t: Partial<TicketRow> & Pick<TicketRow, "status">): TicketRow => ({
      serviceId: walkInServices[i % walkInServices.length].id,
      kind: "WALK_IN",
      bookingId: null,
      locale: "de",
      dueAt: null,
      firstCalledAt: null,
      finishedAt: null,
      counterId: null,
      arrivedAt,
      ...t,
    });
    for (const [i, minutesAgo] of [80, 60, 40].entries()) {
      const arrivedAt = latest(opened, before(at, minutesAgo));
      const calledAt = after(arrivedAt, between(6, 18));
      const s = walkIn(i, arrivedAt, { status: "SERVED", firstCalledAt: calledAt, finishedAt: earliest(after(calledAt, between(4, 9)), before(at, 1)) });
      tickets.push({ ...s, counterId: counterFor(s.serviceId) });
    }
    const called = walkIn(3, before(at, 14), { status: "WAITING" });
    const free = counterFor(called.serviceId, true);
    if (free) Object.assign(called, { status: "CALLED", firstCalledAt: before(at, 2), counterId: free });
    tickets.push(called, walkIn(4, before(at, 9), { status: "WAITING", locale: "uk" }), walkIn(5, before(at, 4), { status: "WAITING" }));
  }

  // Numbers in the order of check-in and issue, per series.
  tickets.sort((a, b) => a.arrivedAt.getTime() - b.arrivedAt.getTime());
  const drawn = { APPOINTMENT: 0, WALK_IN: 0 };
  const rows = tickets.map((t) => {
    const called = t.firstCalledAt !== null;
    return {
      officeId: office.id,
      date,
      kind: t.kind,
      series: TICKET_SERIES[t.kind],
      number: ++drawn[t.kind],
      bookingId: t.bookingId,
      locale: t.locale,
      status: t.status,
      dueAt: t.dueAt,
      arrivedAt: t.arrivedAt,
      calledAt: t.firstCalledAt,
      firstCalledAt: t.firstCalledAt,
      callCount: called ? 1 : 0,
      counterId: t.counterId,
      calledById: called ? clerkId : null,
      finishedAt: t.finishedAt,
      serviceId: t.serviceId,
    };
  });
  await db.$transaction(async (tx) => {
    for (const u of updates) await tx.booking.update({ where: { id: u.id }, data: u.data });
    await tx.ticket.createMany({ data: rows });
    await tx.queueDay.create({
      data: {
        officeId: office.id,
        date,
        // One step per issue, call and end, as the queue's writes would have bumped it.
        version: rows.reduce((n, r) => n + 1 + r.callCount + (r.finishedAt ? 1 : 0), 0),
        appointmentNumbers: drawn.APPOINTMENT,
        walkInNumbers: drawn.WALK_IN,
      },
    });
  });
  return rows.length;
}

/** The demo day's local date and clock for an office, from the moment the seed runs. */
export function demoMoment(capacity: readonly CapacityRow[], office: { timeZone: string; holidayRegion: string }, now: Date) {
  const date = demoDayOf(localDateOf(now, office.timeZone), capacity, office.holidayRegion);
  return { date, at: demoClock(date, capacity, office.timeZone, now) };
}
