import { fieldError } from "@/lib/server/errors";
import type { ServiceInput, ServiceTranslationInput } from "@/lib/schemas/office";
import type { Tx } from "@/lib/server/db/client";

// What creating and editing a service share: the row's columns, the slug check and the translations.

export function serviceColumns(input: ServiceInput) {
  return {
    slug: input.slug,
    name: input.name,
    description: input.description,
    documents: input.documents,
    durationMinutes: input.durationMinutes,
    extraPersonMinutes: input.extraPersonMinutes,
    maxPersons: input.maxPersons,
    releaseMode: input.releaseMode,
    asksPermitExpiry: input.asksPermitExpiry,
    walkInDayParts: input.walkInDayParts,
  };
}

export async function assertServiceSlugFree(tx: Tx, officeId: string, slug: string, exceptServiceId?: string) {
  const other = await tx.service.findUnique({ where: { officeId_slug: { officeId, slug } }, select: { id: true } });
  if (other && other.id !== exceptServiceId) throw fieldError("slug", "serviceSlugTaken");
}

/**
 * Stores the texts of each language: a translation without a name is removed, so the German text is shown.
 * Returns the locales whose texts changed.
 */
export async function saveTranslations(
  tx: Tx,
  serviceId: string,
  translations: Record<string, ServiceTranslationInput>,
  before: ReadonlyArray<{ locale: string; name: string; description: string | null; documents: string }> = [],
): Promise<string[]> {
  const changed: string[] = [];
  for (const [locale, t] of Object.entries(translations)) {
    const old = before.find((b) => b.locale === locale);
    const data = { name: t.name, description: t.description || null, documents: t.documents };
    if (!t.name) {
      if (old) {
        await tx.serviceTranslation.delete({ where: { serviceId_locale: { serviceId, locale } } });
        changed.push(locale);
      }
      continue;
    }
    if (old && old.name === data.name && old.description === data.description && old.documents === data.documents)
      continue;
    await tx.serviceTranslation.upsert({
      where: { serviceId_locale: { serviceId, locale } },
      create: { serviceId, locale, ...data },
      update: data,
    });
    changed.push(locale);
  }
  return changed;
}
