import { carriesWhiteText, isHexColour } from "@/lib/domain/contrast";
import type { BrandingInput } from "@/lib/schemas/branding";
import { writeAudit } from "@/lib/server/audit";
import { assertCanGlobally, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { fieldError } from "@/lib/server/errors";
import { checkLogoFile } from "@/lib/server/security/logo-file";
import { BRANDING_ID, readBranding } from "./read-branding";

export const BRANDING_AUDIT_ACTION = "branding.update";

/**
 * Checks an upload for the branding form: null when none was chosen (an empty file input), else the sanitised
 * logo, or a refusal of the field "logo". Run before anything is written, also for a preview.
 */
export function acceptLogoUpload(upload: Uint8Array | null): { bytes: Uint8Array; type: string } | null {
  if (!upload || upload.length === 0) return null;
  const logo = checkLogoFile(upload);
  if (!logo.ok) throw fieldError("logo", logo.reason);
  return { bytes: logo.bytes, type: logo.type };
}

/**
 * Saves the city's look (administrators only). `upload` replaces the logo; `removeLogo` drops it. A logo needs its
 * text alternative. Empty fields are stored as "not set", so the site falls back to its neutral default for them.
 */
export async function saveBranding(db: Db, actor: Actor, input: BrandingInput, upload: Uint8Array | null = null) {
  assertCanGlobally(actor, "branding:manage");
  // The form's schema refuses it already; the rule holds for every caller of the use case.
  if (input.primaryColor && !(isHexColour(input.primaryColor) && carriesWhiteText(input.primaryColor))) {
    throw fieldError("primaryColor", "contrastTooLow");
  }
  const logo = acceptLogoUpload(upload);
  return db.$transaction(async (tx) => {
    const before = await readBranding(tx);
    const keepsLogo = logo !== null || (before?.logo != null && !input.removeLogo);
    if (keepsLogo && input.logoAlt === "") throw fieldError("logoAlt", "logoAltRequired");
    const fields = {
      cityName: input.cityName || null,
      siteTitle: input.siteTitle || null,
      primaryColor: input.primaryColor || null,
      footerContact: input.footerContact || null,
      logoAlt: keepsLogo ? input.logoAlt : null,
      ...(logo ? { logo: logo.bytes as Uint8Array<ArrayBuffer>, logoType: logo.type } : keepsLogo ? {} : { logo: null, logoType: null }),
    };
    await tx.branding.upsert({ where: { id: BRANDING_ID }, create: { id: BRANDING_ID, ...fields }, update: fields });
    const previous = {
      cityName: before?.cityName ?? null,
      siteTitle: before?.siteTitle ?? null,
      primaryColor: before?.primaryColor ?? null,
      footerContact: before?.footerContact ?? null,
      logoAlt: before?.logo?.alt ?? null,
    };
    const changed = (Object.keys(previous) as Array<keyof typeof previous>).filter((key) => previous[key] !== fields[key]);
    await writeAudit(tx, {
      actorId: actor.id,
      action: BRANDING_AUDIT_ACTION,
      details: {
        changed,
        logo: logo ? "replaced" : keepsLogo ? "kept" : before?.logo ? "removed" : "none",
        ...(logo ? { logoType: logo.type, logoBytes: logo.bytes.length } : {}),
        primaryColor: fields.primaryColor,
      },
    });
    return { logo: logo ? "replaced" : keepsLogo ? "kept" : "none" };
  });
}
