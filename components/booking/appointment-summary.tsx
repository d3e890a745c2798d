import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { documentsOf, localizeService, type TranslatableService } from "@/lib/domain/service-texts";
import { clockTime, longDate } from "./format";
import { OfficeLocation } from "./office-address";
import { type SummaryRow, SummaryList } from "./summary-list";

interface Appointment {
  startsAt: Date;
  persons: number;
  service: TranslatableService;
  office: Parameters<typeof OfficeLocation>[0]["office"] & { timeZone: string };
}

/** What, when, where and for how many: the same rows on the confirmation and the manage page. */
export async function AppointmentSummary({
  booking,
  before = [],
  after = [],
}: {
  booking: Appointment;
  before?: SummaryRow[];
  after?: SummaryRow[];
}) {
  const t = await getTranslations("booking");
  const format = await getFormatter();
  const tz = booking.office.timeZone;
  const locale = await getLocale();
  const service = localizeService(booking.service, locale);
  return (
    <SummaryList
      rows={[
        ...before,
        {
          label: t("review.service"),
          value: (
            <TextInLanguage locale={service.textLocales.name} pageLocale={locale}>
              {service.name}
            </TextInLanguage>
          ),
        },
        {
          label: t("review.when"),
          value: t("review.whenValue", {
            date: longDate(format, booking.startsAt, tz),
            time: clockTime(format, booking.startsAt, tz),
          }),
        },
        {
          label: t("review.where"),
          value: <OfficeLocation office={booking.office} pageLocale={locale} roomLabel={(room) => t("room", { room })} />,
        },
        { label: t("review.persons"), value: String(booking.persons) },
        ...after,
      ]}
    />
  );
}

/** The service's documents in the page's language (German where the office has not translated them). */
export async function DocumentsToBring({ service }: { service: TranslatableService }) {
  const locale = await getLocale();
  const localized = localizeService(service, locale);
  const documents = documentsOf(localized);
  if (documents.length === 0) return null;
  const t = await getTranslations("booking");
  return (
    <section className="mt-6">
      <h2 className="text-xl font-bold">{t("done.bring")}</h2>
      <ul className="mt-2 list-disc break-words ps-6">
        {documents.map((d) => (
          <li key={d}>
            <TextInLanguage locale={localized.textLocales.documents} pageLocale={locale}>
              {d}
            </TextInLanguage>
          </li>
        ))}
      </ul>
    </section>
  );
}
