import { addDays, appointmentInterval, datesBetween, occupiesAt } from "@/lib/domain";
import { type DrawInput, countedRequests, recordDraw } from "@/lib/domain/release-draw";
import { parseDayParts, parseWeekdays } from "@/lib/domain/waitlist";
import { localizeService } from "@/lib/domain/service-texts";
import type { Db, Tx } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { enqueueMails } from "@/lib/server/mail/outbox";
import { createManageToken } from "@/lib/server/security/tokens";
import { loadAvailability } from "../availability";
import { officeMailFields } from "../booking-mail";
import { roundUrl } from "../booking-urls";
import { insertCheckedBooking } from "../insert-booking";
import { serviceWithTranslations } from "../office-catalog";
import { withTexts } from "../service-texts";

// The draw of a release round, run by the jobs scheduler at (or after) the close, exactly once whatever the number
// of app instances: an instance claims the round with a conditional update of drawStartedAt; the bookings, the
// wishes, the e-mails and drawnAt are then written in ONE transaction that commits only while the claim is still
// its own. A claim older than the lease (its instance died) may be taken over; the old instance's transaction then
// fails its final conditional update and rolls back, so a round is never drawn twice.

/** How long a claimed draw may run before another instance may take it over. */
export const DRAW_LEASE_MS = 10 * 60_000;
const DRAW_TRANSACTION_TIMEOUT_MS = 5 * 60_000;

type RoundRow = NonNullable<Awaited<ReturnType<typeof loadRound>>>;

function loadRound(db: Db | Tx, roundId: string) {
  return db.releaseRound.findUnique({ where: { id: roundId }, include: { office: true } });
}

/** The services a round releases: its own, or every active service of the office in release-round mode. */
async function roundServices(db: Db | Tx, round: { officeId: string; serviceId: string | null }) {
  const services = await db.service.findMany({
    where: round.serviceId ? { id: round.serviceId } : { officeId: round.officeId, active: true, releaseMode: "ROUNDS" },
    orderBy: { id: "asc" },
    ...serviceWithTranslations,
  });
  return services.map(withTexts);
}

/**
 * The counted requests of a round at its close: confirmed before the close, still waiting, one per person. The
 * published id of a request is its wish's reference code.
 */
async function countedWishes(db: Db | Tx, round: { id: string; closesAt: Date }) {
  const wishes = await db.wish.findMany({
    where: { roundId: round.id, status: "ACTIVE", confirmedAt: { not: null, lte: round.closesAt }, email: { not: null } },
  });
  return countedRequests(
    wishes.map((w) => ({ ...w, id: w.referenceCode, wish: w, email: w.email!, confirmedAt: w.confirmedAt!.getTime() })),
  ).map((r) => r.wish);
}

/** Everything the draw reads, as of `now`: the period's schedule, the bookings holding a clerk, the requests. */
async function drawInputFor(db: Db | Tx, round: RoundRow, services: Awaited<ReturnType<typeof roundServices>>, now: Date) {
  const office = { ...round.office, bypassReleaseRounds: true };
  const wishes = await countedWishes(db, round);
  // The draw gives every time from scratch; unreleased dates are the point of the draw, so no release rule here.
  // The released times are the public's: places kept for urgent cases stay kept (as the winners' re-check keeps them).
  const base = await loadAvailability(db, {
    office,
    service: services[0],
    persons: 1,
    now,
    from: round.periodFrom,
    to: round.periodTo,
    access: "public",
  });
  const input: DrawInput = {
    seed: round.seed,
    periodFrom: round.periodFrom,
    periodTo: round.periodTo,
    schedule: base.schedule,
    rules: base.rules,
    services: services.map((s) => ({ id: s.id, durationMinutes: s.durationMinutes, extraPersonMinutes: s.extraPersonMinutes, maxPersons: s.maxPersons })),
    // Only what holds a clerk at the draw, as plain intervals: the published record needs no hold or cancellation.
    occupied: base.occupied
      .filter((o) => occupiesAt(o, now.getTime(), base.rules))
      .map((o) => ({ start: o.start, end: o.end, serviceId: o.serviceId })),
    now,
    requests: wishes.map((w) => ({
      id: w.referenceCode,
      serviceId: w.serviceId,
      persons: w.persons,
      earliestDate: w.earliestDate,
      latestDate: w.latestDate,
      weekdays: parseWeekdays(w.weekdays),
      dayParts: parseDayParts(w.dayParts),
    })),
  };
  return { input, wishes };
}

export interface DrawOutcome {
  roundId: string;
  requests: number;
  assigned: number;
}

/** Claims the round for this run if it is due, not drawn and not claimed by a live run. */
export async function claimDraw(db: Db, roundId: string, now: Date, leaseMs = DRAW_LEASE_MS): Promise<boolean> {
  const { count } = await db.releaseRound.updateMany({
    where: {
      id: roundId,
      drawnAt: null,
      closesAt: { lte: now },
      OR: [{ drawStartedAt: null }, { drawStartedAt: { lt: new Date(now.getTime() - leaseMs) } }],
    },
    data: { drawStartedAt: now },
  });
  return count === 1;
}

class DrawTakenOver extends Error {}

/** Draws a round this run has claimed at `claimedAt`; null when another run took it over meanwhile. */
export async function drawClaimedRound(db: Db, roundId: string, claimedAt: Date, now: Date): Promise<DrawOutcome | null> {
  const round = await loadRound(db, roundId);
  if (!round || round.drawnAt) return null;
  const services = await roundServices(db, round);
  // The day after the period too: an appointment may end after midnight.
  const dates = datesBetween(round.periodFrom, addDays(round.periodTo, 1));
  try {
    return await bookingTransaction(db, round.officeId, dates, async (tx) => {
      const { input, wishes } = services.length > 0 ? await drawInputFor(tx, round, services, now) : { input: null, wishes: [] };
      const drawn = input ? recordDraw(round.id, input) : null;
      const winners = new Map(drawn?.result.assignment.map((a) => [a.requestId, a]) ?? []);
      const office = { ...round.office, bypassReleaseRounds: true };
      const serviceById = new Map(services.map((s) => [s.id, s]));

      for (const wish of wishes) {
        const won = winners.get(wish.referenceCode);
        if (!won) continue;
        const service = serviceById.get(wish.serviceId)!;
        const interval = appointmentInterval(won.start, service, wish.persons, round.office.timeZone);
        // The same re-check and confirmation e-mail (with the calendar file) as every booking.
        const booking = await insertCheckedBooking(tx, {
          office,
          service,
          start: won.start,
          endsAt: interval.end,
          persons: wish.persons,
          now,
          from: interval.dates[0],
          to: interval.dates[1],
          channel: "ONLINE",
          locale: wish.locale,
          person: {
            givenName: wish.givenName,
            familyName: wish.familyName ?? "",
            email: wish.email,
            phone: wish.phone,
            dateOfBirth: wish.dateOfBirth,
            remark: null,
            permitExpiresOn: wish.permitExpiresOn,
          },
          manageToken: createManageToken(),
          access: "public",
        });
        await tx.wish.update({ where: { id: wish.id }, data: { status: "BOOKED", bookingId: booking.id, closedAt: now } });
      }
      await tellTheOthers(tx, round, services, new Set(winners.keys()));

      const placeCount = Math.max(0, ...services.map((s) => drawn?.record.released.filter((r) => r.serviceId === s.id).length ?? 0));
      const { count } = await tx.releaseRound.updateMany({
        where: { id: round.id, drawnAt: null, drawStartedAt: claimedAt },
        data: {
          drawnAt: now,
          drawRecord: drawn ? JSON.stringify(drawn.record) : null,
          requestCount: wishes.length,
          placeCount,
          assignedCount: winners.size,
        },
      });
      if (count !== 1) throw new DrawTakenOver();
      return { roundId: round.id, requests: wishes.length, assigned: winners.size };
      // Thousands of requests take longer than a booking; the locked dates are not public before the draw anyway.
    }, { timeoutMs: DRAW_TRANSACTION_TIMEOUT_MS });
  } catch (e) {
    if (e instanceof DrawTakenOver) return null;
    throw e;
  }
}

/** Every request of the round still waiting that got no time: it stays on the waiting list, and the e-mail says so. */
async function tellTheOthers(tx: Tx, round: RoundRow, services: Awaited<ReturnType<typeof roundServices>>, winners: Set<string>) {
  const waiting = await tx.wish.findMany({
    where: { roundId: round.id, status: "ACTIVE", email: { not: null } },
    select: { id: true, referenceCode: true, email: true, locale: true, serviceId: true, givenName: true, familyName: true },
  });
  const serviceById = new Map(services.map((s) => [s.id, s]));
  await enqueueMails(
    tx,
    waiting.flatMap((wish) => {
      const service = serviceById.get(wish.serviceId);
      if (winners.has(wish.referenceCode) || !service) return [];
      return [
        {
          template: "round-not-drawn" as const,
          recipient: wish.email!,
          officeId: round.officeId,
          payload: {
            locale: wish.locale,
            office: officeMailFields(round.office),
            serviceName: localizeService(service, wish.locale).name,
            name: [wish.givenName, wish.familyName].filter(Boolean).join(" ") || undefined,
            referenceCode: wish.referenceCode,
            periodFrom: round.periodFrom,
            periodTo: round.periodTo,
            roundUrl: roundUrl(round.id, wish.locale),
          },
        },
      ];
    }),
  );
}

/** The scheduler's job: every round whose window has closed and that is not drawn yet is drawn, once. */
export async function drawDueRounds(db: Db, { now, leaseMs = DRAW_LEASE_MS }: { now: Date; leaseMs?: number }): Promise<DrawOutcome[]> {
  const due = await db.releaseRound.findMany({
    where: { drawnAt: null, closesAt: { lte: now } },
    orderBy: { closesAt: "asc" },
    select: { id: true },
  });
  const outcomes: DrawOutcome[] = [];
  for (const { id } of due) {
    if (!(await claimDraw(db, id, now, leaseMs))) continue;
    const outcome = await drawClaimedRound(db, id, now, now);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}
