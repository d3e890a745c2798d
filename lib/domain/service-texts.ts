// The texts citizens read about a service, in their language where the office translated them. German is the source
// language: its texts live on the Service and Office rows themselves; administrators translate per service and field.

/** The language the offices' and services' own texts are written in (and the site's default language). */
export const SOURCE_LOCALE = "de";

/**
 * The language of an office's own texts (name, authority, address, room): always German, since the data model has
 * no translations for offices. Pages and e-mails mark them as German inside another language.
 */
export const OFFICE_TEXT_LOCALE = SOURCE_LOCALE;

interface ServiceTexts {
  name: string;
  description?: string | null;
  documents: string;
}

export interface TranslatableService extends ServiceTexts {
  translations: (ServiceTexts & { locale: string })[];
}

/** The language each text of a localized service is in: the one asked for, or German where it is untranslated. */
export interface ServiceTextLocales {
  name: string;
  description: string;
  documents: string;
}

export type LocalizedService<S> = S & { textLocales: ServiceTextLocales };

/**
 * The service with its name, description and documents in `locale`. A field the administrators left empty stays
 * German (the Service row), so a citizen never sees a blank. `textLocales` says which language each text ended up in,
 * so that pages and e-mails can mark a German stand-in as German.
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

/** The documents to bring, one per line of the service's text; blank lines and surrounding spaces dropped. */
export function documentsOf(service: { documents: string }): string[] {
  return service.documents
    .split("\n")
    .map((d) => d.trim())
    .filter(Boolean);
}

/**
 * The documents to bring to an appointment for several services: each once, in the services' order, with the
 * language its text is in (the page's, or German where untranslated).
 */
export function documentsOfAll(services: ReadonlyArray<{ documents: string; textLocales: { documents: string } }>): Array<{ text: string; locale: string }> {
  const seen = new Set<string>();
  return services.flatMap((s) =>
    documentsOf(s)
      .filter((text) => !seen.has(text) && Boolean(seen.add(text)))
      .map((text) => ({ text, locale: s.textLocales.documents })),
  );
}
