import { cache } from "react";
import { getLocale } from "next-intl/server";
import type { Db } from "@/lib/server/db/client";
import { isAppError } from "@/lib/server/errors";
import { getActiveOffice, localizeOffice } from "./office-catalog";

// Pages turn "not found" into a 404 page; these return null instead of throwing. Cached per request, so that a
// page and its generateMetadata read the office once. Service texts are in the page's language.

const findOfficeIn = cache(async (db: Db, slug: string, locale: string) => {
  try {
    return localizeOffice(await getActiveOffice(db, slug), locale);
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
});

export async function findOffice(db: Db, slug: string) {
  return findOfficeIn(db, slug, await getLocale());
}

export async function findOfficeAndService(db: Db, officeSlug: string, serviceSlug: string) {
  const office = await findOffice(db, officeSlug);
  const service = office?.services.find((s) => s.slug === serviceSlug);
  return office && service ? { office, service } : null;
}
