import type { LocalDate } from "../types";
import { countOfferOutcomes, type OfferOutcome, type OfferOutcomeCounts } from "../waitlist-overview";
import { daysBetween } from "./aggregate";
import { addToHistogram, bucketCounts, histogramMedian, type Histogram } from "./histogram";
import type { Distribution } from "./summary";

// The waiting list's figures for the evaluation, from the rows of wishes and offers that stay after erasure (no
// personal column is read). Each event counts on the office-local date it happened: a wish on the day it was made
// or confirmed, an offer on the day it was made, the wait on the day of the appointment (like the lead time of
// bookings, which counts on the appointment's day).

/** Days from the confirmed wish to its appointment: under 1 week, 1-2, 2-4, 4-8 weeks, 8 weeks and more. */
export const WISH_WAIT_EDGES_DAYS = [7, 14, 28, 56] as const;

export interface WishStatisticsRow {
  createdOn: LocalDate;
  confirmedOn: LocalDate | null;
}

export interface OfferStatisticsRow {
  offeredOn: LocalDate;
  outcome: OfferOutcome;
}

/** A wish that ended in an appointment: the day it was confirmed and the day of the appointment. */
export interface WishAppointmentRow {
  confirmedOn: LocalDate;
  appointmentOn: LocalDate;
}

export interface WaitlistSummary {
  /** Wishes made in the period (confirmed or not). */
  wishesNew: number;
  /** Wishes confirmed in the period. */
  wishesConfirmed: number;
  /** Offers made in the period, and how those ended (open: not decided yet). */
  offers: OfferOutcomeCounts;
  /** Days from confirming the wish to the appointment, for the appointments of the period. */
  wait: Distribution & { buckets: number[] };
}

export function summarizeWaitlist(input: {
  from: LocalDate;
  to: LocalDate;
  wishes: readonly WishStatisticsRow[];
  offers: readonly OfferStatisticsRow[];
  appointments: readonly WishAppointmentRow[];
}): WaitlistSummary {
  const inPeriod = (date: LocalDate | null): date is LocalDate => date !== null && date >= input.from && date <= input.to;
  const wait: Histogram = {};
  let count = 0;
  let sum = 0;
  for (const a of input.appointments) {
    if (!inPeriod(a.appointmentOn)) continue;
    const days = Math.max(0, daysBetween(a.confirmedOn, a.appointmentOn));
    addToHistogram(wait, days);
    count++;
    sum += days;
  }
  return {
    wishesNew: input.wishes.filter((w) => inPeriod(w.createdOn)).length,
    wishesConfirmed: input.wishes.filter((w) => inPeriod(w.confirmedOn)).length,
    offers: countOfferOutcomes(input.offers.filter((o) => inPeriod(o.offeredOn))),
    wait: {
      count,
      mean: count > 0 ? sum / count : null,
      median: histogramMedian(wait),
      buckets: bucketCounts(wait, WISH_WAIT_EDGES_DAYS),
    },
  };
}
