import "server-only";
import { deviceIdSchema } from "@/lib/schemas/devices";
import { writeAudit } from "@/lib/server/audit";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { DEVICE_AUDIT, newPairingCode } from "./pairing";

// An office admin's changes to a registered device: a new pairing code, revoking it.

/** The device behind an id from a form, for an actor who manages devices of its office; anything else FORBIDDEN. */
async function deviceFor(db: Db, actor: Actor, deviceId: unknown) {
  const id = deviceIdSchema.safeParse(deviceId);
  // Unknown ids are refused like another office's device: nothing about them is revealed.
  const device = id.success ? await db.device.findUnique({ where: { id: id.data }, include: { office: { select: { slug: true, timeZone: true } } } }) : null;
  if (!device) throw new AppError("FORBIDDEN");
  assertCanOnOffice(actor, "devices:manage", device.officeId);
  return device;
}

/**
 * A new one-time pairing code for a device (a replaced tablet, a cleared browser). Pairing with it replaces the
 * device's credential; until then the old one keeps working. A revoked device stays revoked: register a new one.
 */
export async function renewPairingCode(db: Db, actor: Actor, deviceId: unknown, now: Date) {
  const device = await deviceFor(db, actor, deviceId);
  if (device.revokedAt) throw new AppError("STATUS_NOT_ALLOWED");
  const pairing = newPairingCode(now);
  await db.$transaction(async (tx) => {
    await tx.device.update({ where: { id: device.id }, data: { pairingCodeHash: pairing.hash, pairingExpiresAt: pairing.expiresAt } });
    await writeAudit(tx, { actorId: actor.id, officeId: device.officeId, action: DEVICE_AUDIT.pairingCode, details: { deviceId: device.id } });
  });
  return { device, code: pairing.code, expiresAt: pairing.expiresAt, officeSlug: device.office.slug, timeZone: device.office.timeZone };
}

/** Revokes a device: its credential and any open pairing code stop working at once, on every instance. */
export async function revokeDevice(db: Db, actor: Actor, deviceId: unknown, now: Date) {
  const device = await deviceFor(db, actor, deviceId);
  if (device.revokedAt) return { device, officeSlug: device.office.slug };
  await db.$transaction(async (tx) => {
    await tx.device.update({
      where: { id: device.id },
      data: { revokedAt: now, credentialHash: null, pairingCodeHash: null, pairingExpiresAt: null },
    });
    await writeAudit(tx, { actorId: actor.id, officeId: device.officeId, action: DEVICE_AUDIT.revoke, details: { deviceId: device.id } });
  });
  return { device, officeSlug: device.office.slug };
}
