import type { Db } from "@/lib/server/db/client";
import { isAppError } from "@/lib/server/errors";
import { getActiveOffice, getActiveOfficeAndService } from "./office-catalog";

// Pages turn "not found" into a 404 page; these return null instead of throwing.

export async function findOffice(db: Db, slug: string) {
  try {
    return await getActiveOffice(db, slug);
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}

export async function findOfficeAndService(db: Db, officeSlug: string, serviceSlug: string) {
  try {
    return await getActiveOfficeAndService(db, officeSlug, serviceSlug);
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}
