import "server-only";
import { addDays, localDateOf, zonedInstant } from "@/lib/domain";
import {
  type QueueWaitInput,
  expectedWaitMinutes,
  measuredServingMinutes,
  queueServers,
  roundedWaitMinutes,
  walkInDayParts,
  walkInRefusal,
} from "@/lib/domain/queue-wait";
import type { DayPart } from "@/lib/domain/waitlist";
import type { Db } from "@/lib/server/db/client";
import { serviceListOrder } from "../service-texts";
import { clerksOnDutyAt } from "./on-duty";

/** Finished tickets of this many past days (today included) give the measured serving times. */
const SERVING_SAMPLE_DAYS = 14;

type QueueOffice = { id: string; timeZone: string; holidayRegion: string; checkInLateMinutes: number };

/** Everything the wait estimate reads about an office's queue at `now`, as the domain takes it. */
async function loadQueue(db: Db, office: QueueOffice, now: Date) {
  const date = localDateOf(now, office.timeZone);
  const endOfDay = new Date(zonedInstant(addDays(date, 1), 0, office.timeZone));
  const [pools, counters, tickets, bookings, served, services] = await Promise.all([
    clerksOnDutyAt(db, office, now),
    db.counter.findMany({ where: { officeId: office.id, active: true }, select: { services: { select: { id: true } } } }),
    db.ticket.findMany({
      where: { officeId: office.id, date, status: { in: ["WAITING", "CALLED"] } },
      select: {
        id: true,
        serviceId: true,
        kind: true,
        status: true,
        urgent: true,
        arrivedAt: true,
        number: true,
        dueAt: true,
        firstCalledAt: true,
        forwardedToCounterId: true,
      },
    }),
    // Appointments of the rest of the day that have not checked in (late ones only within the check-in window).
    db.booking.findMany({
      where: {
        officeId: office.id,
        status: { in: ["CONFIRMED", "ARRIVED"] },
        startsAt: { gte: new Date(now.getTime() - office.checkInLateMinutes * 60_000), lt: endOfDay },
        ticket: { is: null },
      },
      select: { serviceId: true, startsAt: true, endsAt: true },
    }),
    db.ticket.findMany({
      where: {
        officeId: office.id,
        status: "SERVED",
        date: { gte: addDays(date, 1 - SERVING_SAMPLE_DAYS), lte: date },
        firstCalledAt: { not: null },
        finishedAt: { not: null },
      },
      select: { serviceId: true, firstCalledAt: true, finishedAt: true },
    }),
    db.service.findMany({ where: { officeId: office.id }, select: { id: true, durationMinutes: true } }),
  ]);
  const input: QueueWaitInput = {
    now,
    tickets,
    appointments: bookings.map((b) => ({
      serviceId: b.serviceId,
      startsAt: b.startsAt,
      minutes: (b.endsAt.getTime() - b.startsAt.getTime()) / 60_000,
    })),
    servers: queueServers(counters.map((c) => ({ serviceIds: c.services.map((s) => s.id) })), pools),
    measured: measuredServingMinutes(
      served.map((t) => ({ serviceId: t.serviceId, firstCalledAt: t.firstCalledAt!, finishedAt: t.finishedAt! })),
    ),
    durations: new Map(services.map((s) => [s.id, s.durationMinutes])),
  };
  return { pools, input };
}

export interface WalkInWaitTime {
  serviceId: string;
  /** The parts of the day in which the service takes walk-ins. */
  dayParts: DayPart[];
  /** The service takes walk-ins now: in this part of the day, with a clerk on duty who serves it. */
  open: boolean;
  /** The office's walk-in queue is full: no more walk-ins today. */
  full: boolean;
  /** Expected wait of a walk-in drawing a ticket now, rounded up to five minutes; null unless open and not full. */
  minutes: number | null;
}

/**
 * The walk-in waiting times of an office's active services that take walk-ins, in their display order: for the
 * office page, the kiosk and the counter. Empty for an unknown or inactive office.
 */
export async function walkInWaitTimes(db: Db, officeId: string, now: Date): Promise<WalkInWaitTime[]> {
  const office = await db.office.findUnique({
    where: { id: officeId },
    select: {
      id: true,
      active: true,
      timeZone: true,
      holidayRegion: true,
      checkInLateMinutes: true,
      walkInQueueLimit: true,
      services: {
        where: { active: true, walkInDayParts: { not: "" } },
        select: { id: true, walkInDayParts: true },
        orderBy: serviceListOrder,
      },
    },
  });
  if (!office?.active) return [];
  const services = office.services.filter((s) => walkInDayParts(s.walkInDayParts).length > 0);
  if (services.length === 0) return [];

  const { pools, input } = await loadQueue(db, office, now);
  const waitingWalkIns = input.tickets.filter((t) => t.kind === "WALK_IN" && t.status === "WAITING").length;
  return services.map((service) => {
    const refusal = walkInRefusal({ service, office, pools, waitingWalkIns }, now);
    const full = refusal === "WALK_IN_QUEUE_FULL";
    const open = refusal === null || full;
    const wait =
      refusal === null
        ? expectedWaitMinutes(input, { serviceId: service.id, kind: "WALK_IN", urgent: false, arrivedAt: now, dueAt: null })
        : null;
    return {
      serviceId: service.id,
      dayParts: walkInDayParts(service.walkInDayParts),
      open,
      full,
      minutes: wait === null ? null : roundedWaitMinutes(wait),
    };
  });
}

/**
 * Expected minutes until a waiting ticket is called, rounded up to five minutes (an appointment's wait includes the
 * time until it is due); null when the ticket is not waiting or no clerk on duty serves its service.
 */
export async function ticketWaitMinutes(db: Db, ticketId: string, now: Date): Promise<number | null> {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: {
      id: true,
      status: true,
      serviceId: true,
      kind: true,
      urgent: true,
      arrivedAt: true,
      number: true,
      dueAt: true,
      date: true,
      office: { select: { id: true, timeZone: true, holidayRegion: true, checkInLateMinutes: true } },
    },
  });
  // A ticket of another day waits for nobody.
  if (!ticket || ticket.status !== "WAITING" || ticket.date !== localDateOf(now, ticket.office.timeZone)) return null;
  const { input } = await loadQueue(db, ticket.office, now);
  const wait = expectedWaitMinutes(input, { ...ticket, ticketId: ticket.id });
  return wait === null ? null : roundedWaitMinutes(wait);
}
