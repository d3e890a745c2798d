import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { link } from "@/components/ui/styles";
import { wizardStepWithPerson } from "@/lib/server/wizard-page";

type Params = Promise<{ locale: string; office: string; service: string }>;

export async function generateMetadata() {
  const t = await getTranslations("waitlist.titles");
  return { title: t("wished") };
}

/** After the waiting-list step: the wish waits for the citizen to confirm it through the e-mail's link. */
export default async function WishedPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const { office, person } = await wizardStepWithPerson(p);
  const t = await getTranslations("waitlist.wished");
  return (
    <div>
      <div className="mb-6 border-4 border-brand bg-white p-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-4 text-lg">
          {t.rich("mailSent", { email: person.email, b: (chunks) => <bdi className="font-bold">{chunks}</bdi> })}
        </p>
        <p className="mt-2 text-lg font-semibold">{t("countsOnlyConfirmed")}</p>
      </div>
      <h2 className="mb-2 text-xl font-bold">{t("nextTitle")}</h2>
      <ol className="mb-6 list-decimal space-y-2 ps-6">
        <li>{t("next1")}</li>
        <li>{t("next2")}</li>
        <li>{t("next3")}</li>
      </ol>
      <p className="mb-6">{t("noMail")}</p>
      <Link href={`/${office.slug}`} className={link}>
        {t("backToOffice")}
      </Link>
    </div>
  );
}
