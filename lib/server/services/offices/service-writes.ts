import { parseAppointmentKinds } from "@/lib/domain/demand";
import { fieldError } from "@/lib/server/errors";
import type { ServiceTranslationInput } from "@/lib/schemas/office";
import type { Tx } from "@/lib/server/db/client";

// What creating and editing a service share: the office's columns of its offer, the texts of its catalogue entry,
// the slug checks and the translations.

interface OfferInput {
  slug: string;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
  releaseMode: "FIRST_COME" | "ROUNDS";
  asksPermitExpiry: boolean;
  walkInDayParts: string;
  appointmentKinds: string;
}

/** The office's own columns of its offer of a service. */
export function offerColumns(input: OfferInput) {
  return {
    slug: input.slug,
    durationMinutes: input.durationMinutes,
    extraPersonMinutes: input.extraPersonMinutes,
    maxPersons: input.maxPersons,
    releaseMode: input.releaseMode,
    asksPermitExpiry: input.asksPermitExpiry,
    walkInDayParts: input.walkInDayParts,
    appointmentKinds: input.appointmentKinds,
  };
}

/** The German texts of a catalogue entry, shared by every office that offers it. */
export function textColumns(input: { name: string; description: string | null; documents: string }) {
  return { name: input.name, description: input.description, documents: input.documents };
}

/** The keys of `next` whose values differ from `current`'s. */
export function changedKeys<T extends object>(current: T, next: Partial<T>): string[] {
  return Object.entries(next)
    .filter(([key, value]) => current[key as keyof T] !== value)
    .map(([key]) => key);
}

/** Video appointments need the office's own meeting address: nothing third-party by default. */
export function assertKindsPossible(office: { videoMeetingUrlTemplate: string | null }, appointmentKinds: string) {
  if (parseAppointmentKinds(appointmentKinds).includes("VIDEO") && !office.videoMeetingUrlTemplate)
    throw fieldError("appointmentKinds", "videoWithoutMeetingAddress");
}

export async function assertServiceSlugFree(tx: Tx, officeId: string, slug: string, exceptServiceId?: string) {
  const other = await tx.service.findUnique({ where: { officeId_slug: { officeId, slug } }, select: { id: true } });
  if (other && other.id !== exceptServiceId) throw fieldError("slug", "serviceSlugTaken");
}

/**
 * A city-wide slug for a new catalogue entry: the wished one if free, else with the office's slug appended (as the
 * migration names same-named services of several offices), else numbered.
 */
export async function freeCatalogueSlug(tx: Tx, wished: string, officeSlug: string): Promise<string> {
  const taken = async (slug: string) => (await tx.catalogueService.count({ where: { slug } })) > 0;
  if (!(await taken(wished))) return wished;
  const base = `${wished}-${officeSlug}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}

/**
 * Stores the texts of each language of a catalogue entry: a translation without a name is removed, so the German
 * text is shown. Returns the locales whose texts changed.
 */
export async function saveTranslations(
  tx: Tx,
  catalogueServiceId: string,
  translations: Record<string, ServiceTranslationInput>,
  before: ReadonlyArray<{ locale: string; name: string; description?: string | null; documents: string }> = [],
): Promise<string[]> {
  const changed: string[] = [];
  for (const [locale, t] of Object.entries(translations)) {
    const old = before.find((b) => b.locale === locale);
    const data = { name: t.name, description: t.description || null, documents: t.documents };
    const key = { catalogueServiceId_locale: { catalogueServiceId, locale } };
    if (!t.name) {
      if (old) {
        await tx.serviceTranslation.delete({ where: key });
        changed.push(locale);
      }
      continue;
    }
    if (old && old.name === data.name && (old.description ?? null) === data.description && old.documents === data.documents)
      continue;
    await tx.serviceTranslation.upsert({ where: key, create: { catalogueServiceId, locale, ...data }, update: data });
    changed.push(locale);
  }
  return changed;
}
