import { ActionButton, AppointmentDetails, Detail, Greeting, OfficeContact, Paragraph } from "./components/parts";
import { formatAppointment } from "./components/format";
import { EmailLayout } from "./components/layout";
import type { BookingEmailProps } from "./booking-confirmation";

/**
 * Sent when the citizen cancels and when the office cancels (then usually with a reason, and, where the office
 * cancelled because of a capacity change, a link to pick a new time with the data kept).
 */
export function BookingCancelledEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  const { office, booking } = payload;
  const when = formatAppointment(ctx.locale, office.timeZone, booking);
  return (
    <EmailLayout
      ctx={ctx}
      office={office}
      preview={t("cancelled.preview", { date: when.date, time: when.time })}
      heading={t("cancelled.heading")}
    >
      <Greeting ctx={ctx} booking={booking} />
      <Paragraph>{t("cancelled.intro")}</Paragraph>
      <AppointmentDetails ctx={ctx} payload={payload} />
      {payload.reason && <Detail label={t("cancelled.reasonTitle")}>{payload.reason}</Detail>}
      {payload.newTimeUrl ? (
        <ActionButton href={payload.newTimeUrl} label={t("cancelled.newTimeButton")} intro={t("cancelled.newTimeIntro")} />
      ) : (
        payload.bookAgainUrl && (
          <ActionButton
            href={payload.bookAgainUrl}
            label={t("cancelled.bookAgainButton")}
            intro={t("cancelled.bookAgainIntro")}
          />
        )
      )}
      <Paragraph>{t("cancelled.calendarHint")}</Paragraph>
      <OfficeContact ctx={ctx} office={office} />
    </EmailLayout>
  );
}

export default BookingCancelledEmail;
