import { randomUUID } from "node:crypto";
import { localDateOf } from "@/lib/domain";
import { CITIZEN_CANCEL_REASON } from "@/lib/domain/booking-status";
import { emailColumns } from "@/lib/domain/email-identity";
import { type PlannedOffer, type WaitingWish, closesForSilence, matchOffers, parseDayParts, parseWeekdays } from "@/lib/domain/waitlist";
import type { Db, Tx } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/sqlite/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { createManageToken } from "@/lib/server/security/tokens";
import { loadAvailability } from "../availability";
import { bookingMailPayload } from "../booking-mail";
import { manageUrl } from "../booking-urls";
import { uniqueReferenceCode } from "../insert-booking";
import { serviceWithTranslations } from "../office-catalog";
import { withServiceTexts } from "../service-texts";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

// Time that becomes free goes to the waiting list first. Every change that frees time calls this in its own
// transaction, under the day locks it took, and so does every public booking before its availability check: an
// offer is written under the same lock as any booking, so a freed time is never shown to anyone before the wishes
// had it, and never offered twice.

export interface OfferFreedTimeInput {
  officeId: string;
  /** Office-local dates the caller's bookingTransaction locked; only their free time is offered. */
  dates: readonly string[];
  now: Date;
}

export interface MadeOffer {
  wishId: string;
  bookingId: string;
  startsAt: Date;
}

/** Wishes that may receive an offer on dates in [from, to]: confirmed, without a live offer, range overlapping. */
export function eligibleWishWhere(officeId: string, from: string, to: string) {
  return {
    officeId,
    status: "ACTIVE" as const,
    openOfferId: null,
    earliestDate: { lte: to },
    latestDate: { gte: from },
  };
}

async function loadEligibleWishes(tx: Tx, officeId: string, from: string, to: string) {
  const wishes = await tx.wish.findMany({
    where: { ...eligibleWishWhere(officeId, from, to), service: { active: true, officeId } },
    include: {
      service: serviceWithTranslations,
      offers: { where: { outcome: { in: ["DECLINED", "EXPIRED"] } }, select: { startsAt: true } },
    },
  });
  return wishes.map(withServiceTexts);
}

type EligibleWish = Awaited<ReturnType<typeof loadEligibleWishes>>[number];

function waitingWish(w: EligibleWish): WaitingWish {
  return {
    id: w.id,
    service: w.service,
    persons: w.persons,
    earliestDate: w.earliestDate,
    latestDate: w.latestDate,
    weekdays: parseWeekdays(w.weekdays),
    dayParts: parseDayParts(w.dayParts),
    refusedStarts: w.offers.map((o) => o.startsAt.getTime()),
    permitExpiresOn: w.permitExpiresOn,
    confirmedAt: (w.confirmedAt ?? w.createdAt).getTime(),
  };
}

/**
 * Offers the free time on `dates` to the matching wishes (lib/domain/waitlist.ts: urgency, then confirmation time),
 * each as a HELD booking until the offer's deadline, with its WishOffer row and the offer e-mail. Call it INSIDE a
 * bookingTransaction that locked `dates`. Cheap when the office has no waiting wish: one indexed count.
 */
export async function offerFreedTime(tx: Tx, input: OfferFreedTimeInput): Promise<MadeOffer[]> {
  const dates = [...new Set(input.dates)].sort();
  if (dates.length === 0) return [];
  const from = dates[0];
  const to = dates[dates.length - 1];
  await expireDueOffers(tx, input.officeId, dates, input.now);
  if ((await tx.wish.count({ where: eligibleWishWhere(input.officeId, from, to) })) === 0) return [];

  const office = await tx.office.findUnique({ where: { id: input.officeId } });
  if (!office || !office.active || !office.waitlistEnabled) return [];
  // Past dates hold nothing to offer.
  const today = localDateOf(input.now, office.timeZone);
  if (to < today) return [];
  let candidates = (await loadEligibleWishes(tx, office.id, from, to)).filter((w) => w.persons <= w.service.maxPersons);
  if (candidates.length === 0) return [];

  // Wishes get freed time without the public rebook delay (a wish is no bot). Schedule and bookings are the same for
  // every service; which dates release rounds have released is not, so a ROUNDS service reads its own.
  const load = (service: EligibleWish["service"]) =>
    loadAvailability(tx, { office: { ...office, rebookDelayMinutes: 0 }, service, persons: 1, now: input.now, from, to, access: "public" });
  const { schedule, rules, occupied } = await load(candidates[0].service);
  const released = new Map<string, ((date: string) => boolean) | undefined>();
  for (const { service } of candidates) {
    if (service.releaseMode === "ROUNDS" && !released.has(service.id)) released.set(service.id, (await load(service)).released);
  }

  const made: MadeOffer[] = [];
  for (;;) {
    const plan = matchOffers({
      schedule,
      rules,
      occupied,
      now: input.now,
      dates,
      wishes: candidates.map((w) => ({ ...waitingWish(w), released: released.get(w.serviceId) })),
      offerHours: office.offerHours,
      urgentWithinDays: office.urgentWithinDays,
    });
    let lost: string | null = null;
    for (const planned of plan) {
      const wish = candidates.find((w) => w.id === planned.wishId)!;
      const offer = await writeOffer(tx, office, wish, planned, input.now);
      if (!offer) {
        lost = wish.id;
        break;
      }
      made.push(offer);
      occupied.push({ start: planned.start.getTime(), end: planned.end.getTime(), serviceId: wish.serviceId });
    }
    if (lost === null) return made;
    // Another transaction (on another day) gave that wish an offer meanwhile: match the rest again without it.
    const done = new Set([lost, ...made.map((m) => m.wishId)]);
    candidates = candidates.filter((w) => !done.has(w.id));
  }
}

/**
 * Read before a public booking's day locks: whether offerFreedTime could do anything on `dates` at `now` (an open
 * offer past its deadline to expire, or a wish that may receive an offer). When neither exists, the booking skips
 * the waiting list under the lock: an offer made later has a deadline after `now`, and a wish that becomes eligible
 * while the booking waits for the lock came after it.
 */
export async function waitingListMayOffer(db: Db, officeId: string, dates: readonly string[], now: Date): Promise<boolean> {
  const sorted = [...dates].sort();
  const [from, to] = [sorted[0], sorted[sorted.length - 1]];
  // One statement on every public booking: due offers, then eligible wishes (eligibleWishWhere, in SQL), the first
  // row found answers.
  const rows = await db.$queryRaw<unknown[]>(Prisma.sql`
    SELECT 1 FROM "WishOffer" WHERE "officeId" = ${officeId} AND "outcome" = 'OPEN' AND "deadline" <= ${now}
    UNION ALL
    SELECT 1 FROM "Wish" WHERE "officeId" = ${officeId} AND "status" = 'ACTIVE' AND "openOfferId" IS NULL
      AND "earliestDate" <= ${to} AND "latestDate" >= ${from}
    LIMIT 1`);
  return rows.length > 0;
}

/** What a change run after offering (offeringFirst) ended in: its value, or the refusal it answered with. */
export type Settled<T> = { value: T } | { refusal: AppError };

/**
 * For a public booking (or a citizen's move or late confirmation), inside its bookingTransaction: first offers the
 * free time on the locked dates to the waiting list, then runs the change. When offers were made and the change is
 * refused (the time went to a wish), the refusal is returned instead of thrown, so that the transaction commits
 * the offers; `settled` throws it after the commit.
 */
export async function offeringFirst<T>(tx: Tx, input: OfferFreedTimeInput, change: () => Promise<T>): Promise<Settled<T>> {
  const made = await offerFreedTime(tx, input);
  if (made.length === 0) return { value: await change() };
  try {
    return { value: await change() };
  } catch (e) {
    if (e instanceof AppError) return { refusal: e };
    throw e;
  }
}

/** The value of a change run by offeringFirst, or its refusal thrown (after the offers were committed). */
export function settled<T>(result: Settled<T>): T {
  if ("refusal" in result) throw result.refusal;
  return result.value;
}

/**
 * bookingTransaction for a change that takes time a citizen picked (a public booking, a citizen's move, a late
 * confirmation): the waiting list is offered the free time on `dates` first (offeringFirst), then `fn` runs.
 */
export async function wishesFirstTransaction<T>(
  db: Db,
  officeId: string,
  dates: string[],
  now: Date,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return settled(await bookingTransaction(db, officeId, dates, (tx) => offeringFirst(tx, { officeId, dates, now }, () => fn(tx))));
}

/**
 * Offers on the locked dates whose deadline has passed: EXPIRED, their held booking cancelled, their wish free for
 * the next offer, or closed after too many unanswered ones (closesForSilence). Conditional on OPEN, so an accept that
 * came first wins and two sweeps expire an offer once.
 */
async function expireDueOffers(tx: Tx, officeId: string, dates: readonly string[], now: Date): Promise<void> {
  const due = await tx.wishOffer.findMany({
    where: { outcome: "OPEN", deadline: { lte: now }, officeId },
    select: { id: true, wishId: true, bookingId: true, startsAt: true, office: { select: { timeZone: true } } },
  });
  for (const offer of due) {
    if (!dates.includes(localDateOf(offer.startsAt, offer.office.timeZone))) continue;
    const { count } = await tx.wishOffer.updateMany({
      where: { id: offer.id, outcome: "OPEN", deadline: { lte: now } },
      data: { outcome: "EXPIRED", decidedAt: now },
    });
    if (count === 0) continue;
    await releaseOffer(tx, offer, now);
    const unanswered = await tx.wishOffer.count({ where: { wishId: offer.wishId, outcome: "EXPIRED" } });
    if (closesForSilence(unanswered)) {
      await tx.wish.updateMany({ where: { id: offer.wishId, status: "ACTIVE" }, data: { status: "EXPIRED", closedAt: now } });
    }
  }
}

/**
 * Frees an answered or expired offer's time and its wish: the held booking is cancelled (as the citizen's own, so
 * no "pick a new time" is offered), and the wish may receive the next offer.
 */
export async function releaseOffer(tx: Tx, offer: { id: string; wishId: string; bookingId: string }, now: Date): Promise<void> {
  const { count } = await tx.booking.updateMany({
    where: { id: offer.bookingId, status: "HELD" },
    data: { status: "CANCELLED", cancelledAt: now, cancelReason: CITIZEN_CANCEL_REASON },
  });
  if (count > 0) await emitBookingEvent(tx, "booking.cancelled", { id: offer.bookingId }, now);
  await tx.wish.updateMany({ where: { id: offer.wishId, openOfferId: offer.id }, data: { openOfferId: null } });
}

type OfficeRow = NonNullable<Awaited<ReturnType<Tx["office"]["findUnique"]>>>;

/**
 * Claims the wish (a conditional update: never two live offers for one wish), then writes the held booking, the
 * WishOffer and the offer e-mail. Null when the wish was claimed or closed by someone else first.
 */
async function writeOffer(tx: Tx, office: OfficeRow, wish: EligibleWish, planned: PlannedOffer, now: Date): Promise<MadeOffer | null> {
  const offerId = randomUUID();
  const { count } = await tx.wish.updateMany({
    where: { id: wish.id, openOfferId: null, status: "ACTIVE" },
    data: { openOfferId: offerId },
  });
  if (count === 0) return null;

  const manageToken = createManageToken();
  const booking = await tx.booking.create({
    data: {
      officeId: office.id,
      serviceId: wish.serviceId,
      startsAt: planned.start,
      endsAt: planned.end,
      persons: wish.persons,
      status: "HELD",
      holdExpiresAt: planned.deadline,
      channel: "ONLINE",
      referenceCode: await uniqueReferenceCode(tx),
      manageTokenHash: manageToken.hash,
      locale: wish.locale,
      givenName: wish.givenName,
      familyName: wish.familyName,
      ...emailColumns(wish.email),
      phone: wish.phone,
      dateOfBirth: wish.dateOfBirth,
      permitExpiresOn: wish.permitExpiresOn,
      urgent: planned.urgent,
    },
  });
  await emitBookingEvent(tx, "booking.created", booking, now);
  await tx.wishOffer.create({
    data: {
      id: offerId,
      wishId: wish.id,
      officeId: office.id,
      bookingId: booking.id,
      startsAt: planned.start,
      offeredAt: now,
      deadline: planned.deadline,
    },
  });
  if (wish.email) {
    await enqueueMail(tx, {
      template: "wish-offer",
      recipient: wish.email,
      officeId: office.id,
      bookingId: booking.id,
      payload: bookingMailPayload({
        office,
        service: wish.service,
        booking,
        manageUrl: manageUrl(manageToken.token, wish.locale),
        holdExpiresAt: planned.deadline,
      }),
    });
  }
  return { wishId: wish.id, bookingId: booking.id, startsAt: planned.start };
}
