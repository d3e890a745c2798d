import { getTranslations } from "next-intl/server";
import { buttonPrimary, link } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";

/**
 * The way from the calendar to the waiting list. When nothing at all is free within the horizon, a prominent offer
 * right below the step's title; otherwise a quiet link below the calendar for those who want an earlier time or
 * found nothing that suits.
 */
export async function WaitlistEntry({ href, prominent }: { href: string; prominent: boolean }) {
  const t = await getTranslations("waitlist.entry");
  if (prominent) {
    return (
      <section aria-labelledby="waitlist-offer" className="mb-8 rounded border-4 border-brand bg-white p-4">
        <h2 id="waitlist-offer" className="text-xl font-bold">
          {t("noneTitle")}
        </h2>
        <p className="my-2">{t("noneText")}</p>
        <Link href={href} className={buttonPrimary}>
          {t("noneButton")}
        </Link>
      </section>
    );
  }
  return (
    <p className="mt-8">
      {t("quietText")}{" "}
      <Link href={href} className={link}>
        {t("quietLink")}
      </Link>
    </p>
  );
}
