import { defaultLocale } from "@/lib/i18n/routing";
import { type LegalKind, type ShownLegalText, SITE_SCOPE } from "@/lib/schemas/legal";
import type { Db } from "@/lib/server/db/client";

// Reading the legal texts for the public pages: the page's language first, German when that has none.

function pick<T extends { locale: string }>(rows: T[], locale: string): T | undefined {
  return rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === defaultLocale);
}

/** The site's text of `kind` in `locale`, falling back to German; null when neither exists. */
export async function siteLegalText(db: Db, kind: LegalKind, locale: string): Promise<ShownLegalText | null> {
  const rows = await db.legalText.findMany({
    where: { scope: SITE_SCOPE, kind, locale: { in: [locale, defaultLocale] } },
    select: { body: true, locale: true, updatedAt: true },
  });
  return pick(rows, locale) ?? null;
}

/**
 * What the privacy page shows per active office: the facts the system itself guarantees (read from the office's
 * settings, so they cannot go out of date) and the office's own addition, if it wrote one.
 */
export async function officePrivacySections(db: Db, locale: string) {
  const offices = await db.office.findMany({
    where: { active: true },
    orderBy: [{ department: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      authority: true,
      street: true,
      postalCode: true,
      locality: true,
      phone: true,
      email: true,
      retentionDays: true,
      reminderHours: true,
      verificationMode: true,
      holdMinutes: true,
    },
  });
  const additions = await db.legalText.findMany({
    where: { scope: { in: offices.map((o) => o.id) }, kind: "PRIVACY", locale: { in: [locale, defaultLocale] } },
    select: { scope: true, body: true, locale: true, updatedAt: true },
  });
  return offices.map((office) => ({
    office,
    addition: pick(
      additions.filter((a) => a.scope === office.id),
      locale,
    ) ?? null,
  }));
}
