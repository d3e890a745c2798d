import { randomBytes } from "node:crypto";
import { addDays, localDateOf, zonedInstant } from "@/lib/domain";
import { seedHashOf } from "@/lib/domain/release-draw";
import { createRoundSchema, MAX_ROUND_PERIOD_DAYS, type CreateRoundInput } from "@/lib/schemas/release-round";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError, fieldError } from "@/lib/server/errors";
import { loadOfficeFor } from "../staff/common";

export const ROUND_AUDIT = { create: "round.create", cancel: "round.cancel" } as const;

/** "2026-03-02T08:00" in the office's zone to an instant. */
function officeInstant(localDateTime: string, timeZone: string): Date {
  const [date, time] = localDateTime.split("T");
  const [h, m] = time.split(":").map(Number);
  return new Date(zonedInstant(date, h * 60 + m, timeZone));
}

/**
 * An office head announces a release round: a window in the future for requests and the period whose dates it
 * releases (after the close, inside the booking horizon as it will stand at the close), for one service in
 * release-round mode or for all of them. The secret seed (32 random bytes) is stored with its SHA-256, which is
 * public from now on; the seed itself is published only after the draw.
 */
export async function createRound(db: Db, actor: Actor, officeSlug: string, input: CreateRoundInput, now: Date) {
  const values = createRoundSchema.parse(input);
  const office = await loadOfficeFor(db, actor, officeSlug, "office:settings");
  const roundServices = office.services.filter((s) => s.active && s.releaseMode === "ROUNDS");
  if (values.serviceId && !roundServices.some((s) => s.id === values.serviceId)) throw fieldError("serviceId", "notRoundService");
  if (!values.serviceId && roundServices.length === 0) throw fieldError("serviceId", "noRoundService");

  const opensAt = officeInstant(values.opensAt, office.timeZone);
  const closesAt = officeInstant(values.closesAt, office.timeZone);
  if (opensAt.getTime() <= now.getTime()) throw fieldError("opensAt", "notInFuture");
  if (addDays(values.periodFrom, MAX_ROUND_PERIOD_DAYS - 1) < values.periodTo) throw fieldError("periodTo", "periodTooLong");
  // The winners' appointments are bookings made at the close: the period has to lie inside the horizon then.
  if (values.periodTo > addDays(localDateOf(closesAt, office.timeZone), office.bookingHorizonDays)) {
    throw fieldError("periodTo", "beyondHorizon");
  }

  const seed = randomBytes(32).toString("hex");
  return db.$transaction(async (tx) => {
    const round = await tx.releaseRound.create({
      data: {
        officeId: office.id,
        serviceId: values.serviceId || null,
        opensAt,
        closesAt,
        periodFrom: values.periodFrom,
        periodTo: values.periodTo,
        seed,
        seedHash: seedHashOf(seed),
        createdById: actor.id,
      },
      select: { id: true, seedHash: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: office.id,
      action: ROUND_AUDIT.create,
      details: { roundId: round.id, ...values, serviceId: values.serviceId || null, seedHash: round.seedHash },
    });
    return round;
  });
}

/** Cancels (deletes) a round whose window has not opened yet: nobody can have sent a request. */
export async function cancelRound(db: Db, actor: Actor, officeSlug: string, roundId: string, now: Date): Promise<void> {
  const office = await loadOfficeFor(db, actor, officeSlug, "office:settings");
  await db.$transaction(async (tx) => {
    const { count } = await tx.releaseRound.deleteMany({ where: { id: roundId, officeId: office.id, opensAt: { gt: now } } });
    if (count === 0) throw new AppError("STATUS_CHANGED");
    await writeAudit(tx, { actorId: actor.id, officeId: office.id, action: ROUND_AUDIT.cancel, details: { roundId } });
  });
}
