import "server-only";
import { slugSchema } from "@/lib/schemas/booking";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { qrSvgDataUrl } from "@/lib/server/qr";
import { posterToken } from "@/lib/server/security/check-in-tokens";

/** The door poster's link: the office's phone check-in page, through the route that remembers the poster visit. */
export function posterUrl(office: { id: string; slug: string }): string {
  return `${env().APP_URL}/einchecken/${office.slug}/tuer?p=${posterToken(office.id)}`;
}

export function posterQrDataUrl(office: { id: string; slug: string }): Promise<string> {
  return qrSvgDataUrl(posterUrl(office));
}

/** The door poster of an office, for those who may change its settings (its head, an administrator). */
export async function officePoster(db: Db, actor: Actor, officeSlug: string) {
  const office = slugSchema.safeParse(officeSlug).success
    ? await db.office.findUnique({ where: { slug: officeSlug }, select: { id: true, slug: true, name: true, active: true } })
    : null;
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  assertCanOnOffice(actor, "office:settings", office.id);
  return { office, url: posterUrl(office), qrDataUrl: await posterQrDataUrl(office) };
}
