import "server-only";
import { localDateOf } from "@/lib/domain/time";
import { spokenTicketLabel, ticketLabel } from "@/lib/domain/ticket";
import type { DisplayCall, DisplayState } from "@/lib/schemas/display";
import type { Db } from "@/lib/server/db/client";

export type { DisplayCall, DisplayState };

/** The newest call and the ones before it: what fits on a screen read from across the room. */
export const DISPLAY_CALLS = 7;

/**
 * The last calls of the office's day, newest first, limited to some counters (a display over one waiting area).
 * Tickets sent back to the queue (parked, forwarded) drop off: they are waiting again, not called.
 */
export async function displayState(
  db: Db,
  office: { id: string; timeZone: string },
  counterIds: readonly string[],
  now: Date,
): Promise<DisplayState> {
  const date = localDateOf(now, office.timeZone);
  const [day, tickets] = await Promise.all([
    db.queueDay.findUnique({ where: { officeId_date: { officeId: office.id, date } }, select: { version: true } }),
    db.ticket.findMany({
      where: {
        officeId: office.id,
        date,
        status: { in: ["CALLED", "SERVED", "NO_SHOW"] },
        calledAt: { not: null },
        counterId: counterIds.length > 0 ? { in: [...counterIds] } : { not: null },
      },
      orderBy: [{ calledAt: "desc" }, { id: "asc" }],
      take: DISPLAY_CALLS,
      select: { id: true, series: true, number: true, calledAt: true, callCount: true, locale: true, counter: { select: { name: true } } },
    }),
  ]);
  return {
    version: day?.version ?? 0,
    date,
    calls: tickets.map((t): DisplayCall => ({
      key: `${t.id}:${t.callCount}`,
      label: ticketLabel(t.series, t.number),
      spoken: spokenTicketLabel(t.series, t.number),
      counter: t.counter?.name ?? "",
      calledAt: t.calledAt!.toISOString(),
      callCount: t.callCount,
      locale: t.locale,
    })),
  };
}

/** The queue day's version alone: the cheap question a poller asks twice a second. */
export async function queueVersion(db: Db, office: { id: string; timeZone: string }, now: Date): Promise<number> {
  const day = await db.queueDay.findUnique({
    where: { officeId_date: { officeId: office.id, date: localDateOf(now, office.timeZone) } },
    select: { version: true },
  });
  return day?.version ?? 0;
}
