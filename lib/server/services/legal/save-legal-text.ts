import type { LegalTextInput } from "@/lib/schemas/legal";
import { SITE_SCOPE } from "@/lib/schemas/legal";
import { writeAudit } from "@/lib/server/audit";
import { assertCanGlobally, assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

export const LEGAL_AUDIT_ACTIONS = { update: "legal.update", remove: "legal.remove" } as const;

/**
 * Authorises a change of one legal text: the site's texts are the administrators'; an office scope is only the
 * privacy addition of an office the actor may edit (office admins: their own offices). The office is checked
 * after the permission, so an office admin cannot probe which office ids exist.
 */
export async function assertCanEditLegalText(db: Db, actor: Actor, input: Pick<LegalTextInput, "scope" | "kind">) {
  if (input.scope === SITE_SCOPE) {
    assertCanGlobally(actor, "legal:site");
    return { officeId: null };
  }
  assertCanOnOffice(actor, "legal:office", input.scope);
  if (input.kind !== "PRIVACY") throw new AppError("INVALID_INPUT");
  const office = await db.office.findUnique({ where: { id: input.scope }, select: { id: true } });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  return { officeId: office.id };
}

/** Saves (or, with an empty body, removes) one text and records who did it. */
export async function saveLegalText(db: Db, actor: Actor, input: LegalTextInput): Promise<{ removed: boolean }> {
  const { officeId } = await assertCanEditLegalText(db, actor, input);
  const key = { scope: input.scope, kind: input.kind, locale: input.locale };
  const removed = input.body === "";
  await db.$transaction(async (tx) => {
    if (removed) await tx.legalText.deleteMany({ where: key });
    else
      await tx.legalText.upsert({
        where: { scope_kind_locale: key },
        create: { ...key, body: input.body, updatedById: actor.id },
        update: { body: input.body, updatedById: actor.id },
      });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId,
      action: removed ? LEGAL_AUDIT_ACTIONS.remove : LEGAL_AUDIT_ACTIONS.update,
      details: { scope: officeId ? "office" : SITE_SCOPE, kind: input.kind, locale: input.locale, length: input.body.length },
    });
  });
  return { removed };
}
