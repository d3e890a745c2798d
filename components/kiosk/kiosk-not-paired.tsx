import { getTranslations } from "next-intl/server";
import { buttonPrimary } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";

/** What a browser without this office's kiosk credential sees instead of the kiosk: how a kiosk is paired. */
export async function KioskNotPaired() {
  const t = await getTranslations("checkin.pairing");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("text")}</p>
      <ol className="list-decimal space-y-1 ps-6 text-lg">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
        <li>{t("step3")}</li>
      </ol>
      <Link href="/geraet" className={buttonPrimary}>
        {t("link")}
      </Link>
    </div>
  );
}
