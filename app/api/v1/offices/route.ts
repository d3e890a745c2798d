import { apiRoute } from "@/lib/server/api/handler";
import { jsonResponse } from "@/lib/server/api/errors";
import { officeResource } from "@/lib/server/api/resources";
import { apiDb } from "@/lib/server/api/runtime";
import { listActiveOffices } from "@/lib/server/services/office-catalog";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Active offices with their address, bookable services and deep links. */
export const GET = apiRoute("offices.list", async (_request, { locale }) => {
  const offices = await listActiveOffices(apiDb());
  // Public catalogue data; a minute of caching spares the database without hiding an administrator's change long.
  return jsonResponse(
    { offices: offices.map((o) => officeResource(o, locale)) },
    { cacheControl: "public, max-age=60", headers: { Vary: "Accept-Language" } },
  );
});
