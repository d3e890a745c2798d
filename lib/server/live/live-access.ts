import "server-only";
import { canOnOffice } from "@/lib/server/auth/permissions";
import { currentStaff } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/client";
import { pairedDevice, displayCounterIds } from "@/lib/server/services/devices/device-access";
import { DEVICE_COOKIES, deviceByCredential } from "@/lib/server/services/devices/device-credential";
import { slugSchema } from "@/lib/schemas/booking";

/** Who may follow an office's calls live: a display paired to that office, or its staff (the counter screen). */
export interface LiveAccess {
  office: { id: string; slug: string; timeZone: string };
  /** The counters shown (empty: all). */
  counterIds: string[];
  /** Asked again before each update: a device revoked meanwhile loses its open stream. */
  stillAllowed(): Promise<boolean>;
}

/** The DISPLAY credential cookie of the request, if any. */
export function displayCredentialOf(request: Request): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  const name = DEVICE_COOKIES.DISPLAY;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

export async function liveAccess(db: Db, request: Request, officeSlug: string, now: Date): Promise<LiveAccess | null> {
  if (!slugSchema.safeParse(officeSlug).success) return null;
  const credential = displayCredentialOf(request);
  const paired = credential ? await pairedDevice(db, credential, "DISPLAY", officeSlug, now) : null;
  if (paired) {
    const { office, device } = paired;
    return {
      office: { id: office.id, slug: office.slug, timeZone: office.timeZone },
      counterIds: displayCounterIds(device),
      stillAllowed: async () => (await deviceByCredential(db, credential, "DISPLAY", office.id)) !== null,
    };
  }
  const staff = await currentStaff(now);
  if (!staff) return null;
  const office = await db.office.findUnique({ where: { slug: officeSlug }, select: { id: true, slug: true, timeZone: true } });
  if (!office || !canOnOffice(staff, "bookings:work", office.id)) return null;
  // The session is checked once per stream; it ends with the page anyway.
  return { office, counterIds: [], stillAllowed: async () => true };
}
