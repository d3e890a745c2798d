import type { Db, Tx } from "@/lib/server/db/client";
import { slugSchema } from "@/lib/schemas/booking";
import { AppError } from "@/lib/server/errors";

// Read-only lookups of offices and services that take online bookings. Services come with their translations;
// `localizeService` picks the texts of one language.

const activeServices = {
  where: { active: true },
  orderBy: [{ sortOrder: "asc" as const }, { name: "asc" as const }],
  include: { translations: true },
};

/** Prisma `include` of a booking's or closure's service with the texts in every language. */
export const serviceWithTranslations = { include: { translations: true } } as const;

export async function listActiveOffices(db: Db) {
  return db.office.findMany({
    where: { active: true },
    orderBy: [{ department: "asc" }, { name: "asc" }],
    include: { services: activeServices },
  });
}

export async function getActiveOffice(db: Db | Tx, slug: string) {
  // Slugs arrive from URLs and action arguments: anything that cannot be a slug is simply not found.
  if (!slugSchema.safeParse(slug).success) throw new AppError("OFFICE_NOT_FOUND");
  const office = await db.office.findFirst({ where: { slug, active: true }, include: { services: activeServices } });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  return office;
}

export type OfficeWithServices = Awaited<ReturnType<typeof getActiveOffice>>;
export type ServiceRow = OfficeWithServices["services"][number];

export async function getActiveOfficeAndService(db: Db | Tx, officeSlug: string, serviceSlug: string) {
  const office = await getActiveOffice(db, officeSlug);
  const service = office.services.find((s) => s.slug === serviceSlug);
  if (!service) throw new AppError("SERVICE_NOT_FOUND");
  return { office, service };
}

export function documentsOf(service: { documents: string }): string[] {
  return service.documents
    .split("\n")
    .map((d) => d.trim())
    .filter(Boolean);
}

interface ServiceTexts {
  name: string;
  description?: string | null;
  documents: string;
}

export interface TranslatableService extends ServiceTexts {
  translations: (ServiceTexts & { locale: string })[];
}

/**
 * The service with its name, description and documents in `locale`. Administrators translate per office and field;
 * a field they left empty stays German (the Service row), so a citizen never sees a blank.
 */
export function localizeService<S extends TranslatableService>(service: S, locale: string): S {
  const own = service.translations.find((t) => t.locale === locale);
  if (!own) return service;
  return {
    ...service,
    name: own.name.trim() ? own.name : service.name,
    description: own.description?.trim() ? own.description : service.description,
    documents: own.documents.trim() ? own.documents : service.documents,
  };
}

export function localizeOffice<O extends { services: TranslatableService[] }>(office: O, locale: string): O {
  return { ...office, services: office.services.map((s) => localizeService(s, locale)) };
}
