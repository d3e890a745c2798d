import "server-only";
import { createDeviceSchema, type CreateDeviceInput } from "@/lib/schemas/devices";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { fieldError } from "@/lib/server/errors";
import { loadOfficeFor } from "../staff/common";
import { DEVICE_AUDIT, newPairingCode } from "./pairing";

/**
 * Registers a kiosk or a call-up display of the office and returns its first pairing code, the only time the code
 * is readable (it is stored hashed). A display may be limited to some of the office's counters.
 */
export async function createDevice(db: Db, actor: Actor, officeSlug: string, input: CreateDeviceInput, now: Date) {
  const office = await loadOfficeFor(db, actor, officeSlug, "devices:manage");
  const data = createDeviceSchema.parse(input);
  const counterIds = data.kind === "DISPLAY" ? [...new Set(data.counterIds)] : [];
  if (counterIds.length > 0) {
    const known = await db.counter.count({ where: { officeId: office.id, id: { in: counterIds } } });
    if (known !== counterIds.length) throw fieldError("counterIds", "invalid");
  }
  const pairing = newPairingCode(now);
  const device = await db.$transaction(async (tx) => {
    const created = await tx.device.create({
      data: {
        officeId: office.id,
        kind: data.kind,
        name: data.name,
        counterIds: counterIds.join(","),
        pairingCodeHash: pairing.hash,
        pairingExpiresAt: pairing.expiresAt,
        createdById: actor.id,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: office.id,
      action: DEVICE_AUDIT.create,
      details: { deviceId: created.id, kind: data.kind, name: data.name, counters: counterIds.length },
    });
    return created;
  });
  return { device, code: pairing.code, expiresAt: pairing.expiresAt, officeSlug: office.slug, timeZone: office.timeZone };
}
