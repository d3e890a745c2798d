import type { Db, Tx } from "@/lib/server/db/client";
import { defaultLocale } from "@/lib/i18n/routing";
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

/** Every active office, ready or not; the public lists show only those `listBookableOffices` keeps. */
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

/** German is the source language: its texts live on the Service and Office rows themselves. */
export const SOURCE_LOCALE = defaultLocale;

/**
 * The language of an office's own texts (name, authority, address, room): always German, since the data model has
 * no translations for offices. Pages and e-mails mark them as German inside another language.
 */
export const OFFICE_TEXT_LOCALE = SOURCE_LOCALE;

/** The language each text of a localized service is in: the one asked for, or German where it is untranslated. */
export interface ServiceTextLocales {
  name: string;
  description: string;
  documents: string;
}

export type LocalizedService<S> = S & { textLocales: ServiceTextLocales };

/**
 * The service with its name, description and documents in `locale`. Administrators translate per office and field;
 * a field they left empty stays German (the Service row), so a citizen never sees a blank. `textLocales` says which
 * language each text ended up in, so that pages and e-mails can mark a German stand-in as German.
 */
export function localizeService<S extends TranslatableService>(service: S, locale: string): LocalizedService<S> {
  const own = service.translations.find((t) => t.locale === locale);
  const pick = <T extends string | null | undefined>(translated: string | null | undefined, source: T) =>
    translated?.trim() ? { text: translated as string | T, locale } : { text: source as string | T, locale: SOURCE_LOCALE };
  const name = pick(own?.name, service.name);
  const description = pick(own?.description, service.description);
  const documents = pick(own?.documents, service.documents);
  return {
    ...service,
    name: name.text,
    description: description.text,
    documents: documents.text,
    textLocales: { name: name.locale, description: description.locale, documents: documents.locale },
  };
}

export function localizeOffice<O extends { services: TranslatableService[] }>(
  office: O,
  locale: string,
): Omit<O, "services"> & { services: LocalizedService<O["services"][number]>[] } {
  return { ...office, services: office.services.map((s) => localizeService(s, locale)) };
}
