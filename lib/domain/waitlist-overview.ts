import { startOfWeek } from "./time";
import type { LocalDate } from "./types";
import { isUrgent } from "./urgency";
import { waitlistOrder } from "./waitlist";

// What staff see of an office's waiting list: counts of the active wishes by service and by week, the wishes in the
// order they are served (urgent first), and the outcomes of the offers made. Pure: today comes in as an argument.

/** The fields of a wish the overview works on (no personal data apart from the permit's expiry date). */
export interface WaitingWish {
  id: string;
  serviceId: string;
  earliestDate: LocalDate;
  latestDate: LocalDate;
  permitExpiresOn: LocalDate | null;
  confirmedAt: Date | null;
  createdAt: Date;
}

/** Where a wish came from: the waiting list's form, a release round's request, an extension request. */
export type WishSource = "WAITLIST" | "ROUND" | "EXTENSION";

/**
 * One wish as the clerks' list shows it. No name, e-mail, phone or date of birth: the list is for seeing the demand
 * and who comes first; the reference code (which the citizen has from the confirmation e-mail) identifies a wish on
 * the phone. The permit's expiry date is shown because it is why the wish is urgent, and staff must be able to judge
 * that. The name is shown only in the confirm step of removing a wish.
 */
export interface WaitlistEntry {
  id: string;
  referenceCode: string;
  serviceId: string;
  persons: number;
  earliestDate: LocalDate;
  latestDate: LocalDate;
  source: WishSource;
  confirmed: boolean;
  urgent: boolean;
  permitExpiresOn: LocalDate | null;
  /** An offer is out and waits for the citizen's answer. */
  offerOpen: boolean;
}

export interface WaitlistCount {
  total: number;
  urgent: number;
}

export interface WaitlistCounts extends WaitlistCount {
  /** In the order of `serviceIds`, then any other service; services without a wish are listed with 0. */
  byService: Array<WaitlistCount & { serviceId: string }>;
  /** Per ISO week (its Monday) of the earliest acceptable date, ascending; only weeks with wishes. */
  byWeek: Array<WaitlistCount & { week: LocalDate }>;
}

/**
 * The week a wish counts in: that of its earliest acceptable date, or this week when that date has passed (the
 * wish then suits any time from today on), so that old wishes do not spread over weeks that are gone.
 */
export function wishWeek(earliestDate: LocalDate, today: LocalDate): LocalDate {
  return startOfWeek(earliestDate > today ? earliestDate : today);
}

/** Counts of the given (active) wishes by service and by week of their earliest date, with the urgent ones. */
export function countWaitingWishes(
  wishes: readonly WaitingWish[],
  options: { today: LocalDate; urgentWithinDays: number; serviceIds?: readonly string[] },
): WaitlistCounts {
  const { today, urgentWithinDays } = options;
  const byService = new Map<string, WaitlistCount & { serviceId: string }>();
  for (const serviceId of options.serviceIds ?? []) byService.set(serviceId, { serviceId, total: 0, urgent: 0 });
  const byWeek = new Map<LocalDate, WaitlistCount & { week: LocalDate }>();
  let urgentTotal = 0;
  for (const wish of wishes) {
    const urgent = isUrgent(wish.permitExpiresOn, urgentWithinDays, today) ? 1 : 0;
    urgentTotal += urgent;
    const s = byService.get(wish.serviceId) ?? { serviceId: wish.serviceId, total: 0, urgent: 0 };
    s.total++;
    s.urgent += urgent;
    byService.set(wish.serviceId, s);
    const week = wishWeek(wish.earliestDate, today);
    const w = byWeek.get(week) ?? { week, total: 0, urgent: 0 };
    w.total++;
    w.urgent += urgent;
    byWeek.set(week, w);
  }
  return {
    total: wishes.length,
    urgent: urgentTotal,
    byService: [...byService.values()],
    byWeek: [...byWeek.values()].sort((a, b) => (a.week < b.week ? -1 : 1)),
  };
}

/**
 * The wishes in the order the waiting list serves them: the confirmed ones in waitlistOrder (the order offers go
 * in: urgent first, then by confirmation time, then by id), and the unconfirmed ones, which get no offer yet, each
 * after the confirmed ones of its urgency, by their creation. Each wish comes with its urgency.
 */
export function urgentFirst<W extends WaitingWish>(
  wishes: readonly W[],
  urgentWithinDays: number,
  today: LocalDate,
): Array<W & { urgent: boolean }> {
  const inOrder = (group: readonly W[]) =>
    waitlistOrder(
      group.map((wish) => ({ id: wish.id, permitExpiresOn: wish.permitExpiresOn, confirmedAt: (wish.confirmedAt ?? wish.createdAt).getTime(), wish })),
      urgentWithinDays,
      today,
    ).map(({ wish }) => ({ ...wish, urgent: isUrgent(wish.permitExpiresOn, urgentWithinDays, today) }));
  // The sort is stable: within each urgency the confirmed ones keep their order, and come before the unconfirmed.
  return [...inOrder(wishes.filter((w) => w.confirmedAt !== null)), ...inOrder(wishes.filter((w) => w.confirmedAt === null))].sort(
    (a, b) => Number(b.urgent) - Number(a.urgent),
  );
}

export const OFFER_OUTCOMES = ["OPEN", "ACCEPTED", "DECLINED", "EXPIRED"] as const;
export type OfferOutcome = (typeof OFFER_OUTCOMES)[number];

/** One offer as the staff list shows it: when, for which appointment and how it ended; nothing about the person. */
export interface OfferListEntry {
  id: string;
  offeredAt: Date;
  startsAt: Date;
  deadline: Date;
  serviceId: string;
  outcome: OfferOutcome;
  decidedAt: Date | null;
}

export interface OfferOutcomeCounts {
  /** Every offer made. */
  made: number;
  accepted: number;
  declined: number;
  expired: number;
  /** Still waiting for the citizen's answer. */
  open: number;
  /** Accepted of the decided offers (accepted, declined, expired); null when none is decided. */
  acceptanceRate: number | null;
}

/** How the given offers ended. */
export function countOfferOutcomes(offers: ReadonlyArray<{ outcome: OfferOutcome }>): OfferOutcomeCounts {
  const n = (outcome: OfferOutcome) => offers.filter((o) => o.outcome === outcome).length;
  const accepted = n("ACCEPTED");
  const declined = n("DECLINED");
  const expired = n("EXPIRED");
  const decided = accepted + declined + expired;
  return { made: offers.length, accepted, declined, expired, open: n("OPEN"), acceptanceRate: decided > 0 ? accepted / decided : null };
}
