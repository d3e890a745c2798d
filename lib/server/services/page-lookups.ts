import { cache } from "react";
import type { Db } from "@/lib/server/db/client";
import { isAppError } from "@/lib/server/errors";
import { getActiveOffice } from "./office-catalog";

// Pages turn "not found" into a 404 page; these return null instead of throwing. Cached per request, so that a
// page and its generateMetadata read the office once.

export const findOffice = cache(async (db: Db, slug: string) => {
  try {
    return await getActiveOffice(db, slug);
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
});

export async function findOfficeAndService(db: Db, officeSlug: string, serviceSlug: string) {
  const office = await findOffice(db, officeSlug);
  const service = office?.services.find((s) => s.slug === serviceSlug);
  return office && service ? { office, service } : null;
}
