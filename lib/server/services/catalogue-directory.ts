import { slugSchema } from "@/lib/schemas/booking";
import type { Db } from "@/lib/server/db/client";
import { listActiveOffices } from "./office-catalog";
import { bookableServiceIds } from "./office-readiness";

// The public directory of the city's services: each catalogue entry with the offices where citizens can book it
// now (the readiness rule of the office directory, judged per service), read per request.

type ActiveOffice = Awaited<ReturnType<typeof listActiveOffices>>[number];
type OfferedService = ActiveOffice["services"][number];

/** An office offering a directory entry, and its address of the service (its wizard's first step). */
export interface DirectoryOffice {
  name: string;
  slug: string;
  serviceSlug: string;
  authority: string;
  street: string;
  postalCode: string;
  locality: string;
}

export interface DirectoryEntry {
  slug: string;
  leikaKey: string | null;
  /** The entry's texts in every language, as the offering services carry them (for `localizeService`). */
  name: string;
  description?: string | null;
  documents: string;
  translations: OfferedService["translations"];
  /** Offices in directory order (department, name). */
  offices: DirectoryOffice[];
}

/** Every catalogue entry that at least one office takes bookings for, with those offices. */
export async function listDirectory(db: Db, now: Date): Promise<DirectoryEntry[]> {
  const offices = await listActiveOffices(db);
  const bookable = await Promise.all(offices.map((office) => bookableServiceIds(db, office, office.services, now)));
  const entries = new Map<string, DirectoryEntry>();
  offices.forEach((office, i) => {
    for (const service of office.services.filter((s) => bookable[i].has(s.id))) {
      const entry = entries.get(service.catalogueServiceId) ?? {
        slug: service.catalogueSlug,
        leikaKey: service.leikaKey,
        name: service.name,
        description: service.description,
        documents: service.documents,
        translations: service.translations,
        offices: [],
      };
      entry.offices.push({
        name: office.name,
        slug: office.slug,
        serviceSlug: service.slug,
        authority: office.authority,
        street: office.street,
        postalCode: office.postalCode,
        locality: office.locality,
      });
      entries.set(service.catalogueServiceId, entry);
    }
  });
  return [...entries.values()];
}

/** One entry of the directory by its city-wide address; null where no office takes bookings for it. */
export async function getDirectoryEntry(db: Db, catalogueSlug: string, now: Date): Promise<DirectoryEntry | null> {
  if (!slugSchema.safeParse(catalogueSlug).success) return null;
  return (await listDirectory(db, now)).find((e) => e.slug === catalogueSlug) ?? null;
}
