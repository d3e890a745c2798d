import { AppointmentMail } from "./components/appointment-mail";
import { documentsToBring } from "./components/format";
import { ActionButton, DocumentsList, Paragraph, CheckInCode } from "./components/parts";
import type { BookingEmailProps } from "./booking-confirmation";

/**
 * Sent a configurable number of hours before the appointment. Cancelling is one click away, so that a citizen who
 * cannot come frees the place instead of not showing up. The link is new (the token was rotated when this e-mail
 * was written), so the e-mail says that the link from the confirmation no longer works.
 */
export function BookingReminderEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  const documents = documentsToBring(payload);
  return (
    <AppointmentMail ctx={ctx} payload={payload} texts="reminder">
      {documents.length > 0 && (
        <DocumentsList ctx={ctx} title={t("confirmation.documentsTitle")} payload={payload} />
      )}
      <CheckInCode ctx={ctx} payload={payload} />
      <ActionButton ctx={ctx} href={payload.manageUrl} label={t("reminder.cancelButton")} intro={t("reminder.cancelIntro")} />
      <Paragraph>{t("reminder.linkNote")}</Paragraph>
    </AppointmentMail>
  );
}

export default BookingReminderEmail;
