import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { officeSlugParam, serviceSlugParam } from "@/lib/server/api/params";
import { serviceRounds } from "@/lib/server/api/resources";
import { apiDb, apiNow } from "@/lib/server/api/runtime";
import { getActiveOfficeAndService } from "@/lib/server/services/office-catalog";
import { roundInfoForService } from "@/lib/server/services/rounds/round-info";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { office: string; service: string };

/** What the service's public page says about release rounds: the next window, its places, the last round's requests. */
export const GET = apiRoute<Params>("services.rounds", async (_request, { params }) => {
  const db = apiDb();
  const { office, service } = await getActiveOfficeAndService(db, officeSlugParam(params.office), serviceSlugParam(params.service));
  const info = await roundInfoForService(db, office, service, apiNow());
  return jsonResponse(serviceRounds(office, service, info));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
