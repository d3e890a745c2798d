import { getTranslations } from "next-intl/server";
import { SummaryList, type SummaryRow } from "@/components/booking/summary-list";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { parseDayParts, parseWeekdays } from "@/lib/domain/waitlist";
import { localDateText, weekdayNames } from "@/lib/i18n/local-dates";

export interface WishSummaryData {
  referenceCode: string;
  status: string;
  persons: number;
  earliestDate: string;
  latestDate: string;
  weekdays: string;
  dayParts: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  service: { name: string; textLocales: { name: string } };
}

/** What a wish asks for, as the citizen entered it; its place in the order is not shown. */
export async function WishSummary({ wish, locale, withStatus = true }: { wish: WishSummaryData; locale: string; withStatus?: boolean }) {
  const t = await getTranslations("waitlist");
  const names = weekdayNames(locale);
  const rows: SummaryRow[] = [
    ...(withStatus ? [{ label: t("manage.status"), value: <strong>{t(`status.${wish.status}` as never)}</strong> }] : []),
    { label: t("manage.reference"), value: wish.referenceCode },
    {
      label: t("manage.service"),
      value: (
        <TextInLanguage locale={wish.service.textLocales.name} pageLocale={locale}>
          {wish.service.name}
        </TextInLanguage>
      ),
    },
    { label: t("manage.persons"), value: String(wish.persons) },
    {
      label: t("manage.period"),
      value: t("manage.periodValue", { from: localDateText(locale, wish.earliestDate), to: localDateText(locale, wish.latestDate) }),
    },
    { label: t("manage.weekdays"), value: parseWeekdays(wish.weekdays).map((d) => names[d]).join(", ") },
    { label: t("manage.dayParts"), value: parseDayParts(wish.dayParts).map((p) => t(`dayPart.${p}`)).join(", ") },
    { label: t("manage.name"), value: [wish.givenName, wish.familyName].filter(Boolean).join(" ") },
    { label: t("manage.email"), value: wish.email ?? "" },
  ];
  return <SummaryList rows={rows} />;
}
