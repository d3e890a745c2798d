import { bookingHorizon, datesBetween, localDateOf, weekdayOf } from "@/lib/domain";
import { parseWeekdays } from "@/lib/domain/waitlist";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { offerFreedTime } from "./offer-freed-time";

// The guaranteed run behind the offers: the hooks offer time in the transaction that frees it, but an expiring offer
// or hold, and a day the booking horizon newly reaches, free time without any transaction. The scheduler runs this
// every few minutes on every instance; each day is swept under its own day lock and every write is conditional, so
// concurrent sweeps neither expire twice nor offer twice.

/** "due": only the days of offers past their deadline (the prompt wake-up); "all": every waiting wish's days too. */
export type SweepScope = "due" | "all";

export interface SweepResult {
  /** Days swept under their lock. */
  days: number;
  /** Offers made. */
  offered: number;
}

/**
 * Expires the offers past their deadline (passing their time on), then, for every office with waiting wishes, offers
 * the free time of each date of the wishes' ranges within the booking horizon. One bookingTransaction per day.
 */
export async function sweepWaitlist(db: Db, input: { now: Date; scope?: SweepScope }): Promise<SweepResult> {
  const { now } = input;
  const result: SweepResult = { days: 0, offered: 0 };
  const sweep = async (officeId: string, date: string) => {
    const made = await bookingTransaction(db, officeId, [date], (tx) => offerFreedTime(tx, { officeId, dates: [date], now }));
    result.days++;
    result.offered += made.length;
  };

  // Expired offers first: offerFreedTime expires them under their day's lock and offers the time to the next wish.
  const due = await db.wishOffer.findMany({
    where: { outcome: "OPEN", deadline: { lte: now } },
    select: { officeId: true, startsAt: true, office: { select: { timeZone: true } } },
  });
  const dueDays = new Map(due.map((o) => {
    const date = localDateOf(o.startsAt, o.office.timeZone);
    return [`${o.officeId} ${date}`, { officeId: o.officeId, date }] as const;
  }));
  for (const { officeId, date } of dueDays.values()) await sweep(officeId, date);
  if (input.scope === "due") return result;

  const offices = await db.office.findMany({
    where: { active: true, waitlistEnabled: true, wishes: { some: { status: "ACTIVE", openOfferId: null } } },
    select: { id: true, timeZone: true, bookingHorizonDays: true },
  });
  for (const office of offices) {
    const { today, last } = bookingHorizon(office, office.timeZone, now);
    const wishes = await db.wish.findMany({
      where: { officeId: office.id, status: "ACTIVE", openOfferId: null, earliestDate: { lte: last }, latestDate: { gte: today } },
      select: { earliestDate: true, latestDate: true, weekdays: true },
    });
    const dates = new Set<string>();
    for (const wish of wishes) {
      const from = wish.earliestDate > today ? wish.earliestDate : today;
      const to = wish.latestDate < last ? wish.latestDate : last;
      const weekdays = parseWeekdays(wish.weekdays);
      for (const date of datesBetween(from, to)) if (weekdays.includes(weekdayOf(date))) dates.add(date);
    }
    for (const date of [...dates].sort()) {
      if (!dueDays.has(`${office.id} ${date}`)) await sweep(office.id, date);
    }
  }
  return result;
}

/** The next deadline of an open offer, so that the scheduler can wake up when it passes. */
export async function nextOfferDeadline(db: Db): Promise<Date | null> {
  const next = await db.wishOffer.findFirst({ where: { outcome: "OPEN" }, orderBy: { deadline: "asc" }, select: { deadline: true } });
  return next?.deadline ?? null;
}
