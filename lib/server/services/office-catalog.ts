import type { Db, Tx } from "@/lib/server/db/client";
import { slugSchema } from "@/lib/schemas/booking";
import { AppError } from "@/lib/server/errors";

// Read-only lookups of offices and services that take online bookings.

export async function listActiveOffices(db: Db) {
  return db.office.findMany({
    where: { active: true },
    orderBy: [{ department: "asc" }, { name: "asc" }],
    include: { services: { where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] } },
  });
}

export async function getActiveOffice(db: Db | Tx, slug: string) {
  // Slugs arrive from URLs and action arguments: anything that cannot be a slug is simply not found.
  if (!slugSchema.safeParse(slug).success) throw new AppError("OFFICE_NOT_FOUND");
  const office = await db.office.findFirst({
    where: { slug, active: true },
    include: { services: { where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] } },
  });
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
