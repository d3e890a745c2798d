import { addDays, zonedInstant, type LocalDate } from "@/lib/domain";
import { closeDay } from "@/lib/domain/booking-status";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { AUDIT_ACTIONS, loadOfficeFor } from "./common";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

export interface CloseDayInput {
  officeSlug: string;
  date: LocalDate;
  /** The appointments the clerk was shown and confirmed. */
  bookingIds: string[];
}

export interface ClosedDay {
  officeSlug: string;
  date: LocalDate;
  count: number;
}

/** The bookings of one office-local date that a status may be recorded on (personal data not erased). */
function bookingsOfDay(db: Db, officeId: string, date: LocalDate, timeZone: string) {
  return db.booking.findMany({
    where: {
      officeId,
      erasedAt: null,
      startsAt: { gte: new Date(zonedInstant(date, 0, timeZone)), lt: new Date(zonedInstant(addDays(date, 1), 0, timeZone)) },
    },
    select: { id: true, status: true, startsAt: true, endsAt: true },
  });
}

/**
 * "4 Termine noch offen: als nicht erschienen erfassen?": records the open appointments of a finished day as
 * no-shows in one step, by the rule of a single no-show, with an audit entry for each. All or nothing: when the
 * day's open appointments are no longer exactly those the clerk confirmed (an arrival recorded at another desk
 * meanwhile), nothing changes and the clerk looks again.
 */
export async function recordNoShowsForDay(db: Db, actor: Actor, input: CloseDayInput, now: Date): Promise<ClosedDay> {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "bookings:work");
  const closing = closeDay(input.date, await bookingsOfDay(db, office.id, input.date, office.timeZone), now, office);
  if (!closing.ok) throw new AppError(closing.reason);
  const open = closing.open.map((b) => b.id).sort();
  const confirmed = [...new Set(input.bookingIds)].sort();
  if (open.length === 0 || open.join(" ") !== confirmed.join(" ")) throw new AppError("STATUS_CHANGED");

  await db.$transaction(async (tx) => {
    // Conditional, like a single click: of two desks closing the day at once, one wins and the other changes nothing.
    const { count } = await tx.booking.updateMany({
      where: { id: { in: open }, officeId: office.id, status: "CONFIRMED", erasedAt: null },
      data: { status: "NO_SHOW" },
    });
    if (count !== open.length) throw new AppError("STATUS_CHANGED");
    for (const bookingId of open) {
      await emitBookingEvent(tx, "booking.no_show", { id: bookingId, officeId: office.id }, now);
      await writeAudit(tx, {
        actorId: actor.id,
        officeId: office.id,
        bookingId,
        action: AUDIT_ACTIONS["no-show"],
        details: { from: "CONFIRMED", to: "NO_SHOW", closeDay: true, ...(closing.correction ? { correction: true } : {}) },
      });
    }
  });
  return { officeSlug: office.slug, date: input.date, count: open.length };
}
