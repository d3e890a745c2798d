import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { link } from "@/components/ui/styles";
import type { ReadinessChecklist as Checklist } from "@/lib/domain/readiness";
import type { LegalKind } from "@/lib/schemas/legal";

type Item = "service" | "capacity" | "legal" | "sender";

/**
 * What an office still needs before citizens can book it, each point with the place to fix it. Service and
 * capacity decide whether it is in the public directory; legal texts and the sender are checked so that nothing is
 * forgotten before the start. Done and missing are said in words, not by colour alone.
 */
export async function ReadinessChecklist({
  office,
  readiness,
}: {
  office: { slug: string; active: boolean; bookingHorizonDays: number; senderName: string | null; replyTo: string | null };
  readiness: Checklist & { missingLegalTexts: LegalKind[] };
}) {
  const t = await getTranslations("admin.office.readiness");
  const legalNames = await getTranslations("legal.pages");
  const format = await getFormatter();
  const days = office.bookingHorizonDays;

  const items: Array<{ item: Item; done: boolean; required: boolean; text: string; href: string; action: string }> = [
    {
      item: "service",
      done: readiness.service,
      required: true,
      text: readiness.service ? t("service.done") : t("service.missing"),
      href: "#leistungen",
      action: t("service.action"),
    },
    {
      item: "capacity",
      done: readiness.capacity,
      required: true,
      text: readiness.capacity ? t("capacity.done", { days }) : t("capacity.missing", { days }),
      href: `/staff/${office.slug}/kalender`,
      action: t("capacity.action"),
    },
    {
      item: "legal",
      done: readiness.legal,
      required: false,
      text: readiness.legal
        ? t("legal.done")
        : t("legal.missing", { texts: format.list(readiness.missingLegalTexts.map((kind) => legalNames(kind))) }),
      href: "/staff/verwaltung/rechtstexte",
      action: t("legal.action"),
    },
    {
      item: "sender",
      done: readiness.sender,
      required: false,
      text: readiness.sender
        ? t("sender.done", { name: office.senderName ?? "", replyTo: office.replyTo ?? "" })
        : t("sender.missing"),
      href: "#senderName",
      action: t("sender.action"),
    },
  ];

  const summary = !office.active ? t("inactive") : readiness.bookable ? t("bookable") : t("notBookable");
  return (
    <section aria-labelledby="readiness-title" className="space-y-3 rounded border border-line bg-white p-4">
      <h2 id="readiness-title" className="text-2xl font-bold">
        {t("title")}
      </h2>
      <p className="text-lg">{summary}</p>
      <ul className="space-y-3">
        {items.map(({ item, done, required, text, href, action }) => (
          <li key={item} className={`border-s-8 p-3 ${done ? "border-success" : required ? "border-error" : "border-brand"}`}>
            <h3 className="font-bold">
              <span aria-hidden="true" className="me-2">
                {done ? "✓" : "✗"}
              </span>
              {t(`${item}.title`)}: {done ? t("done") : required ? t("missing") : t("open")}
            </h3>
            <p>{text}</p>
            {!done && (
              <Link href={href} className={`inline-flex min-h-11 items-center ${link}`}>
                {action}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
