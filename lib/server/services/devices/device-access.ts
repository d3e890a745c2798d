import "server-only";
import { slugSchema } from "@/lib/schemas/booking";
import type { Db } from "@/lib/server/db/client";
import { deviceByCredential, type DeviceKindName } from "./device-credential";

/** lastSeenAt is written at most this often per device: a display polls every second when the stream is down. */
const SEEN_EVERY_MS = 60_000;

/**
 * The office (by slug) and the paired, unrevoked device of this kind for it whose credential this is, or null. Marks
 * the device as seen. A credential is good for its own office and kind only.
 */
export async function pairedDevice(db: Db, credential: string | undefined | null, kind: DeviceKindName, officeSlug: string, now: Date) {
  if (!credential || !slugSchema.safeParse(officeSlug).success) return null;
  const office = await db.office.findUnique({ where: { slug: officeSlug } });
  if (!office) return null;
  const device = await deviceByCredential(db, credential, kind, office.id);
  if (!device) return null;
  if (!device.lastSeenAt || now.getTime() - device.lastSeenAt.getTime() > SEEN_EVERY_MS) {
    await db.device.update({ where: { id: device.id }, data: { lastSeenAt: now } });
  }
  return { device, office };
}

/** The counter ids a display is limited to (empty: all). */
export function displayCounterIds(device: { counterIds: string }): string[] {
  return device.counterIds.split(",").filter(Boolean);
}
