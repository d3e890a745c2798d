import type { TranslatableService } from "@/lib/domain/service-texts";
import type { Db } from "@/lib/server/db/client";

// A service's texts (name, description, documents, translations) belong to its entry in the city's catalogue, defined
// once for every office that offers it. Reads that show a service include the entry and flatten it onto the office's
// service row, so pages, e-mails and `localizeService` read `service.name` as before.

/** Prisma `include` of a service's catalogue entry with the texts in every language. */
export const catalogueTexts = { catalogueService: { include: { translations: true } } } as const;

/** Prisma `select` of only the German name of a service, through its catalogue entry. */
export const catalogueName = { catalogueService: { select: { name: true } } } as const;

/** Prisma `orderBy` of an office's services as the office lists them: its own order, then by name. */
export const serviceListOrder = [{ sortOrder: "asc" as const }, { catalogueService: { name: "asc" as const } }];

interface CatalogueEntry extends TranslatableService {
  id: string;
  description: string | null;
  slug: string;
  leikaKey: string | null;
}

export type WithTexts<S> = Omit<S, "catalogueService"> & {
  name: string;
  description: string | null;
  documents: string;
  translations: TranslatableService["translations"];
  catalogueSlug: string;
  leikaKey: string | null;
};

/** The service with its catalogue entry's texts as its own fields. */
export function withTexts<S extends { catalogueService: CatalogueEntry }>(service: S): WithTexts<S> {
  const { catalogueService: entry, ...rest } = service;
  return {
    ...rest,
    name: entry.name,
    description: entry.description,
    documents: entry.documents,
    translations: entry.translations,
    catalogueSlug: entry.slug,
    leikaKey: entry.leikaKey,
  };
}

/** The record (a booking, wish or closure) with its service's catalogue texts flattened onto the service. */
export function withServiceTexts<R extends { service: Parameters<typeof withTexts>[0] }>(
  record: R,
): Omit<R, "service"> & { service: WithTexts<R["service"]> } {
  return { ...record, service: withTexts(record.service) };
}

/** A booking with its first and its further services' catalogue texts flattened onto each service. */
export function withBookingServiceTexts<
  R extends { service: Parameters<typeof withTexts>[0]; extraServices: Array<{ service: Parameters<typeof withTexts>[0] }> },
>(
  record: R,
): Omit<R, "service" | "extraServices"> & {
  service: WithTexts<R["service"]>;
  extraServices: Array<Omit<R["extraServices"][number], "service"> & { service: WithTexts<R["extraServices"][number]["service"]> }>;
} {
  // Generic spreads do not narrow: the shape is the declared return type.
  return {
    ...record,
    service: withTexts(record.service),
    extraServices: record.extraServices.map((e) => ({ ...e, service: withTexts(e.service) })),
  } as unknown as ReturnType<typeof withBookingServiceTexts<R>>;
}

/** The office with its services' catalogue texts flattened onto each service. */
export function officeWithTexts<O extends { services: Parameters<typeof withTexts>[0][] }>(
  office: O,
): Omit<O, "services"> & { services: WithTexts<O["services"][number]>[] } {
  return { ...office, services: office.services.map(withTexts) };
}

/** The German name of a service read with `catalogueName`. */
export function nameOf(service: { catalogueService: { name: string } }): string {
  return service.catalogueService.name;
}

/** Every service of an office, active or not, by id, German name and state, in the office's order (staff lists). */
export async function officeServiceNames(db: Db, officeId: string): Promise<{ id: string; name: string; active: boolean }[]> {
  const services = await db.service.findMany({
    where: { officeId },
    orderBy: serviceListOrder,
    select: { id: true, active: true, ...catalogueName },
  });
  return services.map(withName);
}

/** A service read with `catalogueName`, its German name as its own `name`. */
export function withName<S extends { catalogueService: { name: string } }>(
  service: S,
): Omit<S, "catalogueService"> & { name: string } {
  const { catalogueService, ...rest } = service;
  return { ...rest, name: catalogueService.name };
}
