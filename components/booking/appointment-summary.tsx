import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { type AppointmentKind, videoMeetingUrl } from "@/lib/domain";
import { documentsOfAll, localizeService, type TranslatableService } from "@/lib/domain/service-texts";
import { clockTime, longDate } from "./format";
import { OfficeLocation } from "./office-address";
import { type SummaryRow, SummaryList } from "./summary-list";

interface Appointment {
  startsAt: Date;
  persons: number;
  referenceCode: string;
  service: TranslatableService;
  /** The further services of the same appointment, in order. */
  extraServices?: ReadonlyArray<{ service: TranslatableService }>;
  /** Absent: in person. */
  kind?: AppointmentKind;
  office: Parameters<typeof OfficeLocation>[0]["office"] & { timeZone: string; videoMeetingUrlTemplate?: string | null };
}

/** The appointment's services in order: the first, then the further ones. */
export function servicesOfBooking(booking: Pick<Appointment, "service" | "extraServices">): TranslatableService[] {
  return [booking.service, ...(booking.extraServices ?? []).map((e) => e.service)];
}

/** A video appointment's meeting link, from the office's own address; null for other kinds or without an address. */
export function meetingLinkOf(booking: Pick<Appointment, "kind" | "referenceCode" | "office">): string | null {
  const template = booking.office.videoMeetingUrlTemplate;
  return booking.kind === "VIDEO" && template ? videoMeetingUrl(template, booking.referenceCode) : null;
}

/** Where the appointment takes place: the office, the phone (the office calls) or the video meeting's link. */
export async function AppointmentPlace({ booking }: { booking: Pick<Appointment, "kind" | "referenceCode" | "office"> }) {
  const t = await getTranslations("booking");
  const locale = await getLocale();
  if (booking.kind === "PHONE") return <>{t("kind.phonePlace")}</>;
  const link = meetingLinkOf(booking);
  if (booking.kind === "VIDEO") {
    return (
      <>
        <span className="block">{t("kind.videoPlace")}</span>
        {link && (
          <a href={link} className="break-all text-brand underline" dir="ltr" rel="noopener noreferrer" target="_blank" data-testid="video-link">
            {link}
          </a>
        )}
      </>
    );
  }
  return <OfficeLocation office={booking.office} pageLocale={locale} roomLabel={(room) => t("room", { room })} />;
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
  const services = servicesOfBooking(booking).map((s) => localizeService(s, locale));
  return (
    <SummaryList
      rows={[
        ...before,
        {
          label: t("review.service"),
          value: <ServiceNames services={services} pageLocale={locale} />,
        },
        {
          label: t("review.when"),
          value: t("review.whenValue", {
            date: longDate(format, booking.startsAt, tz),
            time: clockTime(format, booking.startsAt, tz),
          }),
        },
        { label: t("review.where"), value: <AppointmentPlace booking={booking} /> },
        { label: t("review.persons"), value: String(booking.persons) },
        ...after,
      ]}
    />
  );
}

/** The names of an appointment's services, one per line, each marked with the language it is in. */
export function ServiceNames({
  services,
  pageLocale,
}: {
  services: ReadonlyArray<{ name: string; textLocales: { name: string } }>;
  pageLocale: string;
}) {
  return (
    <>
      {services.map((s, i) => (
        <span key={i} className="block">
          <TextInLanguage locale={s.textLocales.name} pageLocale={pageLocale}>
            {s.name}
          </TextInLanguage>
        </span>
      ))}
    </>
  );
}

/** What to bring for all of the appointment's services, each document once, in the page's language where translated. */
export async function DocumentsToBring({ services }: { services: readonly TranslatableService[] }) {
  const locale = await getLocale();
  const documents = documentsOfAll(services.map((s) => localizeService(s, locale)));
  if (documents.length === 0) return null;
  const t = await getTranslations("booking");
  return (
    <section className="mt-6">
      <h2 className="text-xl font-bold">{t("done.bring")}</h2>
      <ul className="mt-2 list-disc break-words ps-6">
        {documents.map((d) => (
          <li key={d.text}>
            <TextInLanguage locale={d.locale} pageLocale={locale}>
              {d.text}
            </TextInLanguage>
          </li>
        ))}
      </ul>
    </section>
  );
}
