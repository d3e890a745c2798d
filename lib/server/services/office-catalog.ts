import type { Db, Tx } from "@/lib/server/db/client";
import { cachedConfig, readConfigRevision } from "@/lib/server/db/config-cache";
import { type LocalizedService, localizeService, type TranslatableService } from "@/lib/domain/service-texts";
import { slugSchema } from "@/lib/schemas/booking";
import { AppError } from "@/lib/server/errors";
import { furtherServicesOrder } from "./availability";
import { catalogueTexts, officeWithTexts, serviceListOrder } from "./service-texts";

// Read-only lookups of offices and services that take online bookings. Services come with their translations;
// `localizeService` (lib/domain) picks the texts of one language.

const activeServices = {
  where: { active: true },
  orderBy: serviceListOrder,
  include: catalogueTexts,
};

/** Prisma `include` of a booking's or closure's service with the texts in every language (flatten with `withTexts`). */
export const serviceWithTranslations = { include: catalogueTexts } as const;

/**
 * Prisma `include` of a booking's further services in their order, with their texts (flatten with
 * `withBookingServiceTexts`); read with `kind` by `shapeOfBooking`.
 */
export const furtherServicesWithTranslations = { ...furtherServicesOrder, include: { service: serviceWithTranslations } } as const;

/** Every active office, ready or not; the public lists show only those `listBookableOffices` keeps. */
export async function listActiveOffices(db: Db) {
  const offices = await db.office.findMany({
    where: { active: true },
    orderBy: [{ department: "asc" }, { name: "asc" }],
    include: { services: activeServices },
  });
  return offices.map(officeWithTexts);
}

export async function getActiveOffice(db: Db | Tx, slug: string) {
  // Slugs arrive from URLs and action arguments: anything that cannot be a slug is simply not found.
  if (!slugSchema.safeParse(slug).success) throw new AppError("OFFICE_NOT_FOUND");
  const office = await db.office.findFirst({ where: { slug, active: true }, include: { services: activeServices } });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  return officeWithTexts(office);
}

export type OfficeWithServices = Awaited<ReturnType<typeof getActiveOffice>>;
export type ServiceRow = OfficeWithServices["services"][number];

export async function getActiveOfficeAndService(db: Db | Tx, officeSlug: string, serviceSlug: string) {
  return serviceOf(await getActiveOffice(db, officeSlug), serviceSlug);
}

/**
 * getActiveOfficeAndService through the configuration cache (lib/server/db/config-cache.ts), with the revision it was
 * valid under, which the caller passes on so that the schedule comes from the cache too (`configRevision`).
 */
export async function cachedOfficeAndService(db: Db, officeSlug: string, serviceSlug: string) {
  const configRevision = await readConfigRevision(db);
  const office = await cachedConfig(db, configRevision, `office:${officeSlug}`, () => getActiveOffice(db, officeSlug));
  return { ...serviceOf(office, serviceSlug), configRevision };
}

/** The office with its active service `serviceSlug`; SERVICE_NOT_FOUND when it offers none by that slug. */
export function serviceOf(office: OfficeWithServices, serviceSlug: string) {
  const service = office.services.find((s) => s.slug === serviceSlug);
  if (!service) throw new AppError("SERVICE_NOT_FOUND");
  return { office, service };
}

export function localizeOffice<O extends { services: TranslatableService[] }>(
  office: O,
  locale: string,
): Omit<O, "services"> & { services: LocalizedService<O["services"][number]>[] } {
  return { ...office, services: office.services.map((s) => localizeService(s, locale)) };
}
