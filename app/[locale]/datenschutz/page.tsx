import { getTranslations, setRequestLocale } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("common.privacy");
  return { title: t("title") };
}

const SECTIONS = ["purpose", "retention", "recipients", "rights", "cookies"] as const;

export default async function PrivacyPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("common.privacy");
  return (
    <article className="space-y-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("controller")}</p>
      {SECTIONS.map((s) => (
        <section key={s}>
          <h2 className="text-xl font-bold">{t(`${s}Title`)}</h2>
          <p>{t(s)}</p>
        </section>
      ))}
    </article>
  );
}
