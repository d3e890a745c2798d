import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { createManageToken } from "@/lib/server/security/tokens";
import type { DeviceKindName } from "./device-credential";
import { DEVICE_AUDIT } from "./pairing";

/** The names the development seed gives the demo devices. */
export const DEMO_DEVICE_NAMES: Record<DeviceKindName, string> = { KIOSK: "Demo-Kiosk", DISPLAY: "Demo-Anzeige" };

/**
 * Development only (the page that calls it refuses in production): pairs the browser as the office's demo kiosk or
 * display without a code, creating the device if the seed has not. A fresh credential each time, like re-pairing.
 */
export async function pairDemoDevice(db: Db, officeSlug: string, kind: DeviceKindName, now: Date) {
  const office = await db.office.findUnique({ where: { slug: officeSlug }, select: { id: true, slug: true } });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  const credential = createManageToken();
  const name = DEMO_DEVICE_NAMES[kind];
  await db.$transaction(async (tx) => {
    const existing = await tx.device.findFirst({ where: { officeId: office.id, kind, name, revokedAt: null } });
    const data = { credentialHash: credential.hash, pairingCodeHash: null, pairingExpiresAt: null, pairedAt: now, lastSeenAt: now };
    const device = existing
      ? await tx.device.update({ where: { id: existing.id }, data })
      : await tx.device.create({ data: { officeId: office.id, kind, name, ...data } });
    await writeAudit(tx, { actorId: null, officeId: office.id, action: DEVICE_AUDIT.pair, details: { deviceId: device.id, demo: true } });
  });
  return { credential: credential.token, officeSlug: office.slug };
}
