import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { documentsOf, localizeService, type TranslatableService } from "@/lib/server/services/office-catalog";
import { clockTime, longDate, officeLocation } from "./format";
import { type SummaryRow, SummaryList } from "./summary-list";

interface Appointment {
  startsAt: Date;
  persons: number;
  service: TranslatableService;
  office: Parameters<typeof officeLocation>[0] & { timeZone: string };
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
  const service = localizeService(booking.service, await getLocale());
  return (
    <SummaryList
      rows={[
        ...before,
        { label: t("review.service"), value: service.name },
        {
          label: t("review.when"),
          value: t("review.whenValue", {
            date: longDate(format, booking.startsAt, tz),
            time: clockTime(format, booking.startsAt, tz),
          }),
        },
        { label: t("review.where"), value: officeLocation(booking.office, (room) => t("room", { room })) },
        { label: t("review.persons"), value: String(booking.persons) },
        ...after,
      ]}
    />
  );
}

/** The service's documents in the page's language (German where the office has not translated them). */
export async function DocumentsToBring({ service }: { service: TranslatableService }) {
  const documents = documentsOf(localizeService(service, await getLocale()));
  if (documents.length === 0) return null;
  const t = await getTranslations("booking");
  return (
    <section className="mt-6">
      <h2 className="text-xl font-bold">{t("done.bring")}</h2>
      <ul className="mt-2 list-disc break-words ps-6">
        {documents.map((d) => (
          <li key={d}>
            <bdi>{d}</bdi>
          </li>
        ))}
      </ul>
    </section>
  );
}
