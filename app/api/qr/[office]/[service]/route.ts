import { apiRoute } from "@/lib/server/api/handler";
import { officeSlugParam, serviceSlugParam } from "@/lib/server/api/params";
import { qrCodeResponse } from "@/lib/server/api/qr-code";
import { apiDb } from "@/lib/server/api/runtime";
import { serviceUrl } from "@/lib/server/services/booking-urls";
import { getActiveOfficeAndService } from "@/lib/server/services/office-catalog";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** QR code of a service's booking page (?format=png|svg). */
export const GET = apiRoute<{ office: string; service: string }>("qr.service", async (request, { params }) => {
  const { office, service } = await getActiveOfficeAndService(
    apiDb(),
    officeSlugParam(params.office),
    serviceSlugParam(params.service),
  );
  return qrCodeResponse(request, serviceUrl(office.slug, service.slug), `qr-${office.slug}-${service.slug}`);
});
