import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  const tc = await getTranslations("common");
  return (
    <div className="space-y-4">
      <title>{`${t("title")} – ${tc("siteName")}`}</title>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("text")}</p>
      <Link href="/" className="underline">
        {t("home")}
      </Link>
    </div>
  );
}
