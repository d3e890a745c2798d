import { locales } from "@/lib/i18n/routing";
import { LEGAL_KINDS, type LegalKind, SITE_SCOPE } from "@/lib/schemas/legal";
import { type Actor, canGlobally, canOnOffice } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { officesOf } from "../staff-offices";
import { assertCanEditLegalText } from "./save-legal-text";

export interface EditableLegalText {
  scope: string;
  kind: LegalKind;
  locale: string;
  body: string;
  updatedAt: Date | null;
}

export interface EditableOffice {
  id: string;
  name: string;
  texts: EditableLegalText[];
}

/**
 * Everything the actor may edit, with the current texts: the site's three texts in every language for
 * administrators, and the privacy addition of each office the actor may edit. Empty for clerks.
 */
export async function listEditableLegalTexts(db: Db, actor: Actor) {
  const site = canGlobally(actor, "legal:site");
  const offices = (await officesOf(db, actor)).filter((o) => canOnOffice(actor, "legal:office", o.id));
  const scopes = [...(site ? [SITE_SCOPE] : []), ...offices.map((o) => o.id)];
  const rows = await db.legalText.findMany({ where: { scope: { in: scopes } } });
  const text = (scope: string, kind: LegalKind, locale: string): EditableLegalText => {
    const row = rows.find((r) => r.scope === scope && r.kind === kind && r.locale === locale);
    return { scope, kind, locale, body: row?.body ?? "", updatedAt: row?.updatedAt ?? null };
  };
  return {
    site: site ? LEGAL_KINDS.flatMap((kind) => locales.map((locale) => text(SITE_SCOPE, kind, locale))) : [],
    offices: offices.map(
      (o): EditableOffice => ({ id: o.id, name: o.name, texts: locales.map((locale) => text(o.id, "PRIVACY", locale)) }),
    ),
  };
}

/** One text for the editor, after the same authorisation as saving; `officeName` names an office scope. */
export async function editableLegalText(db: Db, actor: Actor, key: { scope: string; kind: LegalKind; locale: string }) {
  const { officeId } = await assertCanEditLegalText(db, actor, key);
  const office = officeId ? await db.office.findUnique({ where: { id: officeId }, select: { name: true } }) : null;
  const row = await db.legalText.findUnique({ where: { scope_kind_locale: key } });
  return { ...key, body: row?.body ?? "", updatedAt: row?.updatedAt ?? null, officeName: office?.name ?? null };
}
