import "server-only";
import { counterMayCall, waitingOrder, type QueueTicket } from "@/lib/domain/queue";
import { ticketLabel } from "@/lib/domain/ticket";
import { slugSchema } from "@/lib/schemas/booking";
import { counterIdSchema, type CurrentTicket, type QueueRow, type QueueView } from "@/lib/schemas/counter";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { catalogueName, nameOf, serviceListOrder, withName } from "../service-texts";
import { displayName } from "../staff/common";
import { openQueueTickets, QUEUE_PERMISSION, queueCounter, queueDate } from "./queue-write";

/**
 * The counter screen's data: the office's counters, the chosen counter's current ticket and the day's queue as the
 * rule would work it off at this counter from now on. Numbers, services and times; the current appointment's name as
 * in the agenda.
 */
export async function listQueue(db: Db, actor: Actor, input: { officeSlug: string; counterId?: string | null }, now: Date): Promise<QueueView> {
  if (!slugSchema.safeParse(input.officeSlug).success) throw new AppError("OFFICE_NOT_FOUND");
  const office = await db.office.findUnique({
    where: { slug: input.officeSlug },
    select: { id: true, slug: true, name: true, authority: true, timeZone: true, callToleranceMinutes: true },
  });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  assertCanOnOffice(actor, QUEUE_PERMISSION, office.id);
  const date = queueDate(office, now);

  const [counterRows, services, rows, finished] = await Promise.all([
    db.counter.findMany({
      where: { officeId: office.id, active: true },
      include: { services: { select: { id: true, ...catalogueName }, orderBy: serviceListOrder } },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    }),
    db.service.findMany({ where: { officeId: office.id }, select: { id: true, active: true, walkInDayParts: true, ...catalogueName }, orderBy: serviceListOrder }).then((rows) => rows.map(withName)),
    db.ticket.findMany({
      where: { officeId: office.id, date, status: { in: ["WAITING", "CALLED", "PARKED"] } },
      include: { booking: { select: { id: true, referenceCode: true, givenName: true, familyName: true, persons: true } } },
    }),
    db.ticket.groupBy({ by: ["status"], where: { officeId: office.id, date, status: { in: ["SERVED", "NO_SHOW"] } }, _count: true }),
  ]);
  const counters = counterRows.map((c) => ({ id: c.id, name: c.name, serviceNames: c.services.map(nameOf) }));
  const counterName = new Map(counterRows.map((c) => [c.id, c.name]));
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const chosenId = counterIdSchema.safeParse(input.counterId).success ? input.counterId : null;
  const chosenRow = counterRows.find((c) => c.id === chosenId) ?? null;
  const chosen = chosenRow ? queueCounter(chosenRow) : null;

  const toRow = (t: (typeof rows)[number]): QueueRow => ({
    id: t.id,
    label: ticketLabel(t.series, t.number),
    kind: t.kind,
    status: t.status as QueueRow["status"],
    serviceId: t.serviceId,
    serviceName: serviceName.get(t.serviceId) ?? "",
    urgent: t.urgent,
    dueAt: t.dueAt,
    arrivedAt: t.arrivedAt,
    calledAt: t.calledAt,
    callCount: t.callCount,
    counterName: t.counterId ? (counterName.get(t.counterId) ?? null) : null,
    forwardedToName: t.forwardedToCounterId ? (counterName.get(t.forwardedToCounterId) ?? null) : null,
    forThisCounter: chosen ? counterMayCall(chosen, t) : false,
  });
  const byId = new Map(rows.map((t) => [t.id, t]));

  const queueTickets = await openQueueTickets(db, office.id, date);
  const order: QueueTicket[] = chosen ? waitingOrder(queueTickets, chosen, office, now) : [];
  const inOrder = new Set(order.map((t) => t.id));
  const others = rows
    .filter((t) => t.status === "WAITING" && !inOrder.has(t.id))
    .sort((a, b) => (a.dueAt ?? a.arrivedAt).getTime() - (b.dueAt ?? b.arrivedAt).getTime() || a.number - b.number);
  const waiting = [...order.flatMap((t) => (byId.has(t.id) ? [byId.get(t.id)!] : [])), ...others].map(toRow);

  const currentRow = chosenRow ? rows.find((t) => t.status === "CALLED" && t.counterId === chosenRow.id) : undefined;
  const current: CurrentTicket | null = currentRow
    ? {
        ...toRow(currentRow),
        booking: currentRow.booking
          ? {
              id: currentRow.booking.id,
              referenceCode: currentRow.booking.referenceCode,
              name: displayName(currentRow.booking),
              persons: currentRow.booking.persons,
            }
          : null,
      }
    : null;
  const byCall = (a: QueueRow, b: QueueRow) => (b.calledAt?.getTime() ?? 0) - (a.calledAt?.getTime() ?? 0);

  return {
    office,
    date,
    counters,
    services: services.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name })),
    walkInServices: services.filter((s) => s.active && s.walkInDayParts !== "").map((s) => ({ id: s.id, name: s.name })),
    counter: chosenRow ? counters.find((c) => c.id === chosenRow.id)! : null,
    current,
    waiting,
    parked: rows.filter((t) => t.status === "PARKED").map(toRow).sort(byCall),
    calledElsewhere: rows.filter((t) => t.status === "CALLED" && t.counterId !== chosenRow?.id).map(toRow).sort(byCall),
    finished: {
      served: finished.find((f) => f.status === "SERVED")?._count ?? 0,
      noShow: finished.find((f) => f.status === "NO_SHOW")?._count ?? 0,
    },
  };
}
