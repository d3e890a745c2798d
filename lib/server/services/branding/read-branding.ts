import type { MailBranding } from "@/emails/payloads";
import type { SiteBranding } from "@/lib/schemas/branding";
import type { Db, Tx } from "@/lib/server/db/client";

// The city's look as every page, e-mail and screen reads it. One row ("site"); without it, or with a field left
// empty, the neutral default of the installation stays.

export const BRANDING_ID = "site";

/** Paths of the generated stylesheet and the logo; the version in the query lets browsers keep them for a year. */
export const BRANDING_STYLESHEET_PATH = "/branding.css";
export const BRANDING_LOGO_PATH = "/api/branding/logo";

/** A short token that changes with every save. */
export function brandingVersion(updatedAt: Date): string {
  return updatedAt.getTime().toString(36);
}

/** The branding without the logo's bytes, or null when none was ever saved. */
export async function readBranding(db: Db | Tx): Promise<SiteBranding | null> {
  const row = await db.branding.findUnique({
    where: { id: BRANDING_ID },
    select: { cityName: true, siteTitle: true, primaryColor: true, footerContact: true, logoType: true, logoAlt: true, updatedAt: true },
  });
  if (!row) return null;
  const version = brandingVersion(row.updatedAt);
  return {
    cityName: row.cityName || null,
    siteTitle: row.siteTitle || null,
    primaryColor: row.primaryColor || null,
    footerContact: row.footerContact || null,
    logo: row.logoType ? { url: `${BRANDING_LOGO_PATH}?v=${version}`, alt: row.logoAlt ?? "", type: row.logoType } : null,
    version,
  };
}

/** The stored logo with its type and version, or null. */
export async function readBrandingLogo(db: Db): Promise<{ bytes: Uint8Array; type: string; version: string } | null> {
  const row = await db.branding.findUnique({ where: { id: BRANDING_ID }, select: { logo: true, logoType: true, updatedAt: true } });
  if (!row?.logo || !row.logoType) return null;
  return { bytes: new Uint8Array(row.logo), type: row.logoType, version: brandingVersion(row.updatedAt) };
}

/**
 * The branding as an e-mail payload carries it (emails/payloads.ts): absolute addresses, the logo as a PNG, and
 * only what is set. Undefined without a branding, so that e-mails keep their neutral look.
 */
export async function mailBranding(db: Db | Tx, appUrl: string): Promise<MailBranding> {
  const branding = await readBranding(db);
  if (!branding) return undefined;
  return {
    ...(branding.cityName ? { cityName: branding.cityName } : {}),
    ...(branding.primaryColor ? { primaryColor: branding.primaryColor } : {}),
    ...(branding.logo ? { logo: { url: `${appUrl}${branding.logo.url}&format=png`, alt: branding.logo.alt } } : {}),
  };
}
