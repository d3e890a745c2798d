import { ActionButton, AppointmentDetails, DocumentsList, Greeting, OfficeContact, Paragraph } from "./components/parts";
import { formatAppointment } from "./components/format";
import { EmailLayout } from "./components/layout";
import type { BookingEmailProps } from "./booking-confirmation";

/**
 * Sent a configurable number of hours before the appointment. Cancelling is one click away, so that a citizen who
 * cannot come frees the place instead of not showing up. The link is new (the token was rotated when this e-mail
 * was written), so the e-mail says that the link from the confirmation no longer works.
 */
export function BookingReminderEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  const { office, service, booking } = payload;
  const when = formatAppointment(ctx.locale, office.timeZone, booking);
  return (
    <EmailLayout
      ctx={ctx}
      office={office}
      preview={t("reminder.preview", { date: when.date, time: when.time })}
      heading={t("reminder.heading")}
    >
      <Greeting ctx={ctx} booking={booking} />
      <Paragraph>{t("reminder.intro")}</Paragraph>
      <AppointmentDetails ctx={ctx} payload={payload} />
      <Paragraph>{t("confirmation.referenceHint")}</Paragraph>
      {service.documents.length > 0 && (
        <DocumentsList ctx={ctx} title={t("confirmation.documentsTitle")} service={service} />
      )}
      <ActionButton href={payload.manageUrl} label={t("reminder.cancelButton")} intro={t("reminder.cancelIntro")} />
      <Paragraph>{t("reminder.linkNote")}</Paragraph>
      <OfficeContact ctx={ctx} office={office} />
    </EmailLayout>
  );
}

export default BookingReminderEmail;
