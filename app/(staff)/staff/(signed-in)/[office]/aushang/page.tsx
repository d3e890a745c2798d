import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { directionOf, locales } from "@/lib/i18n/routing";
import { loadMessages } from "@/lib/i18n/messages";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { officePoster } from "@/lib/server/services/checkin/poster";

type Params = Promise<{ office: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: "de", namespace: "checkin.poster" });
  return { title: t("title") };
}

/**
 * The door poster to print (A4): its QR code opens the phone check-in page and marks the phone as being at this
 * office, which the manage page's "Jetzt einchecken" asks for. Its headline in every language of the site.
 */
export default async function PosterPage({ params }: { params: Params }) {
  const { office: slug } = await params;
  const staff = await pageStaff();
  const result = await attempt(() => officePoster(getDb(), staff, slug));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { office, qrDataUrl, url } = result.data;
  const t = await getTranslations({ locale: "de", namespace: "checkin.poster" });
  const others = await Promise.all(
    locales
      .filter((l) => l !== "de")
      .map(async (locale) => {
        const messages = (await loadMessages(locale)) as { checkin: { poster: { title: string } } };
        return { locale, title: messages.checkin.poster.title };
      }),
  );
  return (
    <div className="mx-auto max-w-2xl space-y-6 bg-white p-8 text-center print:p-0">
      <p className="text-sm text-muted print:hidden">
        {t("printHint")} <span className="break-all">{url}</span>
      </p>
      <p className="text-2xl font-semibold">{office.name}</p>
      <h1 className="text-5xl font-bold">{t("title")}</h1>
      <img src={qrDataUrl} alt="" width={360} height={360} className="mx-auto" data-testid="poster-qr" />
      <p className="text-2xl">{t("text")}</p>
      <ul className="grid grid-cols-2 gap-2 text-xl" aria-label={t("otherLanguages")}>
        {others.map((o) => (
          <li key={o.locale} lang={o.locale} dir={directionOf(o.locale)}>
            {o.title}
          </li>
        ))}
      </ul>
      <p className="text-xl">{t("noAppointment")}</p>
    </div>
  );
}
