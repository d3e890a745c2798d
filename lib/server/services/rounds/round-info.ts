import { type DrawRecord, type DrawVerification, releasedTimes, verifyDrawRecord } from "@/lib/domain/release-draw";
import { roundIdSchema, type RoundPhase, type ServiceRoundInfo } from "@/lib/schemas/release-round";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { loadAvailability } from "../availability";
import { catalogueName, nameOf } from "../service-texts";
import { loadOfficeFor } from "../staff/common";

// What staff and the public see of release rounds. Nothing here writes.

export function roundPhase(round: { opensAt: Date; closesAt: Date; drawnAt: Date | null }, now: Date): RoundPhase {
  if (round.drawnAt) return "drawn";
  if (now < round.opensAt) return "announced";
  return now < round.closesAt ? "open" : "closed";
}

/** Requests confirmed so far (before the draw: what will count, duplicates not yet removed). */
function confirmedRequests(db: Db, roundId: string) {
  return db.wish.count({ where: { roundId, confirmedAt: { not: null }, status: { in: ["ACTIVE", "BOOKED"] } } });
}

/** The office's rounds, newest window first, for its heads. */
export async function listRounds(db: Db, actor: Actor, officeSlug: string, now: Date) {
  const office = await loadOfficeFor(db, actor, officeSlug, "office:settings");
  const rounds = await db.releaseRound.findMany({
    where: { officeId: office.id },
    orderBy: { opensAt: "desc" },
    take: 100,
    include: { service: { select: catalogueName } },
  });
  return {
    office,
    roundServices: office.services.filter((s) => s.active && s.releaseMode === "ROUNDS").map((s) => ({ id: s.id, name: s.name })),
    rounds: await Promise.all(
      rounds.map(async (r) => ({
        id: r.id,
        serviceName: r.service ? nameOf(r.service) : null,
        opensAt: r.opensAt,
        closesAt: r.closesAt,
        periodFrom: r.periodFrom,
        periodTo: r.periodTo,
        seedHash: r.seedHash,
        phase: roundPhase(r, now),
        requests: r.drawnAt ? r.requestCount : await confirmedRequests(db, r.id),
        places: r.placeCount,
        assigned: r.assignedCount,
      })),
    ),
  };
}

/** Places the round's period releases for the service as things stand (the draw counts again at the close). */
async function placesFor(
  db: Db,
  office: Parameters<typeof loadAvailability>[1]["office"],
  service: Parameters<typeof loadAvailability>[1]["service"],
  round: { periodFrom: string; periodTo: string },
  now: Date,
): Promise<number> {
  const input = await loadAvailability(db, {
    office: { ...office, bypassReleaseRounds: true },
    service,
    persons: 1,
    now,
    from: round.periodFrom,
    to: round.periodTo,
    access: "public",
  });
  return releasedTimes({ ...input, services: [input.service], periodFrom: round.periodFrom, periodTo: round.periodTo }).length;
}

/**
 * For the public page of a service in release-round mode: the next window (the open one, else the next announced),
 * how many appointments it releases, and how many requests the last drawn round had.
 */
export async function roundInfoForService(
  db: Db,
  office: Parameters<typeof loadAvailability>[1]["office"],
  service: Parameters<typeof loadAvailability>[1]["service"] & { releaseMode: string },
  now: Date,
): Promise<ServiceRoundInfo | null> {
  if (service.releaseMode !== "ROUNDS") return null;
  const covering = { officeId: office.id, OR: [{ serviceId: service.id }, { serviceId: null }] };
  const [next, last] = await Promise.all([
    db.releaseRound.findFirst({ where: { ...covering, closesAt: { gt: now }, drawnAt: null }, orderBy: { opensAt: "asc" } }),
    db.releaseRound.findFirst({ where: { ...covering, drawnAt: { not: null } }, orderBy: { closesAt: "desc" } }),
  ]);
  return {
    next: next
      ? {
          id: next.id,
          opensAt: next.opensAt,
          closesAt: next.closesAt,
          periodFrom: next.periodFrom,
          periodTo: next.periodTo,
          open: next.opensAt <= now,
          places: await placesFor(db, office, service, next, now),
        }
      : null,
    lastRequestCount: last ? last.requestCount : null,
  };
}

/** The public page of a round: the seed hash from the start; the seed and the record once drawn. */
export async function getPublicRound(db: Db, roundId: string, now: Date) {
  if (!roundIdSchema.safeParse(roundId).success) return null;
  const round = await db.releaseRound.findUnique({
    where: { id: roundId },
    include: { office: { select: { name: true, slug: true, timeZone: true, active: true } }, service: { select: { slug: true, ...catalogueName } } },
  });
  if (!round || !round.office.active) return null;
  const drawn = round.drawnAt !== null;
  return {
    id: round.id,
    office: { name: round.office.name, slug: round.office.slug, timeZone: round.office.timeZone },
    serviceName: round.service ? nameOf(round.service) : null,
    serviceSlug: round.service?.slug ?? null,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    periodFrom: round.periodFrom,
    periodTo: round.periodTo,
    seedHash: round.seedHash,
    phase: roundPhase(round, now),
    drawnAt: round.drawnAt,
    // The secret stays secret until the draw is done.
    seed: drawn ? round.seed : null,
    requestCount: drawn ? round.requestCount : await confirmedRequests(db, round.id),
    placeCount: round.placeCount,
    assignedCount: round.assignedCount,
    drawRecord: drawn ? round.drawRecord : null,
  };
}

/**
 * The dry run staff may start after the draw: recomputes the assignment from the published record with the same
 * domain code and compares; writes nothing.
 */
export async function dryRunDraw(db: Db, actor: Actor, officeSlug: string, roundId: string): Promise<DrawVerification & { assigned: number }> {
  const office = await loadOfficeFor(db, actor, officeSlug, "office:settings");
  const round = await db.releaseRound.findFirst({ where: { id: roundId, officeId: office.id }, select: { drawRecord: true, drawnAt: true, seedHash: true } });
  if (!round) throw new AppError("STATUS_CHANGED");
  if (!round.drawnAt || !round.drawRecord) throw new AppError("STATUS_NOT_ALLOWED");
  const record = JSON.parse(round.drawRecord) as DrawRecord;
  return { ...verifyDrawRecord(record, round.seedHash), assigned: record.assignment.length };
}
