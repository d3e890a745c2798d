import { addDays, zonedInstant } from "@/lib/domain";
import type { Period } from "@/lib/domain/statistics";
import { countOfferOutcomes, type OfferListEntry } from "@/lib/domain/waitlist-overview";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadOfficeFor } from "../../staff/common";

/** The newest offers listed; the counts include every offer of the period. */
export const OFFER_LIST_LIMIT = 100;

/**
 * The offers an office made in a period of local dates (by the day each was made): how many were accepted,
 * declined, expired or are still open, and the newest of them as a list. Reads only the offer rows and their
 * wishes' service, never a personal column, so the figures survive the erasure.
 */
export async function readOfferOutcomes(db: Db, actor: Actor, input: { officeSlug: string; period: Period }) {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "bookings:work");
  const offeredAt = {
    gte: new Date(zonedInstant(input.period.from, 0, office.timeZone)),
    lt: new Date(zonedInstant(addDays(input.period.to, 1), 0, office.timeZone)),
  };
  const rows = await db.wishOffer.findMany({
    where: { officeId: office.id, offeredAt },
    orderBy: [{ offeredAt: "desc" }, { id: "desc" }],
    select: { id: true, offeredAt: true, startsAt: true, deadline: true, outcome: true, decidedAt: true, wish: { select: { serviceId: true } } },
  });
  const offers: OfferListEntry[] = rows.map((r) => ({
    id: r.id,
    offeredAt: r.offeredAt,
    startsAt: r.startsAt,
    deadline: r.deadline,
    serviceId: r.wish.serviceId,
    outcome: r.outcome,
    decidedAt: r.decidedAt,
  }));
  return { office, period: input.period, counts: countOfferOutcomes(offers), offers: offers.slice(0, OFFER_LIST_LIMIT) };
}

export type OfferOutcomes = Awaited<ReturnType<typeof readOfferOutcomes>>;
