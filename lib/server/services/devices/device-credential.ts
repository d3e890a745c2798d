import "server-only";
import type { Db } from "@/lib/server/db/client";
import { hashToken } from "@/lib/server/security/tokens";

// A paired device carries its credential in an httpOnly cookie of its own kind, so one browser can be a kiosk and a
// display at once (the development demo does this) without either credential reaching the other's pages.

export type DeviceKindName = "KIOSK" | "DISPLAY";

export const DEVICE_COOKIES: Record<DeviceKindName, string> = { KIOSK: "tv_kiosk", DISPLAY: "tv_display" };

/** Cookie lifetime: the credential itself stays valid until revoked; the cookie is renewed on use. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/** The device of this kind for this office whose credential this is, unless revoked. */
export async function deviceByCredential(db: Db, credential: string | undefined | null, kind: DeviceKindName, officeId: string) {
  if (!credential || credential.length > 200) return null;
  const device = await db.device.findUnique({ where: { credentialHash: hashToken(credential) } });
  if (!device || device.revokedAt || device.kind !== kind || device.officeId !== officeId) return null;
  return device;
}
