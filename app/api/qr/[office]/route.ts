import { apiRoute } from "@/lib/server/api/handler";
import { officeSlugParam } from "@/lib/server/api/params";
import { qrCodeResponse } from "@/lib/server/api/qr-code";
import { apiDb } from "@/lib/server/api/runtime";
import { officeUrl } from "@/lib/server/services/booking-urls";
import { getActiveOffice } from "@/lib/server/services/office-catalog";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** QR code of an office's booking page (?format=png|svg). */
export const GET = apiRoute<{ office: string }>("qr.office", async (request, { params }) => {
  const office = await getActiveOffice(apiDb(), officeSlugParam(params.office));
  return qrCodeResponse(request, officeUrl(office.slug), `qr-${office.slug}`);
});
