import { localDateOf } from "@/lib/domain";
import { OPEN_WISH_STATUSES } from "@/lib/domain/erasure";
import { countWaitingWishes, urgentFirst, type WaitlistEntry } from "@/lib/domain/waitlist-overview";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadOfficeFor } from "../../staff/common";

/** More wishes than a clerk reads through on one page; the counts above the list include all of them. */
export const WAITLIST_PAGE_LIMIT = 200;

/**
 * The waiting list of an office for its clerks and heads: counts of the waiting wishes (unconfirmed ones do not
 * count, they may never be confirmed) by service and by week of their earliest date, and the wishes in the order
 * they are served, urgent ones first, with the unconfirmed ones after them.
 */
export async function readWaitlist(db: Db, actor: Actor, input: { officeSlug: string; now: Date }) {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "bookings:work");
  const today = localDateOf(input.now, office.timeZone);
  const rows = await db.wish.findMany({
    where: { officeId: office.id, status: { in: [...OPEN_WISH_STATUSES] } },
    select: {
      id: true,
      referenceCode: true,
      serviceId: true,
      persons: true,
      earliestDate: true,
      latestDate: true,
      source: true,
      status: true,
      permitExpiresOn: true,
      confirmedAt: true,
      createdAt: true,
      openOfferId: true,
    },
  });
  const active = rows.filter((w) => w.status === "ACTIVE");
  const counts = countWaitingWishes(active, {
    today,
    urgentWithinDays: office.urgentWithinDays,
    serviceIds: office.services.map((s) => s.id),
  });
  const ordered = urgentFirst(rows, office.urgentWithinDays, today);
  const entries: WaitlistEntry[] = ordered.slice(0, WAITLIST_PAGE_LIMIT).map((w) => ({
    id: w.id,
    referenceCode: w.referenceCode,
    serviceId: w.serviceId,
    persons: w.persons,
    earliestDate: w.earliestDate,
    latestDate: w.latestDate,
    source: w.source,
    confirmed: w.status === "ACTIVE",
    urgent: w.urgent,
    permitExpiresOn: w.permitExpiresOn,
    offerOpen: w.openOfferId !== null,
  }));
  return {
    office,
    today,
    counts,
    unconfirmed: rows.length - active.length,
    entries,
    /** All open wishes, confirmed or not; more than `entries` holds when the list is cut. */
    listed: rows.length,
  };
}

export type Waitlist = Awaited<ReturnType<typeof readWaitlist>>;
