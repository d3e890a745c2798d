import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { jsonResponse } from "@/lib/server/api/errors";
import { officeList } from "@/lib/server/api/resources";
import { apiDb, apiNow } from "@/lib/server/api/runtime";
import { listBookableOffices } from "@/lib/server/services/office-readiness";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Offices that take online bookings (an active service and clerks within the horizon), with their services and deep links. */
export const GET = apiRoute("offices.list", async (_request, { locale }) => {
  const offices = await listBookableOffices(apiDb(), apiNow());
  // Public catalogue data; a minute of caching spares the database without hiding an administrator's change long.
  return jsonResponse(officeList(offices, locale), { cacheControl: "public, max-age=60", headers: { Vary: "Accept-Language" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
