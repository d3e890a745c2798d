import { getTranslations } from "next-intl/server";

/** How the draw works and how anyone can check it, for the public round page. */
export async function RoundExplanation() {
  const t = await getTranslations("rounds.how");
  return (
    <section aria-labelledby="round-how" className="mt-8">
      <h2 id="round-how" className="mb-2 text-xl font-bold">
        {t("title")}
      </h2>
      <ol className="list-decimal space-y-2 ps-6">
        <li>{t("seed")}</li>
        <li>{t("count")}</li>
        <li>{t("rank")}</li>
        <li>{t("assign")}</li>
        <li>
          {t("verify")} <code translate="no">{t("command")}</code>
        </li>
      </ol>
    </section>
  );
}
