import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AppointmentSummary, DocumentsToBring, servicesOfBooking } from "@/components/booking/appointment-summary";
import { errorKey } from "@/components/booking/error-key";
import { dateAndTime } from "@/components/booking/format";
import { HoldExtendedNotice, HoldExtension } from "@/components/booking/hold-extension";
import { StepIndicator } from "@/components/booking/step-indicator";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { holdExtensionOffer } from "@/lib/domain/holds";
import { Link, redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { furtherServicesWithTranslations, serviceWithTranslations } from "@/lib/server/services/office-catalog";
import { withBookingServiceTexts } from "@/lib/server/services/service-texts";
import { readWizardState } from "@/lib/server/wizard-state";
import { extendWizardHold } from "../../actions";

type Params = Promise<{ locale: string; office: string; service: string }>;
type Search = Promise<{ fehler?: string; verlaengert?: string }>;

export async function generateMetadata() {
  const t = await getTranslations("booking.titles");
  return { title: t("done") };
}

export default async function ConfirmationPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  const q = await searchParams;
  setRequestLocale(p.locale);
  const state = await readWizardState(p.office, p.service);
  if (!state?.done) return redirect({ href: `/${p.office}/${p.service}`, locale: p.locale });
  const row = await getDb().booking.findUnique({
    where: { id: state.done.bookingId },
    include: { office: true, service: serviceWithTranslations, extraServices: furtherServicesWithTranslations },
  });
  if (!row || row.erasedAt) notFound();
  const booking = withBookingServiceTexts(row);
  const t = await getTranslations("booking");
  if (booking.status === "HELD" && booking.holdExpiresAt) {
    const now = new Date();
    const format = await getFormatter();
    const te = await getTranslations("errors");
    const error = errorKey(q.fehler);
    return (
      <div>
        <StepIndicator current="done" />
        {error && <Alert kind="error">{te(error)}</Alert>}
        {q.verlaengert && !error && <HoldExtendedNotice booking={booking} />}
        <div className="mb-6 border-4 border-brand bg-white p-6">
          <h1 className="text-3xl font-bold">{t("done.heldTitle")}</h1>
          <p className="mt-4 text-lg" data-testid="hold-deadline">
            {t("done.heldMailSent", {
              email: booking.email ?? "",
              minutes: booking.office.holdMinutes,
              deadline: dateAndTime(format, booking.holdExpiresAt, booking.office.timeZone),
            })}
          </p>
          <p className="mt-2">{t("done.heldWarning")}</p>
          <HoldExtension
            offer={holdExtensionOffer(booking, booking.office.holdMinutes, now)}
            timeZone={booking.office.timeZone}
            action={extendWizardHold.bind(null, p.office, p.service)}
          />
        </div>
        <AppointmentSummary booking={booking} />
        {/* No confirm button here: confirming proves access to the e-mail address, so it needs the e-mail's link. */}
        <p className="mt-6">{t("done.heldNoMail")}</p>
      </div>
    );
  }
  return (
    <div>
      <StepIndicator current="done" />
      <div className="mb-6 bg-success p-6 text-center text-white">
        <h1 className="text-3xl font-bold">{t("done.title")}</h1>
        <p className="mt-4 text-lg">{t("done.reference")}</p>
        <p className="text-3xl font-bold tracking-wider" dir="ltr" data-testid="reference-code">
          {booking.referenceCode}
        </p>
      </div>
      <Alert kind="info">{t("done.mailSent", { email: booking.email ?? "" })}</Alert>
      <AppointmentSummary booking={booking} />
      <DocumentsToBring services={servicesOfBooking(booking)} />
      <div className="mt-8 flex flex-wrap gap-3 no-print">
        <Link href={`/termin/${state.done.token}`} className={buttonPrimary}>
          {t("done.manage")}
        </Link>
        <a href={`/api/v1/bookings/${state.done.token}/calendar.ics`} className={buttonSecondary} download>
          {t("done.calendar")}
        </a>
        <Link href={`/${booking.office.slug}`} className={buttonSecondary}>
          {t("done.newBooking")}
        </Link>
      </div>
    </div>
  );
}
