import { ActionButton, Detail, Paragraph } from "./components/parts";
import { AppointmentMail } from "./components/appointment-mail";
import type { BookingEmailProps } from "./booking-confirmation";

/**
 * Sent when the citizen cancels and when the office cancels (then usually with a reason, and, where the office
 * cancelled because of a capacity change, a link to pick a new time with the data kept).
 */
export function BookingCancelledEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  return (
    <AppointmentMail ctx={ctx} payload={payload} texts="cancelled">
      {payload.reason && <Detail label={t("cancelled.reasonTitle")}>{payload.reason}</Detail>}
      {payload.newTimeUrl ? (
        <ActionButton ctx={ctx} href={payload.newTimeUrl} label={t("cancelled.newTimeButton")} intro={t("cancelled.newTimeIntro")} />
      ) : (
        payload.bookAgainUrl && (
          <ActionButton
            ctx={ctx}
            href={payload.bookAgainUrl}
            label={t("cancelled.bookAgainButton")}
            intro={t("cancelled.bookAgainIntro")}
          />
        )
      )}
      <Paragraph>{t("cancelled.calendarHint")}</Paragraph>
    </AppointmentMail>
  );
}

export default BookingCancelledEmail;
