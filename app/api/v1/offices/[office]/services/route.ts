import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { jsonResponse } from "@/lib/server/api/errors";
import { officeSlugParam } from "@/lib/server/api/params";
import { serviceList } from "@/lib/server/api/resources";
import { apiDb } from "@/lib/server/api/runtime";
import { getActiveOffice } from "@/lib/server/services/office-catalog";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The bookable services of one office. */
export const GET = apiRoute<{ office: string }>("offices.services", async (_request, { params, locale }) => {
  const office = await getActiveOffice(apiDb(), officeSlugParam(params.office));
  return jsonResponse(serviceList(office, locale), { cacheControl: "public, max-age=60", headers: { Vary: "Accept-Language" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
